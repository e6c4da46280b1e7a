import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import CountryListingFilterSet

from .choices import PartnerKind


class PartnerFilter(CountryListingFilterSet):
    """Query-string filters of the partner directory: ?kind=city&country=FR&status=associate."""

    kind = django_filters.ChoiceFilter(
        choices=PartnerKind.choices, empty_label=_("All kinds"), label=_("Kind")
    )
    status = django_filters.ChoiceFilter(
        choices=[("full", _("Full partners")), ("associate", _("Associate partners"))],
        empty_label=_("Full and associate partners"),
        label=_("Status"),
        method="filter_status",
    )

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_associate=value == "associate")
