from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": Paginator(results, RESULTS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
        },
    )
