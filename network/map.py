"""The map of the network: partners placed at their city on the outline of Europe
(static/map/europe.svg, built by scripts/build_europe_map.mjs with the projection in
europe_map.json), rendered on the server as links, one per partner with coordinates. The pilot
projects' map (pilots/map.py) places its markers with the same functions."""

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from pagecache.data import cached_per_generation
from pagecache.versions import sections_of

from .choices import PartnerKind

BOX = json.loads(Path(__file__).with_name("europe_map.json").read_text())
X_SCALE = math.cos(math.radians(BOX["standard_parallel"]))
SCALE = BOX["width"] / ((BOX["east"] - BOX["west"]) * X_SCALE)
WIDTH = BOX["width"]
HEIGHT = round((BOX["north"] - BOX["south"]) * SCALE)

# Markers closer than this (map units) would hide one another: the later one moves aside.
MARKER_SPACING = 22
# Around the markers, the map shows at least this (units), and this much beyond the outermost.
MIN_VIEW_WIDTH = 360
VIEW_MARGIN = 40
# A map around markers is never taller than this part of its width (a landscape map), so that
# a few markers far apart north to south do not push the list under it below the fold.
MAX_VIEW_ASPECT = 9 / 16
# A partner page's map shows this much (units) around the partner: its region of Europe.
INSET_WIDTH = 420
# Where a crowded marker may go, around its place: rings of growing radius.
NUDGES = tuple(
    (ring * MARKER_SPACING * math.cos(angle), ring * MARKER_SPACING * math.sin(angle))
    for ring in (1, 2, 3, 4)
    for angle in (math.radians(step * 360 / (6 * ring)) for step in range(6 * ring))
)

# Each kind its own shape, so that colour is not the only difference (WCAG 1.4.1): SVG path
# data centred on (0, 0), about 20 units across.
SHAPES = {
    PartnerKind.LEAD: "M0-13L3.8-4.2L12.4-4L5.6 1.6L7.9 10.4L0 5.3L-7.9 10.4L-5.6 1.6L-12.4-4"
    "L-3.8-4.2Z",
    PartnerKind.CITY: "M9 0A9 9 0 1 1-9 0A9 9 0 1 1 9 0Z",
    PartnerKind.REGION: "M-8-8H8V8H-8Z",
    PartnerKind.NATIONAL_FORUM: "M0-10L10 8H-10Z",
    PartnerKind.NGO: "M0-11L11 0L0 11L-11 0Z",
}
# Beyond this many markers a map is unreadable, and heavy (each is some 300 bytes of HTML):
# pages close together then share one marker, which leads to their list.
MAX_MARKERS = 120
# A group of pages: a larger circle, with their number written in it.
GROUP_SHAPE = "M13 0A13 13 0 1 1-13 0A13 13 0 1 1 13 0Z"
# Where an event (a seminar, a training session) takes place: a pin, its point at (0, 0).
EVENT_SHAPE = "M0 0C-4-7-9-11-9-17A9 9 0 1 1 9-17C9-11 4-7 0 0Z"


def project(latitude, longitude):
    """(x, y) on the map of a point in degrees: the formula of the build script."""
    x = (longitude - BOX["west"]) * X_SCALE * SCALE
    y = (BOX["north"] - latitude) * SCALE
    return x, y


def is_on_map(x, y):
    return 0 <= x <= WIDTH and 0 <= y <= HEIGHT


@dataclass(frozen=True)
class Marker:
    """A page (a partner, a pilot project) on the map: frozen, so that the process may keep it
    (pagecache.cache). `kind` names its colour (CSS), `shape` is its SVG path data."""

    name: str
    url: str
    kind: str
    shape: str
    label: str
    x: float
    y: float
    # Where the partner really is, when its marker had to move aside for another.
    true_x: float
    true_y: float
    # How many pages the marker stands for: more than one for a group (grouped_markers).
    count: int = 1

    @property
    def is_moved(self):
        return (self.x, self.y) != (self.true_x, self.true_y)


