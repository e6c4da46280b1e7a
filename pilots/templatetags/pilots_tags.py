from django import template
from django.utils.translation import gettext as _

from network.templatetags.network_map import inset
from pilots.map import PILOT_SHAPE

register = template.Library()


@register.inclusion_tag("network/map_inset.html")
def pilot_map_inset(pilot):
    """A small map of the pilot project's place, its marker as on the pilots' map."""
    caption = _("Where the project takes place: %(place)s") % {"place": pilot.place}
    return inset(pilot, "pilot", PILOT_SHAPE, caption)
