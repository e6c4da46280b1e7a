from django import template

from localisation import languages
from localisation.moderation import user_can_approve

register = template.Library()


@register.simple_tag
def review_of(page, user):
    """The review task a moderator can act on from the translation editor, or None."""
    if page is None or not user_can_approve(page, user):
        return None
    return page.current_workflow_task_state


@register.simple_tag
def language_name(language_code):
    return languages.language_name(language_code)
