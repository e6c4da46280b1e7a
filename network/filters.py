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

    def __init__(self, *args, queryset, countries=None, **kwargs):
        """`countries`: the (code, name) choices of the country filter, when already known."""
        super().__init__(*args, queryset=queryset, **kwargs)
        if countries is None:
            countries = queryset.countries()
        self.filters["country"].extra["choices"] = countries

    def filters_in(self, query):
        """Whether the query string sets any of the filters."""
        return any(query.get(name) for name in self.filters)

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_associate=value == "associate")
