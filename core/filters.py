import django_filters

from pagecache.parameters import reads_query_parameter


class ListingFilterSet(django_filters.FilterSet):
    """Query-string filters of a paginated listing (the partner directory, the pilot projects):
    an invalid value is shown as an error and filters nothing. Subclasses declare a `country`
    filter, whose choices are the countries of the pages listed."""

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

    def declare_parameters(self):
        """Tell the page cache which of the request's filters are canonical (the valid ones)."""
        for name in self.filters:
            reads_query_parameter(name, name not in self.form.errors)
