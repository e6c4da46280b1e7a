from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

from pagecache.data import cached_per_generation
from pagecache.parameters import reads_query_parameter


class OrderedListing:
    """The pages of `queryset` in its order, for a Paginator, at a cost that does not grow
    with the number of pages listed.

    Sorting a listing (seminars upcoming first, partners by kind and name) means sorting every
    page of the language, at every request: the ids in that order are kept instead, per
    generation of the cache and version of `sections` (pagecache.versions: until a page of the
    listing changes), under `key`, which must name everything else the queryset depends on.
    Counting the listing then costs no query, and a page of it is one query by primary key
    (with the queryset's `select_related`), plus its `prefetch_related`."""

    def __init__(self, key, queryset, sections, order=None):
        """`order`: a function returning the ids in order, when the queryset's own order is not
        the one (search results)."""
        self.queryset = queryset
        order = order or (lambda: queryset.prefetch_related(None).values_list("pk", flat=True))
        # A tuple: kept in the process too (pagecache.cache.is_immutable).
        self.ids = cached_per_generation(key, lambda: tuple(order()), sections=sections)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, bounds):
        """The pages of a slice of the listing: what a Paginator asks for."""
        ids = self.ids[bounds]
        pages = self.pages_by_id(ids)
        # A page deleted since the order was computed is left out (and the generation is new).
        return [pages[pk] for pk in ids if pk in pages]

    def pages_by_id(self, ids):
        """{id: page} of those of `ids` still there."""
        return self.queryset.order_by().in_bulk(ids)


def page_of(listing, per_page, request):
    """The page of `listing` that ?page= asks for (the first without one). A number that names
    none of its pages is a page that does not exist: 404, rather than another page answered
    under that address. Canonical for the page cache only when written as the page's number."""
    asked = request.GET.get("page")
    try:
        page = Paginator(listing, per_page).page(asked or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    reads_query_parameter("page", asked is None or asked == str(page.number))
    return page


def query_without(query, name):
    """The query string `query` (a QueryDict) without parameter `name`, URL-encoded."""
    query = query.copy()
    query.pop(name, None)
    return query.urlencode()
