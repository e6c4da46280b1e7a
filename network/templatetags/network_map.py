from django import template

from network.map import HEIGHT, SHAPES, WIDTH, inset_view_box, is_on_map, project

register = template.Library()


@register.inclusion_tag("network/map_inset.html")
def map_inset(partner):
    """A small map of the partner's place (its kind's shape and colour)."""
    return inset(partner, partner.kind, SHAPES[partner.kind])


def inset(page, kind, shape):
    """The context of a small map of a page's place (a partner, a pilot project), drawn from the
    page alone (no query), its marker in `kind`'s colour and `shape`; empty when it has no
    coordinates, or they fall outside the map of Europe."""
    if page.latitude is None or page.longitude is None:
        return {}
    x, y = project(page.latitude, page.longitude)
    if not is_on_map(x, y):
        return {}
    return {
        "place_page": page,
        "view_box": inset_view_box(x, y),
        "transform": f"translate({x:.1f} {y:.1f})",
        "kind": kind,
        "shape": shape,
        "width": WIDTH,
        "height": HEIGHT,
    }
