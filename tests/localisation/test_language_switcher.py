import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_about(french_home, about, translate):
    translate(about, {"About LIAISE 2": "À propos de LIAISE 2", "about": "a-propos"})
    return about


def test_root_with_french_preference_lands_on_french_home(client, french_home):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})

    assert response.url == "/fr/"
    assert client.get(response.url).status_code == 200


def test_french_page_has_french_lang_and_links_to_the_same_english_page(client, french_about):
    html = client.get("/fr/a-propos/").content.decode()

    assert '<html lang="fr"' in html
    assert 'href="/en/about/" hreflang="en"' in html


def test_every_page_lists_its_live_translations_as_hreflang_alternates(client, french_about):
    html = client.get("/en/about/").content.decode()

    for code, path in [("en", "/en/about/"), ("fr", "/fr/a-propos/"), ("x-default", "/en/about/")]:
        link = f'<link rel="alternate" hreflang="{code}" href="https://liaise.example.org{path}">'
        assert link in html


def test_english_only_page_says_it_is_not_translated(client, french_home, home):
    StandardPageFactory(parent=home, title="Only in English", slug="english-only")

    html = client.get("/en/english-only/").content.decode()

    assert 'hreflang="fr"' not in html.split("<body")[0]
    assert "pas encore traduite" in html or "not translated yet" in html
    assert 'href="/fr/" hreflang="fr"' in html


def test_english_only_page_at_a_french_address_is_not_found(client, french_home, home):
    StandardPageFactory(parent=home, title="Only in English", slug="english-only")

    assert client.get("/fr/english-only/").status_code == 404


def test_french_menu_lists_only_pages_with_a_live_french_version(client, french_about, home):
    StandardPageFactory(
        parent=home, title="Only in English", slug="english-only", show_in_menus=True
    )

    english_menu = client.get("/en/").content.decode()
    french_menu = client.get("/fr/").content.decode()

    assert "Only in English" in english_menu
    assert "Only in English" not in french_menu
    assert "À propos de LIAISE 2" in french_menu
