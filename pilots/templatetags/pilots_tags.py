from django import template

from pilots.models import PilotProjectPage

register = template.Library()


@register.simple_tag
def pilots_of_partner(partner):
    """The pilot projects a partner page lists: pilots own the link, so network need not know
    it."""
    return PilotProjectPage.objects.of_partner(partner)
