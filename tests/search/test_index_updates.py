"""Only live, public pages are found, and the index follows publishing, unpublishing, moving
and deleting, in both languages."""

import pytest
from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from tests.factories import SeminarPageFactory, StandardPageFactory
from tests.search.helpers import found_titles

pytestmark = pytest.mark.django_db


def test_draft_page_is_not_found(search, seminars):
    SeminarPageFactory(parent=seminars, title="Leuven seminar", city="Leuven", live=False)

    assert found_titles(search("en", "Leuven")) == []


def test_unpublished_page_is_no_longer_found(search, english_site, bordeaux_seminar):
    bordeaux_seminar.unpublish()

    assert found_titles(search("en", "Bordeaux")) == ["City of Bordeaux"]


def test_unpublished_translation_is_no_longer_found(search, french_site, bordeaux_seminar, french):
    bordeaux_seminar.get_translation(french).unpublish()

    assert found_titles(search("fr", "Bordeaux")) == ["Ville de Bordeaux"]
    assert "Bordeaux seminar" in found_titles(search("en", "Bordeaux"))


def test_private_pages_are_not_found(search, english_site, seminars, bordeaux_partner):
    PageViewRestriction.objects.create(page=seminars, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=bordeaux_partner, restriction_type="login")

    assert found_titles(search("en", "Bordeaux")) == []


def test_published_changes_are_found(search, english_site, bordeaux_seminar):
    bordeaux_seminar.venue = "Hôtel de Ville"
    bordeaux_seminar.save_revision().publish()

    assert found_titles(search("en", "ville")) == ["Bordeaux seminar"]


def test_draft_changes_are_not_found_until_published(search, english_site, bordeaux_seminar):
    bordeaux_seminar.venue = "Hôtel de Ville"
    bordeaux_seminar.save_revision()

    assert found_titles(search("en", "ville")) == []


def test_updated_translation_is_found_with_french_matching(
    search, french_site, bordeaux_seminar, translate
):
    translate(bordeaux_seminar, {"Bordeaux seminar": "Séminaire européen de Bordeaux"})

    assert found_titles(search("fr", "europeen")) == ["Séminaire européen de Bordeaux"]


def test_moved_page_is_found_at_its_new_address(search, home):
    old_parent = StandardPageFactory(parent=home, slug="old")
    new_parent = StandardPageFactory(parent=home, slug="new")
    page = StandardPageFactory(parent=old_parent, slug="mediation", intro="Mediation in schools.")

    page.move(new_parent, pos="last-child")

    assert search("en", "mediation").context["search_results"][0].page.url == "/en/new/mediation/"


def test_deleted_page_leaves_the_index(search, english_site, bordeaux_seminar):
    pk = str(bordeaux_seminar.pk)

    bordeaux_seminar.delete()

    assert not IndexEntry.objects.filter(object_id=pk).exists()
    assert found_titles(search("en", "Bordeaux")) == ["City of Bordeaux"]
