import django_filters
from django.utils.translation import gettext_lazy as _

from .models import PartnerKind


class PartnerFilter(django_filters.FilterSet):
    """Query-string filters of the partner directory: ?kind=city&country=FR&status=associate."""

    kind = django_filters.ChoiceFilter(
        choices=PartnerKind.choices, empty_label=_("All kinds"), label=_("Kind")
    )
    country = django_filters.ChoiceFilter(empty_label=_("All countries"), label=_("Country"))
    status = django_filters.ChoiceFilter(
        choices=[("full", _("Full partners")), ("associate", _("Associate partners"))],
        empty_label=_("Full and associate partners"),
        label=_("Status"),
        method="filter_status",
    )

    def __init__(self, *args, queryset, countries, **kwargs):
        """`countries`: the (code, name) choices of the country filter."""
        super().__init__(*args, queryset=queryset, **kwargs)
        self.filters["country"].extra["choices"] = countries

    def in_force(self):
        """The filters in force, as text (for a cache key): only valid values, which the form
        keeps as the filtering does, so there are as many texts as combinations of choices."""
        if not self.is_bound:
            return ""
        self.form.is_valid()  # cleans the form: cleaned_data holds the valid values only
        return "&".join(
            f"{name}={value}" for name, value in sorted(self.form.cleaned_data.items()) if value
        )

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_associate=value == "associate")
