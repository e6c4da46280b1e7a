"""The query parameters a page reads, so that the page cache stores a page only under the
addresses the site itself links to (docs/performance.md, "The page cache").

While a response is made, the code that reads a query parameter declares it, and whether the
request's value is canonical: one the page shows as asked (an existing page number, a filter
choice or a tag that exists, a comment to reply to), not one it corrected, ignored or did not
find. PageCacheMiddleware stores the response only when every parameter of the request
(tracking ones aside) appears once and was declared canonical; any other query (`?ref=…`,
`?page=999`, an unknown tag) is answered by rendering the page, without storing it. A page's
entries are thus bounded by its valid combinations of parameters, whatever visitors send.
"""

from contextvars import ContextVar

from .context import bound

# {name: canonical} of the response being made (None outside PageCacheMiddleware).
declared_parameters = ContextVar("pagecache_declared_parameters", default=None)


def parameters_for_request():
    """Collect the declarations of the response made within the block (yielded: a dict)."""
    return bound(declared_parameters, {})


def reads_query_parameter(name, canonical):
    """Declare that the page being made reads query parameter `name`; `canonical`: whether the
    request's value (or its absence) is one the page shows as asked."""
    parameters = declared_parameters.get()
    if parameters is not None:
        parameters[name] = parameters.get(name, True) and canonical


def has_canonical_query(query, parameters):
    """Whether `query` ([(name, value), …]) names each parameter once, each declared canonical
    in `parameters`."""
    names = [name for name, _ in query]
    return len(names) == len(set(names)) and all(parameters.get(name, False) for name in names)