# What a marker needs of a page, besides what `describe` reads (a partner's kind, a pilot's
# status): its name, its address (Wagtail builds it from url_path), its place.
MARKER_FIELDS = ("title", "url_path", "city", "country", "latitude", "longitude")


def placed_and_unplaced(pages, *described_fields):
    """The pages of `pages` (a queryset, in the order of the keyboard's path) that have
    coordinates, with only the columns a marker needs, and the number of those without: two
    light queries however many pages the site has, instead of every column of every page."""
    pages = pages.prefetch_related(None).select_related(None)
    has_place = Q(latitude__isnull=False, longitude__isnull=False)
    placed = list(pages.filter(has_place).only(*MARKER_FIELDS, *described_fields))
    return placed, pages.exclude(has_place).count()


def markers(pages, request, describe=None, group_url=None):
    """The markers of `pages` that have coordinates inside the map, in their order (the
    keyboard's path), each moved aside from the markers before it when they would overlap.
    `describe(page)`: its (kind, shape, accessible name); a partner's by default. Beyond
    MAX_MARKERS, with `group_url(country code)` (the list of the pages of a country), pages
    close together share a marker (grouped_markers)."""
    describe = describe or describe_partner
    points = [(page, *project(page.latitude, page.longitude)) for page in pages if has_place(page)]
    points = [(page, x, y) for page, x, y in points if is_on_map(x, y)]
    if group_url is not None and len(points) > MAX_MARKERS:
        return grouped_markers(points, request, describe, group_url)
    placed = []
    for page, x, y in points:
        placed.append(page_marker(page, request, describe, free_spot(x, y, placed), (x, y)))
    return tuple(placed)


def has_place(page):
    return page.latitude is not None and page.longitude is not None


def page_marker(page, request, describe, spot, true_spot):
    kind, shape, label = describe(page)
    return Marker(
        name=page.title,
        url=page.get_url(request),
        kind=kind,
        shape=shape,
        label=label,
        x=round(spot[0], 1),
        y=round(spot[1], 1),
        true_x=round(true_spot[0], 1),
        true_y=round(true_spot[1], 1),
    )


def grouped_markers(points, request, describe, group_url):
    """At most MAX_MARKERS markers for `points` [(page, x, y)]: the map cut into square cells,
    as large as needed, the pages of a cell sharing one marker at their centre (a page alone
    in its cell keeps its own), in the order of each cell's first page."""
    cell = MARKER_SPACING
    while len(cells := grid(points, cell)) > MAX_MARKERS:
        cell *= 1.5
    placed = []
    for members in cells.values():
        if len(members) == 1:
            page, x, y = members[0]
            placed.append(page_marker(page, request, describe, (x, y), (x, y)))
        else:
            placed.append(group_marker(members, group_url))
    return tuple(placed)


