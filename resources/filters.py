import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import ListingFilterSet

from .choices import ResourceType


class ResourceFilter(ListingFilterSet):
    """Query-string filters of the resource library: ?type=guide&topic=evaluation&year=2016."""

    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        choices=ResourceType.choices,
        empty_label=_("All types"),
        label=_("Type"),
    )
    topic = django_filters.ChoiceFilter(
        field_name="topic_links__topic__slug", empty_label=_("All topics"), label=_("Topic")
    )
    year = django_filters.ChoiceFilter(
        field_name="date__year", empty_label=_("All years"), label=_("Year")
    )

    def __init__(self, *args, queryset, topics, years, **kwargs):
        """`topics` and `years`: the (value, label) choices of those filters."""
        super().__init__(*args, queryset=queryset, **kwargs)
        self.filters["topic"].extra["choices"] = topics
        self.filters["year"].extra["choices"] = years
