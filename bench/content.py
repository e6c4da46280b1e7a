"""Content in bulk for the benchmark and the query-count tests: partners, seminars, news and
approved visitor comments, each page in English and in French.

Creating pages the ordinary way (`add_child`, a revision, `publish`) takes tens of milliseconds
a page, so x100 (about 12,000 pages) would take hours. Here pages are inserted in bulk with their
tree paths computed (treebeard's materialised path: the parent's path plus a 4-character step),
the French pages are translations sharing the English page's `translation_key` in locale `fr`
(created directly, not through wagtail-localize: the benchmark measures serving, not
translating), and the search index is written in bulk by each language's backend.

The pages have no revisions; everything a visitor sees (live pages, URLs, listings, search,
feeds, sitemap, comments) is as if an editor had published them.
"""

import datetime
import itertools
import uuid
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from treebeard.numconv import NumConv
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from demo.images import place_picture
from discussion.models import CommentStatus, VisitorComment
from events.models import EventIndexPage, SeminarPage, SeminarPartner
from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic
from pagecache.cache import invalidate

from .images import uploaded_logo

BATCH_SIZE = 500
BRUSSELS = (50.85, 4.35)  # (latitude, longitude) of the benchmark's pictures
# The steps of treebeard's materialised paths (Page.path): base 36, Page.steplen characters.
TREE_STEPS = NumConv(Page.alphabet)


def tree_step(position):
    """The path step of the child at `position` (1 for the first) under its parent."""
    return TREE_STEPS.int2str(position).rjust(Page.steplen, Page.alphabet[0])


def insert_rows(model, pages):
    """The rows of `pages` in the table of their own page type (not wagtailcore_page)."""
    fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


# Comments on the page whose comment section is measured (in each language).
COMMENTS_ON_MEASURED_PAGE = 200
# One comment in this many is a reply to an earlier one.
REPLY_EVERY = 4

KINDS = [PartnerKind.CITY] * 6 + [
    PartnerKind.REGION,
    PartnerKind.NATIONAL_FORUM,
    PartnerKind.NGO,
]
COUNTRIES = ["AT", "BE", "CZ", "DE", "ES", "FI", "FR", "GR", "IT", "NL", "PL", "PT", "SE"]
THEMES = ["prevention", "evaluation", "training", "youth", "prison", "online", "families"]


@dataclass(frozen=True)
class Sizes:
    """How much content the site holds, counted in English (French doubles the pages)."""

    partners: int
    seminars: int
    news: int
    comments: int

    def __mul__(self, factor):
        return Sizes(*(value * factor for value in self.__dict__.values()))


# x1: the demo content's 35 partners and 4 seminars, news topped up to 20, and the measured news
# page with 200 comments in each language. x100 is 3,500 partners, 400 seminars, 2,000 news and
# 20,000 comments.
BASE_SIZES = Sizes(partners=35, seminars=4, news=20, comments=2 * COMMENTS_ON_MEASURED_PAGE)


@dataclass
class Indexes:
    """The listing pages of one language."""

    locale: Locale
    partners: PartnerIndexPage
    seminars: EventIndexPage
    news: NewsIndexPage


def indexes_of(language_code):
    locale = Locale.objects.get(language_code=language_code)

    def index(model):
        return model.objects.live().filter(locale=locale).order_by("path").first()

    return Indexes(
        locale=locale,
        partners=index(PartnerIndexPage),
        seminars=index(EventIndexPage),
        news=index(NewsIndexPage),
    )


@transaction.atomic
def grow_to(sizes, measured_news=None, comments_on_measured_page=COMMENTS_ON_MEASURED_PAGE):
    """Add English pages, each with its French translation, and approved comments, until the
    English side holds `sizes`. The measured news page (default: the newest English news) and
    its French translation get `comments_on_measured_page` comments each (fewer if
    `sizes.comments` is smaller); the other comments are spread over the other news and
    seminars."""
    en, fr = indexes_of("en"), indexes_of("fr")
    builder = Builder(en, fr)
    builder.add_partners(sizes.partners - builder.count(PartnerPage, en.partners))
    builder.add_seminars(sizes.seminars - builder.count(SeminarPage, en.seminars))
    builder.add_news(sizes.news - builder.count(NewsPage, en.news))
    measured_news = measured_news or (
        NewsPage.objects.child_of(en.news).live().order_by("-date", "-pk").first()
    )
    builder.add_comments(sizes.comments, measured_news, comments_on_measured_page)
    builder.index()
    analyze()
    invalidate()  # bulk inserts send no signals: cached pages and data are out of date


