"""Search fields whose indexed text reads well in a search result's extract, which is drawn
from the text of all a page's fields in a row (docs/search.md)."""

from django.utils import translation
from wagtail.search import index

# What may end a sentence already; any other end of a part gets a full stop.
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", "»", "”", '"', ")")


def as_sentence(text):
    """`text` on one line, ending like a sentence: "…in May 2016. Bordeaux, France." rather than
    "…in May 2016 Bordeaux France" once the fields follow one another."""
    text = " ".join(str(text).split())
    if text and not text.endswith(SENTENCE_ENDS):
        text += "."
    return text


class PassageField(index.SearchField):
    """A text field, or the text blocks of a StreamField, indexed as sentences: blocks are joined
    with a space, not the ", " that gave extracts such as "…radicalisation., Ceci est…"."""

    def get_value(self, obj):
        value = super().get_value(obj)
        parts = value if isinstance(value, list) else [value]
        return " ".join(sentence for part in parts if part and (sentence := as_sentence(part)))


class PlaceField(index.SearchField):
    """A page's city and country (core.places.PlaceMixin) as one sentence, "Bordeaux, France.",
    the country named in the page's language: "Belgique" finds a Belgian partner in French and
    "Belgium" in English."""

    def __init__(self, **kwargs):
        super().__init__("place", **kwargs)

    def get_value(self, page):
        with translation.override(page.locale.language_code):
            return as_sentence(page.place)
