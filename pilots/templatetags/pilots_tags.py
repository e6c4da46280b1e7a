from django import template
from django.utils.translation import gettext as _

from network.templatetags.network_map import inset
from pilots.map import PILOT_SHAPE
from pilots.models import PilotProjectPage

register = template.Library()


@register.simple_tag
def pilots_of_partner(partner):
    """The pilot projects a partner page lists: pilots own the link, so network need not know
    it."""
    return PilotProjectPage.objects.of_partner(partner)


@register.inclusion_tag("network/map_inset.html")
def pilot_map_inset(pilot):
    """A small map of the pilot project's place, its marker as on the pilots' map."""
    caption = _("Where it takes place: %(place)s") % {"place": pilot.place}
    return inset(pilot, "pilot", PILOT_SHAPE, caption)