def grid(points, cell):
    """{cell: [(page, x, y), …]} of `points` on a grid of `cell` units, in the points' order."""
    cells = {}
    for point in points:
        cells.setdefault((int(point[1] // cell), int(point[2] // cell)), []).append(point)
    return cells


def group_marker(members, group_url):
    """One marker for several pages: at their centre, named after their number and their most
    frequent place, leading to the list of their most frequent country."""
    pages = [page for page, _x, _y in members]
    x = sum(x for _page, x, _y in members) / len(members)
    y = sum(y for _page, _x, y in members) / len(members)
    place = Counter(page.place for page in pages).most_common(1)[0][0]
    country = Counter(page.country.code for page in pages if page.country).most_common(1)
    label = ngettext(
        "%(count)d partner around %(place)s", "%(count)d partners around %(place)s", len(pages)
    ) % {"count": len(pages), "place": place}
    return Marker(
        name=label,
        url=group_url(country[0][0] if country else ""),
        kind="group",
        shape=GROUP_SHAPE,
        label=label,
        x=round(x, 1),
        y=round(y, 1),
        true_x=round(x, 1),
        true_y=round(y, 1),
        count=len(pages),
    )


def describe_partner(partner):
    """A partner's marker: its kind's colour and shape; named after the partner, its kind and
    its place."""
    return partner.kind, SHAPES[partner.kind], marker_label(partner, partner.get_kind_display())


def marker_label(page, what):
    """A marker's accessible name: the page's title, what it is (`what`) and its place."""
    return " – ".join(part for part in (page.title, what) if part) + (
        f", {page.place}" if page.place else ""
    )


def free_spot(x, y, placed):
    """(x, y), or the nearest spot around it no placed marker covers (else (x, y) itself)."""
    for dx, dy in ((0, 0), *NUDGES):
        spot = (x + dx, y + dy)
        if is_on_map(*spot) and all(
            math.dist(spot, (marker.x, marker.y)) >= MARKER_SPACING for marker in placed
        ):
            return spot
    return x, y


def directory_map(index, directory, request):
    """The map of the partners of directory page `index` that match the filters in force
    (`directory`, a PartnerFilter), whose list follows the map."""
    return cached_map(
        f"directory:{index.pk}:{directory.in_force()}",
        lambda: render_map(directory.qs, request, directory=None),
        sections_of(directory.queryset.model),
    )


def cached_map(key, build, sections):
    """The map's HTML, kept until a partner changes (`sections`: the partners'), or the next
    generation: `key` must name everything the map depends on but the language."""
    return cached_per_generation(
        f"pagecache:network-map:{translation.get_language()}:{key}",
        build,
        sections=sections,
    )


def render_map(partners, request, directory):
    """The map of `partners` (a queryset, in the order of the keyboard's path); `directory`:
    the page that lists them, when not this one."""
    partners, unplaced = placed_and_unplaced(partners, "kind")
    placed = markers(partners, request, group_url=directory_filter_url(directory))
    return render_to_string(
        "network/network_map.html",
        {
            "markers": placed,
            "unplaced": unplaced + len(partners) - len(placed),
            "kinds": [(kind.label, SHAPES[kind], kind.value) for kind in PartnerKind],
            "view_box": view_box(placed),
            "width": WIDTH,
            "height": HEIGHT,
            "directory_page": directory,
            "group_shape": GROUP_SHAPE if any(marker.count > 1 for marker in placed) else "",
        },
        request,
    )


def directory_filter_url(directory):
    """group_url for markers(): the list of a country's partners in the directory `directory`,
    or in the page itself (None: the map is the directory's)."""
    base = directory.url if directory is not None else ""

    def url(country_code):
        query = f"?country={country_code}" if country_code else ""
        return f"{base}{query}#partner-list"

    return url


def view_box(placed):
    """The SVG's viewBox: the part of the map around the markers, so that a few partners close
    together (a filtered directory) are not lost in a map of Europe; whole numbers, as text."""
    if not placed:
        return f"0 0 {WIDTH} {HEIGHT}"
    xs = [x for marker in placed for x in (marker.x, marker.true_x)]
    ys = [y for marker in placed for y in (marker.y, marker.true_y)]
    top, bottom = span(min(ys), max(ys), MIN_VIEW_WIDTH * 3 / 4, HEIGHT)
    least_width = max(MIN_VIEW_WIDTH, (bottom - top) / MAX_VIEW_ASPECT)
    left, right = span(min(xs), max(xs), least_width, WIDTH)
    return f"{left} {top} {right - left} {bottom - top}"


def span(low, high, least, limit):
    """[low, high] widened by VIEW_MARGIN, to at least `least`, kept within [0, limit]."""
    middle = (low + high) / 2
    half = max((high - low) / 2 + VIEW_MARGIN, least / 2)
    start = max(0, min(middle - half, limit - 2 * half))
    return round(start), round(min(limit, start + 2 * half))


def inset_view_box(x, y):
    """The viewBox of a small map centred on (x, y), within the map."""
    left, right = span(x, x, INSET_WIDTH, WIDTH)
    top, bottom = span(y, y, INSET_WIDTH * 3 / 4, HEIGHT)
    return f"{left} {top} {right - left} {bottom - top}"
