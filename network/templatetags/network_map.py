from django import template

from network.map import HEIGHT, SHAPES, WIDTH, inset_view_box, is_on_map, project

register = template.Library()


@register.inclusion_tag("network/map_inset.html")
def map_inset(partner):
    """A small map of the partner's place, drawn from the page alone (no query); nothing when
    it has no coordinates, or they fall outside the map of Europe."""
    if partner.latitude is None or partner.longitude is None:
        return {}
    x, y = project(partner.latitude, partner.longitude)
    if not is_on_map(x, y):
        return {}
    return {
        "partner": partner,
        "view_box": inset_view_box(x, y),
        "transform": f"translate({x:.1f} {y:.1f})",
        "shape": SHAPES[partner.kind],
        "width": WIDTH,
        "height": HEIGHT,
    }
