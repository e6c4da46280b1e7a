from django import template

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