def analyze():
    """Give PostgreSQL's planner the sizes of the tables just filled. Without it the planner
    keeps the sizes it last saw, and autovacuum never sees the rows of a transaction not yet
    committed (a test's): the news index's topics, over 4,000 news items planned as over a
    few, took minutes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Builder:
    def __init__(self, en, fr):
        self.en, self.fr = en, fr
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.created = {}  # model: [page, …] (both languages), for the search index
        self.logos = self.images("Logo:", uploaded_logo, "Bench partner")
        self.pictures = self.images(
            "Picture:", lambda name: place_picture(name, *BRUSSELS, name), "Bench picture"
        )

    @staticmethod
    def count(model, parent):
        return model.objects.child_of(parent).count()

    @staticmethod
    def images(title_prefix, draw, name, wanted=8):
        """Up to `wanted` existing images of this kind (demo logos or pictures), drawn if
        missing: at x100, partners share logos as they would share renditions."""
        Image = get_image_model()
        images = list(Image.objects.filter(title__startswith=title_prefix).order_by("pk")[:wanted])
        for number in range(len(images), wanted):
            images.append(draw(f"{name} {number + 1}"))
        return images

    # -- Pages ---------------------------------------------------------------------------------

    def add_pages(self, model, parents, count, fields_for):
        """`count` English children of parents[0] and their French translations under
        parents[1]; fields_for(number, language) gives each page's own fields. Returns the
        [(english, french), …] pairs."""
        if count <= 0:
            return []
        first = self.next_number(model, parents[0])
        pairs = []
        for number in range(first, first + count):
            key = uuid.uuid4()
            pairs.append(
                tuple(
                    self.new_page(model, parent, number, key, fields_for(number, language))
                    for parent, language in zip(parents, ("en", "fr"), strict=True)
                )
            )
        for parent, language_pages in zip(parents, zip(*pairs, strict=True), strict=True):
            self.insert(model, parent, language_pages)
        self.created.setdefault(model, []).extend(itertools.chain(*pairs))
        return pairs

    @staticmethod
    def next_number(model, parent):
        return model.objects.child_of(parent).count() + 1

    def new_page(self, model, parent, number, translation_key, fields):
        slug = f"{fields.pop('slug')}-{number}"
        return model(
            slug=slug,
            draft_title=fields["title"],
            url_path=f"{parent.url_path}{slug}/",
            depth=parent.depth + 1,
            numchild=0,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            show_in_menus=False,
            locale=parent.locale,
            translation_key=translation_key,
            **fields,
        )

    def insert(self, model, parent, pages):
        """Insert the pages (new children of `parent`) in bulk: the wagtailcore_page rows
        with their computed tree paths, then the rows of the page type's own table."""
        parent = Page.objects.get(pk=parent.pk)  # its path and numchild as they are now
        last_child = parent.get_last_child()
        position = TREE_STEPS.str2int(last_child.path[-Page.steplen :]) if last_child else 0
        for offset, page in enumerate(pages, start=1):
            page.path = parent.path + tree_step(position + offset)
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        for start in range(0, len(pages), BATCH_SIZE):
            batch = pages[start : start + BATCH_SIZE]
            rows = Page.objects.bulk_create(
                [
                    Page(**{f.attname: getattr(page, f.attname) for f in base_fields})
                    for page in batch
                ]
            )
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
            # Multi-table inheritance: bulk_create refuses child models, so the page type's own
            # table is written in SQL.
            insert_rows(model, batch)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    def add_partners(self, count):
        def fields(number, language):
            kind = KINDS[number % len(KINDS)]
            city = f"Ville {number}" if language == "fr" else f"City {number}"
            return {
                "slug": "partner",
                "title": f"{city} ({'associé' if language == 'fr' else 'partner'})",
                "kind": kind,
                "country": COUNTRIES[number % len(COUNTRIES)],
                "city": city,
                "is_associate": number % 5 == 0,
                "logo": self.logos[number % len(self.logos)],
                "website": f"https://partner-{number}.example.org/",
                "summary": f"{city} works with the network on the prevention of radicalisation.",
            }

        self.partner_pairs = self.add_pages(
            PartnerPage, (self.en.partners, self.fr.partners), count, fields
        )

    def add_seminars(self, count):
        def fields(number, language):
            start = self.today - datetime.timedelta(days=30 + 7 * number)
            city = f"City {number}"
            title = (
                f"Séminaire européen n° {number}"
                if language == "fr"
                else f"European seminar no. {number}"
            )
            return {
                "slug": "seminar",
                "title": title,
                "start_date": start,
                "end_date": start + datetime.timedelta(days=number % 2),
                "city": city,
                "country": COUNTRIES[number % len(COUNTRIES)],
                "venue": f"Town hall of {city}",
                "summary": f"Seminar {number} on the prevention of radicalisation in {city}.",
                "body": [{"type": "paragraph", "value": f"<p>Programme of seminar {number}.</p>"}],
            }

        pairs = self.add_pages(SeminarPage, (self.en.seminars, self.fr.seminars), count, fields)
        partners = self.partner_pairs or [
            (p, p.get_translation(self.fr.locale))
            for p in PartnerPage.objects.child_of(self.en.partners)[:10]
        ]
        links = []
        for number, seminar_pair in enumerate(pairs):
            for order in range(2):
                partner_pair = partners[(2 * number + order) % len(partners)]
                for seminar, partner in zip(seminar_pair, partner_pair, strict=True):
                    links.append(
                        SeminarPartner(page_id=seminar.pk, partner_id=partner.pk, sort_order=order)
                    )
        SeminarPartner.objects.bulk_create(links, batch_size=BATCH_SIZE)

    def add_news(self, count):
        def fields(number, language):
            title = (
                f"Actualité du réseau n° {number}"
                if language == "fr"
                else f"Network news no. {number}"
            )
            return {
                "slug": "news",
                "title": title,
                "date": self.today - datetime.timedelta(days=number),
                "intro": f"News {number} of the network: what partners learnt this month.",
                "image": self.pictures[number % len(self.pictures)],
                "image_alt_text": f"Illustration {number}",
                "body": [
                    {
                        "type": "paragraph",
                        "value": f"<p>The full story of news {number}, on prevention.</p>",
                    }
                ],
            }

        pairs = self.add_pages(NewsPage, (self.en.news, self.fr.news), count, fields)
        topics = self.topics_by_locale([news.locale for news in pairs[0]]) if pairs else {}
        linked = [
            NewsPageTopic(
                page_id=news.pk,
                locale_id=news.locale_id,
                topic=topics[news.locale_id][(number + shift) % len(THEMES)],
            )
            for number, pair in enumerate(pairs)
            for news in pair
            for shift in (0, 3)
        ]
        NewsPageTopic.objects.bulk_create(linked, batch_size=BATCH_SIZE)

    @staticmethod
    def topics_by_locale(locales):
        """The themes as topics in each language, translations of one another."""
        source, *others = locales
        topics = {
            source.pk: [
                Topic.objects.get_or_create(slug=theme, locale=source, defaults={"name": theme})[0]
                for theme in THEMES
            ]
        }
        for locale in others:
            topics[locale.pk] = [
                topic.get_translation_or_none(locale) or topic.copy_for_translation(locale)
                for topic in topics[source.pk]
            ]
            for topic in topics[locale.pk]:
                topic.save()
        return topics

    # -- Comments ------------------------------------------------------------------------------

    def add_comments(self, total, measured_news, on_measured_page):
        """`total` approved comments in all (counting those already there): up to
        `on_measured_page` on the measured news page and on its French translation, the rest
        spread over the other news and seminars of both languages."""
        measured = [measured_news, measured_news.get_translation(self.fr.locale)]
        missing = total - VisitorComment.objects.count()
        for page in measured:
            wanted = min(on_measured_page, max(missing, 0)) - page.visitor_comments.count()
            self.add_comments_to([page] * max(wanted, 0))
            missing -= max(wanted, 0)
        if missing > 0:
            others = list(
                Page.objects.type(NewsPage, SeminarPage)
                .exclude(pk__in=[p.pk for p in measured])
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            self.add_comments_to([others[n % len(others)] for n in range(missing)])

    def add_comments_to(self, pages):
        """One comment on each of `pages` (pages or page ids; repeated for several); one in
        REPLY_EVERY answers the previous top-level comment of the same page."""
        if not pages:
            return
        page_ids = [getattr(page, "pk", page) for page in pages]
        start = self.now - datetime.timedelta(minutes=len(page_ids))
        comments = [
            VisitorComment(
                page_id=page_id,
                author_name=f"Visitor {number}",
                author_email=f"visitor{number}@example.net",
                text=f"Comment {number}: thank you for this, it is useful to our city.",
                status=CommentStatus.APPROVED,
                ip_address="192.0.2.10",
                created_at=start + datetime.timedelta(minutes=number),
                status_changed_at=start + datetime.timedelta(minutes=number),
            )
            for number, page_id in enumerate(page_ids)
        ]
        top_level, replies, last_top_level = [], [], {}
        for number, comment in enumerate(comments):
            parent = last_top_level.get(comment.page_id)
            if number % REPLY_EVERY == 0 and parent is not None:
                comment.parent = parent
                replies.append(comment)
            else:
                top_level.append(comment)
                last_top_level[comment.page_id] = comment
        VisitorComment.objects.bulk_create(top_level, batch_size=BATCH_SIZE)
        VisitorComment.objects.bulk_create(replies, batch_size=BATCH_SIZE)

    # -- Search index --------------------------------------------------------------------------

    def index(self):
        """Index the new pages as Wagtail's signal handlers would: each language's backend
        writes the rows of its own pages (search/backends.py). The pages are read back with
        what their search fields follow (locale, related objects) fetched in a few queries:
        the backend reads each field five times, a query each time otherwise."""
        for model, pages in self.created.items():
            indexed = model.get_indexed_objects().select_related("locale")
            indexed = indexed.prefetch_related(*related_lookups(model.get_search_fields()))
            ids = [page.pk for page in pages]
            for start in range(0, len(ids), BATCH_SIZE):
                batch = list(indexed.filter(pk__in=ids[start : start + BATCH_SIZE]))
                for backend in get_search_backends():
                    backend.add_bulk(model, batch)


def related_lookups(search_fields, prefix=""):
    """The prefetch lookups ("topic_links__topic") of the related objects `search_fields`
    index, nested ones included."""
    lookups = []
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            lookup = prefix + field.field_name
            lookups += [lookup, *related_lookups(field.fields, prefix=lookup + "__")]
    return lookups
