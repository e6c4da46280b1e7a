from pathlib import Path

from django import template
from django.templatetags.static import static

from network.map import EVENT_SHAPE, HEIGHT, SHAPES, WIDTH, inset_view_box, is_on_map, project

register = template.Library()


@register.inclusion_tag("network/map_inset.html")
def map_inset(page, caption=""):
    """A small map of the place of a page with coordinates (a partner, an event), its marker in
    the partner's kind (or an event's) shape and colour. `caption`: what the map shows, by
    default where the partner is."""
    kind = getattr(page, "kind", "event")
    return inset(page, kind, SHAPES.get(kind, EVENT_SHAPE), caption)


def inset(page, kind, shape, caption=""):
    """The context of a small map of a page's place (a partner, an event, a pilot project),
    drawn from the page alone (no query), its marker in `kind`'s colour and `shape`; empty when
    it has no coordinates, or they fall outside the map of Europe."""
    if page.latitude is None or page.longitude is None:
        return {}
    x, y = project(page.latitude, page.longitude)
    if not is_on_map(x, y):
        return {}
    return {
        "place": page,
        "caption": caption,
        "marker_kind": kind,
        "view_box": inset_view_box(x, y),
        "transform": f"translate({x:.1f} {y:.1f})",
        "shape": shape,
        "width": WIDTH,
        "height": HEIGHT,
    }


# Flags of European countries (flag-icons 7.5.0, MIT: network/static/network/flags/LICENSE).
FLAGS_DIR = Path(__file__).resolve().parent.parent / "static" / "network" / "flags"
FLAG_CODES = frozenset(path.stem for path in FLAGS_DIR.glob("*.svg"))


@register.inclusion_tag("network/partner_badge.html")
def partner_badge(partner, size="card"):
    """What stands for a partner without an uploaded logo: the symbol of its kind, as on the
    map, and its country's flag (`size`: "card" or "page"). Its name, kind and country are
    written beside it, so it is decoration for screen readers."""
    country = (partner.country.code or "").lower()
    return {
        "kind": partner.kind,
        "shape": SHAPES.get(partner.kind, EVENT_SHAPE),
        "flag": static(f"network/flags/{country}.svg") if country in FLAG_CODES else "",
        "size": size,
    }
