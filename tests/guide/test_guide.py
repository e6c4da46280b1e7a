"""The user guide in the admin: who sees it, in which language, in which order, and that every
page renders with screenshots that exist."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import help_menu
from wagtail.users.models import UserProfile

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS
from guide.content import ROLE_HEADINGS, SCREENSHOTS_DIR, guide_pages, languages
from tests.factories import UserFactory

MAX_SCREENSHOT_BYTES = 150 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GUIDE_PAGES = [(language, page.slug) for language in languages() for page in guide_pages(language)]


def member_of(group_name, language="en"):
    user = UserFactory(groups=[Group.objects.get(name=group_name)])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def section_headings(html):
    return [
        heading.get_text(strip=True)
        for heading in BeautifulSoup(html, "html.parser").select(".guide__section h2")
    ]


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get(reverse("guide_index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_user_without_admin_access_does_not_get_the_guide(client):
    client.force_login(UserFactory())

    response = client.get(reverse("guide_page", args=["editor-news-item"]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", [EDITORS, TRANSLATORS, MODERATORS, ADMINISTRATORS])
def test_help_menu_links_the_guide_for_every_role(group_name):
    request = RequestFactory().get("/admin/")
    request.user = member_of(group_name)

    urls = [item.url for item in help_menu.menu_items_for_request(request)]

    assert reverse("guide_index") in urls


@pytest.mark.django_db
def test_translator_with_french_admin_gets_the_french_guide_with_translator_tasks_first(client):
    client.force_login(member_of(TRANSLATORS, language="fr"))

    html = client.get(reverse("guide_index")).content.decode()

    assert section_headings(html) == [
        "Pour les traducteurs",
        "Pour les rédacteurs",
        "Pour les modérateurs",
        "Pour les administrateurs",
    ]
    assert "Trouver les pages qui attendent le français" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group_name", "first_heading"),
    [
        (EDITORS, "For editors"),
        (TRANSLATORS, "For translators"),
        (MODERATORS, "For moderators"),
        (ADMINISTRATORS, "For administrators"),
    ],
)
def test_each_role_sees_its_own_tasks_first(client, group_name, first_heading):
    client.force_login(member_of(group_name))

    html = client.get(reverse("guide_index")).content.decode()

    assert section_headings(html)[0] == first_heading
    assert len(section_headings(html)) == len(ROLE_HEADINGS)


@pytest.mark.django_db
def test_superuser_sees_the_administrators_tasks_first(admin_client):
    html = admin_client.get(reverse("guide_index")).content.decode()

    assert section_headings(html)[0] == "For administrators"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "slug"), GUIDE_PAGES)
def test_every_guide_page_renders_with_its_screenshots(client, language, slug):
    page = next(page for page in guide_pages(language) if page.slug == slug)
    client.force_login(member_of(EDITORS, language=language))

    response = client.get(reverse("guide_page", args=[slug]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == page.title
    sources = [image["src"] for image in soup.select(".guide__page img")]
    assert sources == [f"/static/guide/screenshots/{language}/{name}" for name in page.screenshots]


@pytest.mark.django_db
def test_unknown_guide_page_is_not_found(admin_client):
    assert admin_client.get(reverse("guide_page", args=["no-such-task"])).status_code == 404


@pytest.mark.django_db
def test_dashboard_links_the_users_own_tasks_and_the_whole_guide(client):
    client.force_login(member_of(MODERATORS))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = BeautifulSoup(html, "html.parser").select_one("#guide-section")
    links = [link["href"] for link in panel.select(".w-panel__content a")]
    moderator_pages = [page for page in guide_pages("en") if page.role == MODERATORS]
    assert links == [reverse("guide_page", args=[page.slug]) for page in moderator_pages] + [
        reverse("guide_index")
    ]


@pytest.mark.parametrize(("language", "slug"), GUIDE_PAGES)
def test_every_screenshot_a_guide_page_names_exists_as_a_small_png(language, slug):
    page = next(page for page in guide_pages(language) if page.slug == slug)
    for name in page.screenshots:
        path = SCREENSHOTS_DIR / language / name
        assert path.is_file(), f"{path} is missing: run tests/browser/test_guide_journeys.py"
        assert path.read_bytes().startswith(PNG_SIGNATURE), f"{path} is not a PNG"
        assert path.stat().st_size <= MAX_SCREENSHOT_BYTES, f"{path} is over 150 KB"


def test_every_guide_page_exists_in_every_language_for_the_same_role():
    roles_by_language = {
        language: {page.slug: page.role for page in guide_pages(language)}
        for language in languages()
    }

    assert all(roles == roles_by_language["en"] for roles in roles_by_language.values())
    assert set(roles_by_language["en"].values()) == set(ROLE_HEADINGS)
