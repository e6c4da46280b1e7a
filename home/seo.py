"""What a page tells search engines and link previews: its description, the picture to share,
its Open Graph type and locale, and its schema.org description (JSON-LD)."""

from django.templatetags.static import static
from django.utils.translation import gettext as _

from core.site_address import absolute_url
from events.models import SeminarPage, TrainingSessionPage
from home.models import HomePage
from network.models import PartnerPage
from news.models import SHARING_IMAGE, NewsPage
from pilots.models import PilotProjectPage

SCHEMA_ORG = "https://schema.org"
# Logos are scaled to fit link previews, never cropped.
LOGO_SHARING_IMAGE = "max-1200x630"
# Open Graph locales are language_TERRITORY; a language not listed here gets the territory of
# the same name (fr → fr_FR).
OPEN_GRAPH_LOCALES = {"en": "en_GB"}
# The languages static/img/social-card-*.png are drawn in.
PROJECT_CARD_LANGUAGES = {"en", "fr"}

EFUS = {
    "@type": "Organization",
    "name": "Efus",
    "legalName": "European Forum for Urban Security",
    "url": "https://efus.eu/",
    "address": {"@type": "PostalAddress", "addressLocality": "Paris", "addressCountry": "FR"},
}


def page_description(page):
    """The promote tab's search description, or else the page's introduction or summary."""
    return page.search_description or getattr(page, "intro", "") or getattr(page, "summary", "")


def open_graph_type(page):
    return "article" if isinstance(page, NewsPage) else "website"


def open_graph_locale(language_code):
    return OPEN_GRAPH_LOCALES.get(language_code, f"{language_code}_{language_code.upper()}")


def sharing_image(page):
    """{url (absolute), width, height, alt} of the picture link previews show: the page's own
    (a news item's picture, a partner's logo, a pilot project's first picture), else the
    project's card in the page's language."""
    return own_picture(page) or project_card(page.locale.language_code)


def own_picture(page):
    """The page's own picture for link previews, or None."""
    if isinstance(page, NewsPage) and page.image:
        rendition, alt = page.image.get_rendition(SHARING_IMAGE), page.image_alt
    elif isinstance(page, PartnerPage) and page.logo:
        rendition = page.logo.get_rendition(LOGO_SHARING_IMAGE)
        alt = _("Logo of %(name)s") % {"name": page.title}
    elif isinstance(page, PilotProjectPage) and (picture := page.pictures.first()):
        rendition, alt = picture.image.get_rendition(SHARING_IMAGE), picture.alt
    else:
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def project_card(language_code):
    """The LIAISE 2 card (scripts/build_social_cards.py): the mark, the project's name and the
    EU emblem with its statement, in the language's words (English for a language without)."""
    language = language_code if language_code in PROJECT_CARD_LANGUAGES else "en"
    return {
        "url": absolute_url(static(f"img/social-card-{language}.png")),
        "width": 1200,
        "height": 630,
        "alt": _(
            "LIAISE 2, Local Institutions Against Violent Extremism II, co-funded by the "
            "European Union"
        ),
    }


def structured_data(page, request):
    """The page as a schema.org item for JSON-LD, or None for pages that describe no item."""
    describe = STRUCTURED_DATA.get(type(page))
    return {"@context": SCHEMA_ORG, **describe(page, request)} if describe else None


def seminar_event(seminar, request, schema_type="Event"):
    return {
        "@type": schema_type,
        "name": seminar.title,
        "description": seminar.summary,
        "startDate": seminar.start_date.isoformat(),
        "endDate": seminar.end_date.isoformat(),
        "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
        "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
        "location": {
            "@type": "Place",
            "name": seminar.venue or seminar.city,
            "address": postal_address(seminar),
        },
        "organizer": EFUS,
        "url": seminar.get_full_url(request),
        "inLanguage": seminar.locale.language_code,
    }


def training_event(session, request):
    """A training session is an EducationEvent, for the audience it is meant for."""
    event = seminar_event(session, request, schema_type="EducationEvent")
    if session.audience:
        event["audience"] = {"@type": "Audience", "audienceType": session.audience}
    return event


def partner_organization(partner, request):
    organization = {
        "@type": "Organization",
        "name": partner.title,
        "description": partner.summary,
        "url": partner.website or partner.get_full_url(request),
    }
    if partner.city or partner.country:
        organization["address"] = postal_address(partner)
    logo = own_picture(partner)
    if logo:
        organization["logo"] = logo["url"]
    return organization


def news_article(news, request):
    url = news.get_full_url(request)
    article = {
        "@type": "NewsArticle",
        "headline": news.title,
        "description": news.intro,
        "datePublished": news.date.isoformat(),
        "inLanguage": news.locale.language_code,
        "publisher": EFUS,
        "url": url,
        "mainEntityOfPage": url,
    }
    if news.last_published_at:
        article["dateModified"] = news.last_published_at.isoformat()
    image = own_picture(news)
    if image:
        article["image"] = [image["url"]]
    return article


def lead_organization(home, request):
    """The home page describes Efus, which leads LIAISE 2."""
    return EFUS


def postal_address(place):
    """A schema.org PostalAddress of an object with a city and a (django-countries) country."""
    address = {"@type": "PostalAddress"}
    if place.city:
        address["addressLocality"] = place.city
    if place.country:
        address["addressCountry"] = place.country.code
    return address


STRUCTURED_DATA = {
    SeminarPage: seminar_event,
    TrainingSessionPage: training_event,
    PartnerPage: partner_organization,
    NewsPage: news_article,
    HomePage: lead_organization,
}
