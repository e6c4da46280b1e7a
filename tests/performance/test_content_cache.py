"""The parts of a page kept until the next change of content ({% contentcache %},
pagecache/templatetags/content_cache.py): a change elsewhere that they show is seen at once, and
an editor's preview shows the draft, never the kept part."""

import pytest

from news.models import NewsPagePartner
from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_about_rotterdam(home):
    partner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home), title="Rotterdam")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Prevention award")
    NewsPagePartner.objects.create(page=news, partner=partner)
    news.save_revision().publish()
    return news, partner


def test_a_partner_renamed_elsewhere_is_renamed_on_the_news_item_at_once(
    client, news_about_rotterdam
):
    news, partner = news_about_rotterdam
    assert ">Rotterdam</a>" in client.get(news.url).content.decode()  # the part is kept

    partner.title = "City of Rotterdam"
    partner.save_revision().publish()

    assert ">City of Rotterdam</a>" in client.get(news.url).content.decode()


def test_a_preview_shows_the_draft_not_the_part_kept_for_visitors(client, rf, news_about_rotterdam):
    news, _partner = news_about_rotterdam
    client.get(news.url)  # the part is kept

    news.title = "Prevention award: the draft"
    preview = news.make_preview_request(original_request=rf.get(news.url))

    assert "<h1>Prevention award: the draft</h1>" in preview.render().content.decode()
    assert "<h1>Prevention award</h1>" in client.get(news.url).content.decode()


def test_a_partner_card_kept_for_the_directory_shows_its_new_title_once_published(
    client, news_about_rotterdam
):
    _news, partner = news_about_rotterdam
    directory = partner.get_parent()
    assert ">Rotterdam</a>" in client.get(directory.url).content.decode()  # the card is kept

    partner.title = "City of Rotterdam"
    partner.save_revision().publish()

    html = client.get(directory.url).content.decode()
    assert ">City of Rotterdam</a>" in html
    assert ">Rotterdam</a>" not in html
