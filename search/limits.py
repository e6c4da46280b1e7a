"""How long a search may be. Each word becomes a nested term of the database query, and
PostgreSQL's backend builds that query recursively: beyond some 150 words it fails with a
RecursionError. Searches are therefore bounded before they reach a backend."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 32


def query_too_long(query_string):
    """Why this search is refused (a sentence for the visitor), or "" when it is acceptable."""
    if len(query_string) > MAX_QUERY_LENGTH or len(query_string.split()) > MAX_QUERY_WORDS:
        return _(
            "Your search is too long: use at most %(words)s words and %(characters)s characters."
        ) % {"words": MAX_QUERY_WORDS, "characters": MAX_QUERY_LENGTH}
    return ""


def refuse_too_long(query):
    """Raise BadRequest (a 400 answer) for a search too long for the backend, wherever it comes
    from: the admin's search boxes reach the backend without the public site's checks."""
    if refusal := query_too_long(query_text(query)):
        raise BadRequest(refusal)


def query_text(query):
    """The words of a search: a string, or a query object of wagtail.search.query, into which
    the admin parses its search boxes (PlainText, Phrase… combined by And, Or, Not, Boost)."""
    if isinstance(query, str):
        return query
    parts = [getattr(query, "query_string", "")]
    parts += [query_text(subquery) for subquery in getattr(query, "subqueries", ())]
    if (subquery := getattr(query, "subquery", None)) is not None:
        parts.append(query_text(subquery))
    return " ".join(part for part in parts if part)
