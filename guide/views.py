"""The guide's admin views: Wagtail's admin URLs give them its login and the user's language."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from .content import ROLE_HEADINGS, guide_language, guide_pages, roles_in_order


def sections_for(user, pages):
    """(heading, pages) per role, the user's roles first; roles without pages left out."""
    sections = []
    for role in roles_in_order(user):
        role_pages = [page for page in pages if page.role == role]
        if role_pages:
            sections.append({"role": role, "heading": ROLE_HEADINGS[role], "pages": role_pages})
    return sections


def guide_index(request):
    pages = guide_pages(guide_language(get_language()))
    return TemplateResponse(
        request, "guide/index.html", {"sections": sections_for(request.user, pages)}
    )


def guide_page(request, slug):
    pages = guide_pages(guide_language(get_language()))
    page = next((page for page in pages if page.slug == slug), None)
    if page is None:
        raise Http404
    same_role = [other for other in pages if other.role == page.role]
    return TemplateResponse(
        request,
        "guide/page.html",
        {"page": page, "role_heading": ROLE_HEADINGS[page.role], "same_role": same_role},
    )
