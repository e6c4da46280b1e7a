"""Builds the demo page tree from the seed facts. Creates only what is missing, so running it
again (or after editors changed pages) neither duplicates nor overwrites anything."""

from datetime import timedelta

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from events.models import SeminarIndexPage, SeminarPage, SeminarPartner
from home.models import HomePage, StandardPage
from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from news.models import NewsIndexPage, NewsPage

from . import content
from .images import news_picture, partner_logo

ANNOUNCEMENT_LEAD_TIME = timedelta(weeks=6)


def load_demo_content():
    ensure_locales()
    home = ensure_home_page()
    ensure_about_page(home)
    partners = ensure_partners(home)
    seminars = ensure_seminars(home, partners)
    ensure_news(home, seminars)
    return home


def ensure_locales():
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


def child_page(parent, page_class, slug, **fields):
    """The child of `parent` with this slug, created and published when missing."""
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home_page():
    """Replace Wagtail's placeholder "Welcome" page with the LIAISE 2 home page."""
    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    placeholder = site.root_page
    home = child_page(
        Page.get_first_root_node(),
        HomePage,
        "liaise-2",
        title="LIAISE 2",
        seo_title="LIAISE 2 – Local Institutions Against Violent Extremism II",
        intro=content.HOME_INTRO,
        show_in_menus=False,
    )
    site.root_page = home
    site.site_name = "LIAISE 2"
    site.save()
    if placeholder.specific_class is Page and not placeholder.get_children().exists():
        placeholder.delete()
    return home


def ensure_about_page(home):
    body = []
    for heading, html in content.ABOUT_PARAGRAPHS:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", html))
    return child_page(
        home,
        StandardPage,
        "about",
        title="About LIAISE 2",
        intro=content.ABOUT_INTRO,
        body=body,
        show_in_menus=True,
    )


def partner_summary(name, kind, city, is_associate):
    if name in content.PARTNER_SUMMARIES:
        return content.PARTNER_SUMMARIES[name]
    role = "an associate partner" if is_associate else "a partner"
    if kind == PartnerKind.CITY:
        return f"The city of {city} is {role} of LIAISE 2."
    return f"{name} is {role} of LIAISE 2."


def ensure_partners(home):
    index = child_page(
        home,
        PartnerIndexPage,
        "partners",
        title="Partners",
        intro=(
            "Cities, regions, national forums for urban security and non-governmental "
            "organisations working together in LIAISE 2, led by Efus."
        ),
        show_in_menus=True,
    )
    partners = {}
    for name, kind, country, city, is_associate in content.PARTNERS:
        partners[name] = child_page(
            index,
            PartnerPage,
            slugify(name),
            title=name,
            kind=kind,
            country=country,
            city=city,
            is_associate=is_associate,
            logo=partner_logo(name),
            summary=partner_summary(name, kind, city, is_associate),
        )
    return partners


def ensure_seminars(home, partners):
    index = child_page(
        home,
        SeminarIndexPage,
        "seminars",
        title="Seminars",
        intro=(
            "LIAISE 2 organises European conferences on different aspects of the issue of "
            "radicalisation."
        ),
        show_in_menus=True,
    )
    lead = next(page for page in partners.values() if page.kind == PartnerKind.LEAD)
    seminars = []
    for title, start, end, city, country, _tags in content.SEMINARS:
        host = partners.get(city)
        seminars.append(
            child_page(
                index,
                SeminarPage,
                slugify(f"{city} {start.year}"),
                title=title,
                start_date=start,
                end_date=end,
                city=city,
                country=country,
                summary=f"A LIAISE 2 European seminar in {city}: “{title}”",
                partner_links=[SeminarPartner(partner=p) for p in (lead, host) if p],
            )
        )
    return seminars


def ensure_news(home, seminars):
    index = child_page(
        home,
        NewsIndexPage,
        "news",
        title="News",
        intro="News from the LIAISE 2 network.",
        show_in_menus=True,
    )
    for seminar, (*_facts, tags) in zip(seminars, content.SEMINARS, strict=True):
        title = f"Seminar in {seminar.city}: {seminar.title}"
        news = child_page(
            index,
            NewsPage,
            slugify(f"seminar {seminar.city} {seminar.start_date.year}"),
            title=title,
            date=seminar.start_date - ANNOUNCEMENT_LEAD_TIME,
            intro=(
                f"The next LIAISE 2 European seminar, “{seminar.title}”, takes place in "
                f"{seminar.city} on {format_dates(seminar)}."
            ),
            image=news_picture(title, seminar.city),
            body=[("paragraph", seminar_announcement_html(seminar))],
        )
        if not news.tags.exists():
            news.tags.add("seminar", *tags)
            news.save_revision().publish()


def format_dates(seminar):
    if seminar.start_date == seminar.end_date:
        return f"{seminar.start_date:%-d %B %Y}"
    return f"{seminar.start_date:%-d}–{seminar.end_date:%-d %B %Y}"


def seminar_announcement_html(seminar):
    return (
        f"<p>LIAISE 2 organises European conferences on different aspects of the issue of "
        f"radicalisation. The seminar “{seminar.title}” is held in {seminar.city} on "
        f'{format_dates(seminar)}. <a id="{seminar.pk}" linktype="page">Read more about the '
        f"seminar</a>.</p>"
    )
