"""The parts of a page kept until the next change of content ({% contentcache %},
pagecache/templatetags/content_cache.py): a change elsewhere that they show is seen at once, and
an editor's preview shows the draft, never the kept part. Pictures' HTML ({% imagecache %}),
kept across changes of content, follows its image and the alt text each page gives it."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.forms import get_image_form

from news.models import NewsPagePartner
from tests.factories import (
    ImageFactory,
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


LOGO = re.compile(r'<img [^>]*class="card__logo"[^>]*>')


def png(name):
    data = io.BytesIO()
    PillowImage.new("RGB", (640, 640), "teal").save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def test_a_logo_given_a_new_file_in_the_admin_shows_it_on_the_directory(client, home, admin_user):
    directory = PartnerIndexPageFactory(parent=home)
    logo = ImageFactory(file=png("old-logo.png"))
    PartnerPageFactory(parent=directory, title="Ghent", logo=logo)
    assert "old-logo" in LOGO.search(client.get(directory.url).content.decode())[0]  # kept

    form = get_image_form(type(logo))(
        instance=logo,
        user=admin_user,
        data={"title": logo.title, "collection": logo.collection_id},
        files={"file": png("new-logo.png")},
    )
    assert form.is_valid(), form.errors
    form.save()  # as the admin's edit view does

    shown = LOGO.search(client.get(directory.url).content.decode())[0]
    assert "new-logo" in shown
    assert "old-logo" not in shown


def test_partners_sharing_a_logo_each_name_their_own_in_its_alt_text(client, home):
    directory = PartnerIndexPageFactory(parent=home)
    logo = ImageFactory()
    for title in ("Liège", "Namur"):
        PartnerPageFactory(parent=directory, title=title, logo=logo)

    logos = LOGO.findall(client.get(directory.url).content.decode())

    assert [re.search(r'alt="([^"]+)"', tag)[1] for tag in logos] == [
        "Logo of Liège",
        "Logo of Namur",
    ]
