"""/sitemap.xml: every live public page in every language, each with its translations as
hreflang alternates."""

from collections import defaultdict
from functools import reduce
from operator import or_

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.templatetags.navigation_tags import hreflang_alternates


class MultilingualSitemap(Sitemap):
    def items(self):
        """Wagtail's sitemap lists the site's own tree; this adds its translated trees."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_home_tree = reduce(
            or_, (Page.objects.descendant_of_q(home, inclusive=True) for home in homes)
        )
        return (
            Page.objects.live()
            .public()
            .filter(in_a_home_tree)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self.alternates_by_location()
        for url in urls:
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates_by_location(self):
        """{page URL: [{lang_code, location}, …]} for the hreflang links of Django's template."""
        language_codes = dict(Locale.objects.values_list("pk", "language_code"))
        urls_by_page = defaultdict(dict)
        for page in self.items():
            language = language_codes[page.locale_id]
            urls_by_page[page.translation_key][language] = page.get_full_url(self.request)
        return {
            location: [
                {"lang_code": code, "location": url} for code, url in hreflang_alternates(urls)
            ]
            for urls in urls_by_page.values()
            for location in urls.values()
        }
