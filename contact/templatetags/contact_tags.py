from django import template
from django.template.loader import render_to_string
from wagtail.models import Locale

from pagecache.data import cached_per_generation

from ..models import TeamMember

register = template.Library()


@register.simple_tag(takes_context=True)
def team(context):
    """The team members of the page's language as HTML, the same for every visitor: kept until
    the next change of content (a team member's included: contact/apps.py)."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None else Locale.get_active().pk

    def render():
        members = TeamMember.objects.filter(locale_id=locale_id).select_related("photo")
        return render_to_string("contact/team.html", {"members": list(members)})

    # Team members are no pages: a change starts a new generation (contact/apps.py).
    return cached_per_generation(f"pagecache:team:{locale_id}", render, sections=())
