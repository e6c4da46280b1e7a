from django.utils.translation import gettext as _
from wagtail import hooks

from network.related import PARTNER_SECTIONS_HOOK, PartnerSection

from .models import PilotProjectPage


@hooks.register(PARTNER_SECTIONS_HOOK, order=30)
def partner_pilot_projects(partner):
    return PartnerSection(
        _("Pilot projects"),
        "partner-pilots",
        PilotProjectPage.objects.of_partner(partner),
        "pilots/partner_pilots.html",
    )
