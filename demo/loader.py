"""Builds the demo page tree from the seed facts, in English, then its French translation.
Creates only what is missing, so running it again (or after editors or translators changed
pages) neither duplicates nor overwrites anything."""

from datetime import timedelta

from wagtail.models import Locale, Page, Site

from discussion.models import CommentSettings
from events.models import EventIndexPage, SeminarPage, SeminarPartner, TrainingSessionPage
from home.models import HomePage, StandardPage
from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic

from . import contact, content, french, training
from .images import place_picture
from .pages import child_page
from .partner_news import link_news_to_partners
from .pilots import ensure_pilots
from .resources import load_resources
from .translation import translate_objects, translate_pages

ANNOUNCEMENT_LEAD_TIME = timedelta(weeks=6)


def load_demo_content():
    home = ensure_home_page()
    about = ensure_about_page(home)
    privacy = ensure_privacy_page(home)
    partner_index, partners = ensure_partners(home)
    seminar_index, seminars = ensure_seminars(home, partners)
    topics = ensure_topics()
    news_index, news = ensure_news(home, seminars, topics)
    team, contact_pages = (
        contact.ensure_team(),
        contact.ensure_contact_pages(home, child_page, sections),
    )
    demo_pages = [home, about, privacy, partner_index, *partners.values()]
    training_sessions = [
        child_page(seminar_index, TrainingSessionPage, slug, **fields)
        for slug, fields in training.training_sessions(partners)
    ]
    demo_pages += [seminar_index, *seminars, *training_sessions, news_index, *news]
    demo_pages += contact_pages
    french_locale = Locale.objects.get(language_code="fr")
    french_texts = french.texts() | training.french_texts() | contact.french_texts()
    # Topics first: the French news items then link to the French topics.
    translate_objects([*topics.values(), *team], french_locale, french_texts)
    translate_pages(demo_pages, french_locale, french_texts)
    load_resources(home, seminars, topics)

    link_news_to_partners(news, seminars)
    ensure_pilots(home, partners)
    return home


def ensure_topics():
    """The English news topics, by slug, created when missing."""
    return {
        slug: Topic.objects.get_or_create(
            slug=slug, locale=Locale.get_default(), defaults={"name": name}
        )[0]
        for slug, name in content.TOPICS.items()
    }


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


def sections(paragraphs):
    """StreamField data for (heading, rich text) pairs."""
    body = []
    for heading, html in paragraphs:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", html))
    return body


def ensure_privacy_page(home):
    """The privacy notice the comment form links to."""
    privacy = child_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        intro=content.PRIVACY_INTRO,
        body=sections([*content.PRIVACY_PARAGRAPHS, contact.PRIVACY_SECTION]),
        show_in_menus=False,
    )
    comment_settings = CommentSettings.load()
    if comment_settings.privacy_page_id is None:
        comment_settings.privacy_page = privacy
        comment_settings.save()
    return privacy


def ensure_about_page(home):
    return child_page(
        home,
        StandardPage,
        "about",
        title="About LIAISE 2",
        intro=content.ABOUT_INTRO,
        body=sections(content.ABOUT_PARAGRAPHS) + contact.about_team_blocks(),
        show_in_menus=True,
    )


def ensure_partners(home):
    index = child_page(
        home,
        PartnerIndexPage,
        "partners",
        title="Partners",
        intro=content.DIRECTORY_INTRO,
        show_in_menus=True,
    )
    partners = {}
    for name, kind, country, city, is_associate in content.PARTNERS:
        latitude, longitude = content.PARTNER_COORDINATES[name]
        partners[name] = child_page(
            index,
            PartnerPage,
            content.partner_slug(name),
            title=content.partner_title(name, kind),
            kind=kind,
            country=country,
            city=city,
            latitude=latitude,
            longitude=longitude,
            is_associate=is_associate,
            summary=content.partner_summary(name),
        )
        place_on_map(partners[name], latitude, longitude)
    return index, partners


def place_on_map(place, latitude, longitude):
    """Give a partner or a seminar loaded before they had coordinates, and its translations
    (whose coordinates are synchronised, not translated), the demo's: only to a page that has
    none, so that an editor's placing is kept."""
    for page in (place, *place.get_translations().specific()):
        if page.latitude is None and page.longitude is None:
            page.latitude, page.longitude = latitude, longitude
            page.save_revision().publish()


def ensure_seminars(home, partners):
    index = child_page(
        home,
        EventIndexPage,
        "seminars",
        title="Events",
        intro=(
            "LIAISE 2 organises European conferences on different aspects of the issue of "
            "radicalisation, and delivers training sessions to the local authorities of the "
            "network."
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
                content.seminar_slug(city, start),
                title=title,
                start_date=start,
                end_date=end,
                city=city,
                country=country,
                summary=content.seminar_summary(title, city),
                partner_links=[SeminarPartner(partner=p) for p in (lead, host) if p],
            )
        )
        place_on_map(seminars[-1], *training.SEMINAR_COORDINATES[city])
    return index, seminars


def ensure_news(home, seminars, topics):
    index = child_page(
        home,
        NewsIndexPage,
        "news",
        title="News",
        intro="News from the LIAISE 2 network.",
        show_in_menus=True,
    )
    news = []
    for seminar, (*_facts, topic_slugs) in zip(seminars, content.SEMINARS, strict=True):
        title = content.news_title(seminar.title, seminar.city)
        page = child_page(
            index,
            NewsPage,
            content.news_slug(seminar.city, seminar.start_date),
            title=title,
            date=seminar.start_date - ANNOUNCEMENT_LEAD_TIME,
            intro=content.news_intro(*seminar_facts(seminar)),
            image=place_picture(
                title,
                seminar.latitude,
                seminar.longitude,
                alt_text=content.picture_alt_text(seminar.city),
            ),
            image_alt_text=content.picture_alt_text(seminar.city),
            body=[("paragraph", seminar_announcement_html(seminar))],
        )
        if not page.topic_links.exists():
            for slug in [content.ANNOUNCEMENT_TOPIC, *topic_slugs]:
                page.topic_links.add(NewsPageTopic(topic=topics[slug]))
            page.save_revision().publish()
        news.append(page)
    return index, news


def seminar_facts(seminar):
    return seminar.title, seminar.city, seminar.start_date, seminar.end_date


def seminar_announcement_html(seminar):
    link = f'<a id="{seminar.pk}" linktype="page">'
    return f"<p>{content.seminar_announcement(*seminar_facts(seminar), link)}</p>"
