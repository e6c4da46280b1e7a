from django.utils.translation import gettext as _
from wagtail import hooks

from network.related import PARTNER_SECTIONS_HOOK, PartnerSection

from .models import SeminarPage, TrainingSessionPage

PARTNER_EVENTS_TEMPLATE = "events/partner_events.html"


@hooks.register(PARTNER_SECTIONS_HOOK, order=10)
def partner_seminars(partner):
    return PartnerSection(
        _("Seminars"),
        "partner-seminars",
        SeminarPage.objects.of_partner(partner),
        PARTNER_EVENTS_TEMPLATE,
    )


@hooks.register(PARTNER_SECTIONS_HOOK, order=20)
def partner_training_sessions(partner):
    return PartnerSection(
        _("Training sessions"),
        "partner-training-sessions",
        TrainingSessionPage.objects.of_partner(partner),
        PARTNER_EVENTS_TEMPLATE,
    )
