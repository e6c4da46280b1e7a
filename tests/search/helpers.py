def found_titles(response):
    """Titles of the pages a search page shows, promoted ones first, in order."""
    results = [*response.context["promoted_results"], *response.context["search_results"]]
    return [result.page.title for result in results]
