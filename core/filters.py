import django_filters
from django.utils.translation import gettext_lazy as _

from pagecache.parameters import reads_query_parameter


class ListingFilterSet(django_filters.FilterSet):
    """The query-string filters of a cached listing (core/listings.py), which keys its order by
    the filters in force."""

    def in_force(self):
        """The filters in force, as text (for a cache key): only valid values, which the form
        keeps as the filtering does, so there are as many texts as combinations of choices."""
        if not self.is_bound:
            return ""
        self.form.is_valid()  # cleans the form: cleaned_data holds the valid values only
        return "&".join(
            f"{name}={value}" for name, value in sorted(self.form.cleaned_data.items()) if value
        )

    def declare_query_parameters(self):
        """Tell the page cache which filters the page reads, and whether each value was valid."""
        for name in self.filters:
            reads_query_parameter(name, name not in self.form.errors)


class CountryListingFilterSet(ListingFilterSet):
    """A listing's filters with a `country` filter offering the countries of the pages listed
    (the partner directory, the pilot projects)."""

    country = django_filters.ChoiceFilter(empty_label=_("All countries"), label=_("Country"))

    def __init__(self, *args, queryset, countries, **kwargs):
        """`countries`: the (code, name) choices of the country filter."""
        super().__init__(*args, queryset=queryset, **kwargs)
        self.filters["country"].extra["choices"] = countries
