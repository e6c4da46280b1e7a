"""News topics are translated like pages: French news show French topic names, and the French
news index filters by French slugs."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from editorial.roles import TRANSLATORS
from news.models import Topic
from tests.factories import NewsIndexPageFactory, NewsPageFactory, UserFactory, add_topics

pytestmark = pytest.mark.django_db

EVALUATION_FR = {"evaluation": "évaluation-des-actions", "Evaluation": "Évaluation des actions"}


@pytest.fixture
def french_news(home, translate):
    """An English news item on evaluation, its topic and the item translated into French."""
    translate(home)
    news_index = NewsIndexPageFactory(parent=home)
    translate(news_index, {"News": "Actualités", "news": "actualites"})
    news = NewsPageFactory(parent=news_index, title="Impact", date=datetime.date(2016, 10, 1))
    add_topics(news, "evaluation")
    news.save_revision().publish()
    topic = Topic.objects.get(slug="evaluation")
    topic.name = "Evaluation"
    topic.save()
    translate(topic, EVALUATION_FR)
    translation = translate(news, {"Impact": "Impact en français"})
    return translation.get_target_instance().specific


def test_french_news_item_shows_its_french_topic(client, french_news):
    html = client.get(french_news.url).content.decode()

    assert "Évaluation des actions" in html
    assert "?tag=%C3%A9valuation-des-actions" in html
    assert ">Evaluation<" not in html


def test_french_news_index_filters_by_the_french_slug(client, french_news):
    index_url = french_news.get_parent().url

    by_french = client.get(index_url, {"tag": "évaluation-des-actions"}).context["news_page"]
    by_english = client.get(index_url, {"tag": "evaluation"}).context["news_page"]

    assert [news.title for news in by_french] == ["Impact en français"]
    assert list(by_english) == []


def test_translators_edit_french_topics_not_english_ones(client, french_news):
    client.force_login(UserFactory(groups=[Group.objects.get(name=TRANSLATORS)]))
    english = Topic.objects.get(slug="evaluation")
    french = english.get_translation(Locale.objects.get(language_code="fr"))

    english_editor = client.get(reverse("wagtailsnippets_news_topic:edit", args=[english.pk]))
    french_editor = client.get(reverse("wagtailsnippets_news_topic:edit", args=[french.pk]))

    assert english_editor.status_code in (302, 403)
    assert french_editor.status_code == 200
