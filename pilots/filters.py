import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ListingFilterSet

from .models import PilotStatus


class PilotFilter(ListingFilterSet):
    """Query-string filters of the pilot projects: ?country=FR&status=running."""

    country = django_filters.ChoiceFilter(empty_label=_("All countries"), label=_("Country"))
    status = django_filters.ChoiceFilter(
        choices=PilotStatus.choices, empty_label=_("Any status"), label=_("Status")
    )
