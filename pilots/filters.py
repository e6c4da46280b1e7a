import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import CountryListingFilterSet

from .choices import PilotStatus


class PilotFilter(CountryListingFilterSet):
    """Query-string filters of the pilot projects: ?country=FR&status=running."""

    status = django_filters.ChoiceFilter(
        choices=PilotStatus.choices, empty_label=_("Any status"), label=_("Status")
    )
