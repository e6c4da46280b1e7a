"""/sitemap.xml: a sitemap index of the files /sitemap-pages.xml?p=1, 2…, which list every live
public page of every language, each with its translations as hreflang alternates.

Each file lists at most SITEMAP_PAGE_SIZE pages, so that one costs the same few queries and
the same time however large the site grows (a single file for 100 times the demo content would list
some 12,000 pages and take seconds to build)."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import http_date
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from core.querysets import public
from core.site_address import absolute_url
from home.templatetags.navigation_tags import hreflang_alternates
from pagecache.data import cached_per_generation
from pagecache.parameters import reads_query_parameter
from pagecache.versions import every_section

SITEMAP_PAGE_SIZE = 100


class MultilingualSitemap(Sitemap):
    limit = SITEMAP_PAGE_SIZE

    @cached_property
    def site(self):
        return Site.find_for_request(self.request)

    @cached_property
    def homes(self):
        return list(self.site.root_page.get_translations(inclusive=True))

    def items(self):
        """Wagtail's sitemap lists the site's own tree; this adds its translated trees. Plain
        pages (no specific type): a URL and a date are all a sitemap needs."""
        in_a_home_tree = reduce(
            or_, (Page.objects.descendant_of_q(home, inclusive=True) for home in self.homes)
        )
        return public(Page.objects.live().filter(in_a_home_tree)).order_by("path")

    def get_latest_lastmod(self):
        """For the index: the latest publication (Django's default reads every page), kept
        with the number of pages until the next change of content: both count every page."""
        return self.totals()["latest"]

    @property
    def paginator(self):
        paginator = Paginator(self.items(), self.limit)
        paginator.count = self.totals()["count"]
        return paginator

    def totals(self):
        return cached_per_generation(
            f"pagecache:sitemap:{self.site.pk}",
            lambda: self.items().aggregate(latest=Max("last_published_at"), count=Count("pk")),
            sections=every_section(),
        )

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of sitemap file `page`, as Wagtail's sitemap writes them (each page's
        full URL and date), with each URL's hreflang alternates."""
        file = self.paginator.page(page)
        reads_query_parameter("p", self.request.GET.get("p") in (None, str(file.number)))
        pages = list(file.object_list)
        alternates = self.alternates_by_location(pages)
        urls = []
        for item in pages:
            for url in item.get_sitemap_urls(self.request):
                url["alternates"] = alternates.get(url["location"], [])
                urls.append(url)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def alternates_by_location(self, pages):
        """{page URL: [{lang_code, location}, …]} for the hreflang links of Django's template:
        the live public translations of `pages`, in one query."""
        translations = (
            public(Page.objects.live())
            .filter(translation_key__in=[page.translation_key for page in pages])
            .select_related("locale")
        )
        urls_by_page = defaultdict(dict)
        for translation in translations:
            urls_by_page[translation.translation_key][translation.locale.language_code] = (
                translation.get_full_url(self.request)
            )
        return {
            location: [
                {"lang_code": code, "location": url} for code, url in hreflang_alternates(urls)
            ]
            for urls in urls_by_page.values()
            for location in urls.values()
        }


def sitemap_index(request):
    """/sitemap.xml: what Django's sitemap index view writes (a file per SITEMAP_PAGE_SIZE
    pages, the latest publication as their lastmod and as Last-Modified), in a time that does
    not grow with the number of files: every file has the same lastmod, formatted once, and the
    entries are written without a template loop (which took 30 µs an entry)."""
    sitemap = MultilingualSitemap(request)
    first_file = absolute_url(reverse("sitemap_section", args=["pages"]))
    files = [
        first_file,
        *(f"{first_file}?p={n}" for n in range(2, sitemap.paginator.num_pages + 1)),
    ]
    latest = sitemap.get_latest_lastmod()
    lastmod = f"<lastmod>{latest.isoformat(timespec='seconds')}</lastmod>" if latest else ""
    entries = "".join(f"<sitemap><loc>{escape(url)}</loc>{lastmod}</sitemap>\n" for url in files)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}'
        "</sitemapindex>\n",
        content_type="application/xml",
    )
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response
