from django import template

from localisation.moderation import user_can_approve

register = template.Library()


@register.simple_tag
def review_of(page, user):
    """The review task a moderator can act on from the translation editor, or None."""
    if page is None or not user_can_approve(page, user):
        return None
    return page.current_workflow_task_state
