"""The pilot projects on the map of the network (network/map.py), on the pilots index."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from network.map import (
    HEIGHT,
    WIDTH,
    cached_map,
    marker_label,
    markers,
    placed_and_unplaced,
    view_box,
)
from pagecache.versions import sections_of

# A hexagon about 20 units across: a shape of its own, as each kind of partner has.
PILOT_SHAPE = "M0-11L9.5-5.5V5.5L0 11L-9.5 5.5V-5.5Z"


def describe_pilot(pilot):
    """A pilot's marker: named after the pilot, its status and its place."""
    return "pilot", PILOT_SHAPE, marker_label(pilot, pilot.get_status_display())


def pilot_map(index, pilots, request):
    """The map of the pilot projects of `index` that match the filters in force (`pilots`, a
    PilotFilter), whose list follows the map."""
    return cached_map(
        f"pilots:{index.pk}:{pilots.in_force()}",
        lambda: render_pilot_map(pilots.qs, request),
        sections_of(pilots.queryset.model),
    )


def render_pilot_map(pilots, request):
    pilots, unplaced = placed_and_unplaced(pilots, "status")
    placed = markers(pilots, request, describe=describe_pilot)
    return render_to_string(
        "pilots/pilot_map.html",
        {
            "markers": placed,
            "unplaced": unplaced + len(pilots) - len(placed),
            "legend": (_("Pilot project"), PILOT_SHAPE, "pilot"),
            "view_box": view_box(placed),
            "width": WIDTH,
            "height": HEIGHT,
        },
        request,
    )
