import datetime

import pytest
from wagtail.documents import get_document_model

from tests.factories import (
    EventIndexPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    VisitorCommentFactory,
    add_topics,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def bordeaux_news(news_index):
    news = NewsPageFactory(
        parent=news_index,
        title="Seminar in Bordeaux",
        slug="bordeaux",
        date=datetime.date(2016, 4, 14),
        intro="The first seminar of LIAISE 2.",
        image=ImageFactory(),
    )
    add_topics(news, "seminar")
    news.save()
    return news


@pytest.fixture
def french_bordeaux_news(home, news_index, bordeaux_news, translate, french):
    translate(home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    translate(bordeaux_news, {"Seminar in Bordeaux": "Séminaire à Bordeaux"})
    return bordeaux_news.get_translation(french)


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_french_news_are_listed_with_locale_fr(client, bordeaux_news, french_bordeaux_news):
    NewsPageFactory(parent=bordeaux_news.get_parent(), title="Only in English")

    listing = get_json(client, "/api/v2/pages/", type="news.NewsPage", locale="fr")

    assert listing["meta"]["total_count"] == 1
    [item] = listing["items"]
    assert item["id"] == french_bordeaux_news.pk
    assert item["title"] == "Séminaire à Bordeaux"
    assert item["meta"]["locale"] == "fr"
    assert item["meta"]["html_url"] == "https://liaise.example.org/fr/actualites/bordeaux/"


def test_pages_link_to_their_live_translations(client, bordeaux_news, french_bordeaux_news):
    english = get_json(client, f"/api/v2/pages/{bordeaux_news.pk}/")
    [item] = get_json(client, "/api/v2/pages/", type="news.NewsPage", locale="en")["items"]

    assert english["meta"]["translations"] == [
        {
            "id": french_bordeaux_news.pk,
            "locale": "fr",
            "title": "Séminaire à Bordeaux",
            "html_url": "https://liaise.example.org/fr/actualites/bordeaux/",
            "detail_url": f"https://liaise.example.org/api/v2/pages/{french_bordeaux_news.pk}/",
        }
    ]
    assert item["meta"]["translations"] == english["meta"]["translations"]


def test_news_detail_has_its_content_fields(client, bordeaux_news):
    news = get_json(client, f"/api/v2/pages/{bordeaux_news.pk}/")

    assert news["date"] == "2016-04-14"
    assert news["intro"] == "The first seminar of LIAISE 2."
    assert news["body"][0]["type"] == "paragraph"
    assert news["tags"] == ["seminar"]
    assert news["image"]["id"] == bordeaux_news.image.pk
    assert ".fill-1200x630." in news["image_rendition"]["url"]
    assert news["image_alt"] == bordeaux_news.image.default_alt_text


def test_seminar_and_partner_fields(client, home):
    seminar = SeminarPageFactory(
        parent=EventIndexPageFactory(parent=home),
        start_date=datetime.date(2016, 8, 30),
        end_date=datetime.date(2016, 8, 31),
        city="Leuven",
        country="BE",
        venue="Town hall",
        programme=[("day", datetime.date(2016, 8, 30))],
    )
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home),
        kind="city",
        country="NL",
        city="Rotterdam",
        latitude=51.924,
        longitude=4.478,
        is_associate=True,
        website="https://www.rotterdam.nl/",
    )

    seminar_json = get_json(client, f"/api/v2/pages/{seminar.pk}/")
    partner_json = get_json(client, f"/api/v2/pages/{partner.pk}/")

    assert {key: seminar_json[key] for key in ["start_date", "end_date", "city", "venue"]} == {
        "start_date": "2016-08-30",
        "end_date": "2016-08-31",
        "city": "Leuven",
        "venue": "Town hall",
    }
    assert seminar_json["country"] == "BE"
    assert seminar_json["summary"] == seminar.summary
    assert seminar_json["programme"][0] == {
        "type": "day",
        "value": "2016-08-30",
        "id": seminar.programme[0].id,
    }
    assert {
        key: partner_json[key]
        for key in ["kind", "country", "city", "latitude", "longitude", "is_associate", "website"]
    } == {
        "kind": "city",
        "country": "NL",
        "city": "Rotterdam",
        "latitude": 51.924,
        "longitude": 4.478,
        "is_associate": True,
        "website": "https://www.rotterdam.nl/",
    }
    assert partner_json["summary"] == partner.summary


def test_drafts_are_not_exposed(client, news_index):
    draft = NewsPageFactory(parent=news_index, live=False)

    # Django's LocaleMiddleware first redirects an unknown unprefixed path to /en/….
    assert client.get(f"/api/v2/pages/{draft.pk}/", follow=True).status_code == 404
    assert get_json(client, "/api/v2/pages/", type="news.NewsPage")["meta"]["total_count"] == 0


def test_nothing_about_visitor_comments_is_exposed(client, bordeaux_news):
    VisitorCommentFactory(page=bordeaux_news, text="A visitor's comment.")

    response = client.get(f"/api/v2/pages/{bordeaux_news.pk}/", {"fields": "*"})
    for field in ["visitor_comments", "allow_comments", "comments"]:
        refused = client.get(f"/api/v2/pages/{bordeaux_news.pk}/", {"fields": field})
        assert refused.status_code == 400, field

    assert response.status_code == 200
    assert "comment" not in response.content.decode().lower()


def test_images_and_documents_are_listed(client, home):
    image = ImageFactory(title="Leuven town hall")
    document = get_document_model().objects.create(title="Programme of the seminar")

    images = get_json(client, "/api/v2/images/")
    documents = get_json(client, "/api/v2/documents/")

    assert [item["id"] for item in images["items"]] == [image.pk]
    assert [item["title"] for item in documents["items"]] == [document.title]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_missing_object_answers_a_json_404_not_a_language_redirect(client, home, endpoint):
    response = client.get(f"/api/v2/{endpoint}/999999/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_address_without_a_language_is_still_redirected_to_one(client, home):
    response = client.get("/partners/")

    assert response.status_code == 302
    assert response["Location"] == "/en/partners/"
