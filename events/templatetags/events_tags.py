from django import template

from events.models import SeminarPage, TrainingSessionPage

register = template.Library()


@register.simple_tag
def seminars_of_partner(partner):
    """The seminars a partner page lists: events owns the link, so network need not know it."""
    return SeminarPage.objects.of_partner(partner)


@register.simple_tag
def training_sessions_of_partner(partner):
    """The training sessions a partner hosted or hosts, for its page."""
    return TrainingSessionPage.objects.of_partner(partner)
