"""What search engines and link previews read in <head>: description, Open Graph and Twitter
card tags, canonical URL and JSON-LD."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest

from tests.factories import (
    EventIndexPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    StandardPageFactory,
    add_topics,
)

pytestmark = pytest.mark.django_db


class HeadReader(HTMLParser):
    """Collects the <meta> tags, the canonical link and the JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.canonical = None
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            name = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(name, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False


def read_head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def meta(head, name):
    [content] = head.meta[name]
    return content


@pytest.fixture
def seminar(home):
    return SeminarPageFactory(
        parent=EventIndexPageFactory(parent=home),
        title="Assessing the impact of prevention",
        slug="leuven",
        start_date=datetime.date(2016, 8, 30),
        end_date=datetime.date(2016, 8, 31),
        city="Leuven",
        country="BE",
        venue="Town hall",
        summary="How cities evaluate prevention.",
    )


@pytest.fixture
def news(home):
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home),
        title="Seminar in Leuven",
        slug="leuven-seminar",
        date=datetime.date(2016, 8, 1),
        intro="The next seminar takes place in Leuven.",
        image=ImageFactory(file__width=1600, file__height=900),
        image_alt_text="Leuven town hall",
    )
    add_topics(news, "seminar")
    news.save()
    return news


@pytest.fixture
def partner(home):
    return PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        title="City of Rotterdam",
        slug="rotterdam",
        city="Rotterdam",
        country="NL",
        website="https://www.rotterdam.nl/",
        summary="The second city of the Netherlands.",
        logo=ImageFactory(file__width=400, file__height=200),
    )


def test_seminar_is_a_schema_org_event(client, seminar):
    [event] = read_head(client, "/en/seminars/leuven/").json_ld

    assert event == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Assessing the impact of prevention",
        "description": "How cities evaluate prevention.",
        "startDate": "2016-08-30",
        "endDate": "2016-08-31",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": "Town hall",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Leuven",
                "addressCountry": "BE",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": "Efus",
            "legalName": "European Forum for Urban Security",
            "url": "https://efus.eu/",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Paris",
                "addressCountry": "FR",
            },
        },
        "url": "https://liaise.example.org/en/seminars/leuven/",
        "inLanguage": "en",
    }


def test_news_is_a_news_article_with_its_picture(client, news):
    head = read_head(client, "/en/news/leuven-seminar/")
    [article] = head.json_ld

    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Seminar in Leuven"
    assert article["datePublished"] == "2016-08-01"
    assert article["inLanguage"] == "en"
    assert article["publisher"]["name"] == "Efus"
    assert article["url"] == "https://liaise.example.org/en/news/leuven-seminar/"
    [image] = article["image"]
    assert image == meta(head, "og:image")
    assert image.startswith("https://liaise.example.org/")
    assert ".fill-1200x630" in image


def test_partner_is_an_organization_with_its_logo(client, partner):
    head = read_head(client, "/en/partners/rotterdam/")
    [organization] = head.json_ld

    assert organization["@type"] == "Organization"
    assert organization["name"] == "City of Rotterdam"
    assert organization["url"] == "https://www.rotterdam.nl/"
    assert organization["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Rotterdam",
        "addressCountry": "NL",
    }
    assert organization["logo"] == meta(head, "og:image")
    assert organization["logo"].startswith("https://liaise.example.org/")
    # Logos are scaled down to fit, never cropped nor enlarged.
    assert ".max-1200x630" in organization["logo"]
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("400", "200")
    assert meta(head, "og:image:alt") == "Logo of City of Rotterdam"


def test_home_page_describes_efus(client, home):
    [organization] = read_head(client, "/en/").json_ld

    assert organization["@context"] == "https://schema.org"
    assert organization["@type"] == "Organization"
    assert organization["legalName"] == "European Forum for Urban Security"


def test_standard_page_has_no_json_ld(client, home):
    StandardPageFactory(parent=home, slug="about")

    assert read_head(client, "/en/about/").json_ld == []


def test_json_ld_cannot_close_its_script_element(client, seminar):
    seminar.summary = "</script><script>alert('x')</script> & more"
    seminar.save()

    html = client.get("/en/seminars/leuven/").content.decode()
    [event] = read_head(client, "/en/seminars/leuven/").json_ld

    assert "<script>alert" not in html
    assert event["description"] == "</script><script>alert('x')</script> & more"


def test_news_page_has_open_graph_and_twitter_tags_with_absolute_urls(client, news):
    head = read_head(client, "/en/news/leuven-seminar/")

    assert (
        head.canonical
        == meta(head, "og:url")
        == "https://liaise.example.org/en/news/leuven-seminar/"
    )
    assert meta(head, "og:type") == "article"
    assert meta(head, "og:title") == meta(head, "twitter:title") == "Seminar in Leuven"
    assert meta(head, "description") == meta(head, "og:description") == news.intro
    assert meta(head, "og:locale") == "en_GB"
    assert meta(head, "og:site_name") == "LIAISE 2"
    assert meta(head, "og:image").startswith("https://liaise.example.org/")
    assert meta(head, "og:image:alt") == "Leuven town hall"
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:image") == meta(head, "og:image")


def test_search_description_comes_before_the_introduction(client, news):
    news.search_description = "Written for search engines."
    news.seo_title = "Leuven: assessing prevention"
    news.save()

    head = read_head(client, "/en/news/leuven-seminar/")

    assert meta(head, "description") == meta(head, "og:description")
    assert meta(head, "description") == "Written for search engines."
    assert meta(head, "og:title") == "Leuven: assessing prevention"


def test_page_without_picture_shares_the_projects_card(client, seminar):
    head = read_head(client, "/en/seminars/leuven/")

    assert meta(head, "og:type") == "website"
    assert meta(head, "description") == "How cities evaluate prevention."
    assert meta(head, "twitter:card") == "summary_large_image"
    assert re.match(
        r"https://liaise\.example\.org/static/img/social-card-en\b.*\.png$", meta(head, "og:image")
    )
    assert (meta(head, "og:image:width"), meta(head, "og:image:height")) == ("1200", "630")
    assert meta(head, "og:image:alt") == (
        "LIAISE 2, Local Institutions Against Violent Extremism II, co-funded by the European Union"
    )
    assert meta(head, "twitter:image") == meta(head, "og:image")


def test_french_page_has_french_locale_and_english_alternate(client, home, seminar, translate):
    translate(home)
    translate(seminar.get_parent().specific, {"Seminars": "Séminaires", "seminars": "seminaires"})
    translate(seminar, {seminar.summary: "Comment les villes évaluent la prévention."})

    head = read_head(client, "/fr/seminaires/leuven/")
    [event] = head.json_ld

    assert meta(head, "og:locale") == "fr_FR"
    assert meta(head, "og:locale:alternate") == "en_GB"
    assert meta(head, "og:url") == "https://liaise.example.org/fr/seminaires/leuven/"
    assert meta(head, "description") == "Comment les villes évaluent la prévention."
    assert event["inLanguage"] == "fr"
    assert event["url"] == "https://liaise.example.org/fr/seminaires/leuven/"
    assert "/static/img/social-card-fr" in meta(head, "og:image")
    assert meta(head, "og:image:alt").startswith("LIAISE 2, Institutions locales contre")


def test_search_page_has_no_sharing_tags(client, home):
    head = read_head(client, "/en/search/?q=x")

    assert head.canonical is None
    assert "og:title" not in head.meta
    assert head.json_ld == []
