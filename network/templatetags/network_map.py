from django import template

from network.map import EVENT_SHAPE, HEIGHT, SHAPES, WIDTH, inset_view_box, is_on_map, project

register = template.Library()


@register.inclusion_tag("network/map_inset.html")
def map_inset(page, caption=""):
    """A small map of the place of a page with coordinates (a partner, an event), drawn from
    the page alone (no query); nothing when it has none, or they fall outside the map of
    Europe. `caption`: what the map shows, by default where the partner is."""
    if page.latitude is None or page.longitude is None:
        return {}
    x, y = project(page.latitude, page.longitude)
    if not is_on_map(x, y):
        return {}
    kind = getattr(page, "kind", "event")
    return {
        "place": page,
        "caption": caption,
        "marker_kind": kind,
        "view_box": inset_view_box(x, y),
        "transform": f"translate({x:.1f} {y:.1f})",
        "shape": SHAPES.get(kind, EVENT_SHAPE),
        "width": WIDTH,
        "height": HEIGHT,
    }
