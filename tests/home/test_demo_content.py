import datetime
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationSource,
)

from contact.models import ContactPage
from demo import french, training
from demo import resources as demo_resources
from demo.pilots import PILOTS
from demo.translation import MissingTranslationsError, translate_pages
from events.models import SeminarPage, TrainingSessionPage
from home.models import HomePage, StandardPage
from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from news.models import NewsPage
from pilots.models import PilotProjectPage
from tests.comments import comment_post_url
from tests.nu_checker import html_errors

pytestmark = pytest.mark.django_db

# The seed's list, in its own order; associates carry the seed's asterisk.
SEED_ORGANISATIONS = {
    "Efus (European Forum for Urban Security)",
    "Alexandroupoli", "Augsburg", "Bagneux", "Barcelona*", "Bologna", "Bordeaux", "Brno*",
    "Brussels", "Charleroi", "Düsseldorf", "Essen", "The Hague", "L’Hospitalet de Llobregat",
    "Liège", "Leuven", "Malmö", "Montreuil*", "Paris", "Reggio Emilia", "Rotterdam*",
    "Sarcelles", "Setúbal", "Toulouse",
    "Protection of the Constitution of Bremen*", "State of Bavaria*",
    "Generalitat of Catalonia", "Departmental Council of Val d’Oise",
    "Belgian Forum for Urban Security", "French Forum for Urban Security",
    "German Forum for Urban Security", "Italian Forum for Urban Security",
    "Ufuq", "Culture Interactive e.V.*", "Confederation of European Probation (CEP)",
}  # fmt: skip
SEED_COUNTRIES = {"GR", "DE", "FR", "ES", "IT", "CZ", "BE", "NL", "SE", "PT"}
SEED_SEMINARS = {
    ("Bordeaux", "FR", datetime.date(2016, 5, 26), datetime.date(2016, 5, 27)),
    ("Leuven", "BE", datetime.date(2016, 10, 11), datetime.date(2016, 10, 12)),
    ("The Hague", "NL", datetime.date(2017, 3, 29), datetime.date(2017, 3, 29)),
    ("Rimini", "IT", datetime.date(2017, 5, 19), datetime.date(2017, 5, 19)),
}
# Proper names written the same in French: their French page differs by its summary or intro.
SAME_NAME_IN_FRENCH = {"LIAISE 2", "Ufuq", "Culture Interactive e.V.", "Contact"}


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo content, loaded once for the module (it takes seconds) in a transaction rolled
    back after its last test; each test runs in a savepoint of it, as with the `db` fixture.
    Callbacks on commit run as the command's commit would run them."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo_content")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_loaded, db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def fr(demo):
    return Locale.objects.get(language_code="fr")


def in_english(queryset):
    return queryset.filter(locale__language_code="en")


def description(page):
    """The sentence or two of a demo page under its title."""
    return getattr(page, "summary", None) or page.intro


def reload_demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content")


# -- English ----------------------------------------------------------------------------------


def test_demo_home_page_replaces_wagtails_placeholder(demo):
    homes = Page.objects.filter(depth=2).specific()

    assert isinstance(demo, HomePage)
    assert demo.locale.language_code == "en"
    assert sorted(home.locale.language_code for home in homes) == ["en", "fr"]
    assert all(isinstance(home, HomePage) for home in homes)
    assert {home.translation_key for home in homes} == {demo.translation_key}


def test_demo_has_every_organisation_of_the_seed_with_its_associate_status(demo):
    partners = in_english(PartnerPage.objects.all())

    def seed_name(partner):
        name = partner.city if partner.kind == PartnerKind.CITY else partner.title
        return name + ("*" if partner.is_associate else "")

    assert {seed_name(p) for p in partners} == SEED_ORGANISATIONS
    assert all(p.title == f"City of {p.city}" for p in partners if p.kind == PartnerKind.CITY)
    assert {str(p.country) for p in partners if p.country} == SEED_COUNTRIES
    assert partners.get(kind=PartnerKind.LEAD).title.startswith("Efus")
    assert not any(p.logo for p in partners)  # no made-up logos: their kind and flag instead


def test_a_partner_without_a_logo_shows_its_kind_and_flag_not_a_letter_tile(demo, client):
    partner = in_english(PartnerPage.objects.filter(country="DE")).first()

    html = client.get(partner.url).content.decode()
    directory = client.get(partner.get_parent().url).content.decode()

    assert 'src="/static/network/flags/de.svg"' in html
    assert f'class="network-map__marker--{partner.kind}"' in html
    assert "card__logo" not in directory
    assert directory.count('class="partner-badge partner-badge--card"') >= 20


def test_demo_places_every_partner_on_the_map_in_both_languages(demo, client):
    partners = PartnerPage.objects.all()

    assert partners.filter(locale__language_code="fr").count() == len(SEED_ORGANISATIONS)
    assert not partners.filter(latitude=None).exists()
    assert not partners.filter(longitude=None).exists()
    efus = partners.get(kind=PartnerKind.LEAD, locale__language_code="en")
    assert (efus.latitude, efus.longitude) == pytest.approx((48.86, 2.35), abs=0.01)
    home_page = client.get("/en/").content.decode()
    assert home_page.count('class="network-map__marker ') == len(SEED_ORGANISATIONS)


def test_demo_has_the_four_seminars_with_their_dates(demo):
    seminars = {
        (s.city, s.country.code, s.start_date, s.end_date)
        for s in in_english(SeminarPage.objects.all())
    }

    assert seminars == SEED_SEMINARS


def test_demo_announces_each_seminar_in_the_news(demo):
    news = in_english(NewsPage.objects.live())

    assert news.count() == 4
    assert all("Seminar" in item.topic_names for item in news)
    assert {item.image_alt_text for item in news} == {
        f"Illustration: {city}" for city, *_facts in SEED_SEMINARS
    }


def test_demo_about_page_carries_the_seed_facts(demo, client):
    about = StandardPage.objects.get(slug="about")

    html = client.get(about.url).content.decode()

    for fact in ["Council of Europe", "Initiated in 2014", "January 2016", "Juan Cristellys"]:
        assert fact in html


def test_demo_about_page_names_the_contacts_once(demo, client):
    about = StandardPage.objects.get(slug="about")

    main = BeautifulSoup(client.get(about.url).content, "html.parser").main.get_text()

    assert main.count("Juan Cristellys") == main.count("Emilie Petit") == 1


@pytest.mark.parametrize("language", ["en", "fr"])
def test_demo_directory_states_the_projects_figures_and_explains_its_own_count(
    demo, client, language
):
    directory = PartnerIndexPage.objects.get(locale__language_code=language)

    intro = BeautifulSoup(client.get(directory.url).content, "html.parser").main.get_text(" ")

    for figure in ["29", "10", "18", "34"]:
        assert re.search(rf"\b{figure}\b", intro), (figure, intro)
    shown = PartnerPage.objects.live().filter(locale__language_code=language).count()
    assert shown == 35  # the 34 of the list and Efus, as the text says
    assert "Efus" in intro


def partner_names(partner):
    """The partner's own names as its description may spell them, longest first."""
    names = [partner.title, partner.title[0].lower() + partner.title[1:], partner.city]
    return sorted(filter(None, names), key=len, reverse=True)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_demo_partner_descriptions_are_all_different_and_varied(demo, language):
    partners = PartnerPage.objects.filter(locale__language_code=language)
    summaries = [partner.summary for partner in partners]
    skeletons = []
    for partner in partners:
        skeleton = partner.summary
        for name in partner_names(partner):
            skeleton = skeleton.replace(name, "…")
        skeletons.append(skeleton)

    assert len(set(summaries)) == len(summaries) == 35
    # With the partner's own name taken out, no sentence serves more than a handful of them.
    assert max(skeletons.count(skeleton) for skeleton in skeletons) <= 4


@pytest.mark.parametrize("language", ["en", "fr"])
def test_demo_seminar_summaries_say_what_the_seminar_addressed_not_its_title(demo, language):
    seminars = SeminarPage.objects.filter(locale__language_code=language)

    assert seminars.count() == 4
    for seminar in seminars:
        assert seminar.title not in seminar.summary
        assert seminar.city in seminar.summary


@pytest.mark.parametrize("language", ["en", "fr"])
def test_demo_news_bodies_add_to_their_intro(demo, language):
    for news in NewsPage.objects.filter(locale__language_code=language):
        body = BeautifulSoup(str(news.body), "html.parser").get_text()
        intro_words = set(re.findall(r"\w+", news.intro.lower()))
        body_words = set(re.findall(r"\w+", body.lower()))

        assert len(body_words - intro_words) >= 15, body


def test_demo_pages_all_render(demo, client):
    pages = Page.objects.live().filter(depth__gt=1)

    assert pages.filter(locale__language_code="fr").count() == pages.count() / 2
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url


def test_demo_directory_lists_every_organisation(demo, client):
    for url, language_code in [("/en/partners/", "en"), ("/fr/partenaires/", "fr")]:
        # The directory lists PARTNERS_PAGE_SIZE partners a page.
        html = "".join(client.get(url, {"page": n}).content.decode() for n in (1, 2))

        partners = PartnerPage.objects.filter(locale__language_code=language_code)
        assert partners.count() == len(SEED_ORGANISATIONS)
        assert all(f'href="{partner.url}"' in html for partner in partners), url


def test_demo_pilot_projects_say_they_are_examples_and_are_placed(demo, fr):
    pilots = in_english(PilotProjectPage.objects.all())

    assert pilots.count() == len(PILOTS)
    for pilot in pilots:
        french_pilot = pilot.get_translation(fr)
        assert pilot.title.startswith("Example pilot project – ")
        assert french_pilot.title.startswith("Exemple de projet pilote – ")
        assert (french_pilot.latitude, french_pilot.longitude) == (pilot.latitude, pilot.longitude)
        assert pilot.latitude is not None
        assert pilot.partner_links.exists()


def test_demo_partner_page_lists_its_pilot_project_and_its_news_in_french(demo, client, fr):
    bordeaux = PartnerPage.objects.get(locale=fr, slug="bordeaux")
    pilot = PilotProjectPage.objects.get(locale=fr, partner_links__partner__slug="bordeaux")

    html = client.get(bordeaux.url).content.decode()

    assert f'href="{pilot.url}"' in html
    assert 'href="/fr/actualites/seminaire-bordeaux-2016/"' in html


# -- French -----------------------------------------------------------------------------------


def test_every_demo_page_has_a_french_translation_made_with_wagtail_localize(demo, fr):
    english_pages = in_english(Page.objects.live().filter(depth__gt=1)).specific()

    # home, about, privacy, contact, legal notice; each index with its partners, events (seminars
    # and example training sessions), seminar announcements, resources and example pilot projects
    expected = 5 + 1 + len(SEED_ORGANISATIONS) + 1 + len(SEED_SEMINARS) + len(training.SESSIONS)
    expected += 1 + len(SEED_SEMINARS) + 1 + len(demo_resources.RESOURCES) + 1 + len(PILOTS)
    assert english_pages.count() == expected
    for page in english_pages:
        translated = page.get_translation(fr).specific
        source = TranslationSource.objects.get_for_instance(page)
        assert translated.live, page.title
        assert Translation.objects.filter(source=source, target_locale=fr).exists(), page.title
        if page.title in SAME_NAME_IN_FRENCH:
            assert translated.title == page.title
        else:
            assert translated.title != page.title
        assert description(translated) != description(page), page.title
    assert not StringTranslation.objects.filter(has_error=True).exists()


@pytest.mark.parametrize(
    ("url", "french_text"),
    [
        ("/fr/", "Cofinancé par l’Union européenne"),
        ("/fr/a-propos/", "<h2>L’objectif du projet</h2>"),
        ("/fr/partenaires/", "La ville de Bruxelles est partenaire de LIAISE 2, tout comme"),
        ("/fr/partenaires/la-haye/", "<h1>Ville de La Haye</h1>"),
        ("/fr/partenaires/ufuq/", "Organisation non gouvernementale allemande"),
        ("/fr/seminaires/", "Comment évaluer l’impact des actions de prévention"),
        ("/fr/seminaires/louvain-2016/", "<dd>Louvain</dd>"),
        ("/fr/actualites/", "Séminaire à La Haye"),
        ("/fr/actualites/seminaire-bordeaux-2016/", "se tiendra à Bordeaux les 26 et 27 mai"),
    ],
)
def test_french_demo_pages_answer_at_french_addresses_in_french(demo, client, url, french_text):
    response = client.get(url)

    assert response.status_code == 200
    assert french_text in response.content.decode().replace("\u00a0", " ").replace("\u202f", " ")


def test_french_home_names_the_project_in_its_text_as_in_its_title(demo, client):
    html = client.get("/fr/").content.decode().replace("\u00a0", " ").replace("\u202f", " ")

    assert "<title>LIAISE 2 – Institutions locales contre l’extrémisme violent II" in html
    assert "le projet « Institutions locales contre l’extrémisme violent II » (LIAISE 2)" in html
    assert "Local Institutions" not in html


def test_french_seminar_page_gives_its_dates_in_french(demo, client):
    html = client.get("/fr/seminaires/bordeaux-2016/").content.decode()

    assert '<time datetime="2016-05-26">26</time><span aria-hidden="true">–</span>' in html
    assert ">27 mai 2016</time>" in html
    assert "May" not in html


def test_french_news_links_to_the_french_seminar_with_french_alt_text(demo, client):
    html = client.get("/fr/actualites/seminaire-la-haye-2017/").content.decode()

    assert '<a href="/fr/seminaires/la-haye-2017/">En savoir plus sur le séminaire</a>' in html
    assert 'alt="Illustration\u00a0: La Haye"' in html


def test_french_demo_news_show_french_topics_with_french_slugs(demo, client):
    item = client.get("/fr/actualites/seminaire-bordeaux-2016/").content.decode()
    index = client.get("/fr/actualites/", {"tag": "contre-discours"})

    assert ">Contre-discours</a>" in item
    assert "?tag=seminaire" in item
    assert "Counter-narratives" not in item
    assert [news.slug for news in index.context["news_page"]] == ["seminaire-bordeaux-2016"]


def test_french_demo_texts_follow_french_typography(demo, fr):
    news = NewsPage.objects.get(locale=fr, slug="seminaire-louvain-2016")

    assert news.title.startswith("Séminaire à Louvain\u00a0: «\u00a0Comment évaluer")
    assert news.title.endswith("radicalisation\u202f?\u00a0»")


def test_loading_the_demo_again_creates_nothing(demo, django_capture_on_commit_callbacks):
    models = [Page, Revision, TranslationSource, Translation, String, StringTranslation]
    counts = [model.objects.count() for model in models]

    reload_demo(django_capture_on_commit_callbacks)

    assert [model.objects.count() for model in models] == counts


def test_loading_the_demo_again_keeps_the_translators_changes(
    demo, fr, django_capture_on_commit_callbacks
):
    about = StandardPage.objects.get(locale=fr, slug="a-propos")
    about.title = "À propos du projet"
    about.save_revision().publish()

    reload_demo(django_capture_on_commit_callbacks)

    about.refresh_from_db()
    assert about.title == "À propos du projet"
    assert not about.has_unpublished_changes


def test_loading_the_demo_again_places_partners_without_overwriting_an_editors_place(
    demo, django_capture_on_commit_callbacks
):
    """Databases loaded before partners had coordinates get them; an editor's are kept."""
    brno = PartnerPage.objects.get(locale=demo.locale, city="Brno")
    unplaced = PartnerPage.objects.filter(translation_key=brno.translation_key)
    unplaced.update(latitude=None, longitude=None)
    moved = PartnerPage.objects.get(locale=demo.locale, kind=PartnerKind.LEAD)
    moved.latitude, moved.longitude = 48.8, 2.3
    moved.save_revision().publish()

    reload_demo(django_capture_on_commit_callbacks)

    assert [(p.latitude, p.longitude) for p in unplaced] == [(49.195, 16.608)] * 2
    moved.refresh_from_db()
    assert (moved.latitude, moved.longitude) == (48.8, 2.3)


def test_loader_fails_on_a_demo_text_without_french(
    demo, fr, monkeypatch, django_capture_on_commit_callbacks
):
    about = StandardPage.objects.get(locale=fr, slug="a-propos")
    StringTranslation.objects.filter(context__object_id=about.translation_key).delete()
    about.delete()
    texts = {k: v for k, v in french.texts().items() if k != "About LIAISE 2"}
    monkeypatch.setattr(french, "texts", lambda: texts)

    with pytest.raises(MissingTranslationsError, match="'About LIAISE 2'") as error:
        reload_demo(django_capture_on_commit_callbacks)

    assert error.value.missing == ["About LIAISE 2"]


def test_translating_lists_every_text_without_french_and_translates_nothing(demo, fr):
    page = StandardPage(title="Untranslated", slug="untranslated", intro="No French yet.")
    demo.add_child(instance=page)
    page.save_revision().publish()

    with pytest.raises(MissingTranslationsError) as error:
        translate_pages([page], fr, french.texts())

    assert error.value.missing == ["No French yet.", "Untranslated", "untranslated"]
    assert not page.has_translation(fr)
    assert not TranslationSource.objects.get_for_instance_or_none(page)


# -- Training sessions and the seminars' places -------------------------------------------------


def test_demo_training_sessions_say_they_are_examples_and_have_hosts_in_both_languages(demo, fr):
    sessions = in_english(TrainingSessionPage.objects.all())

    assert sessions.count() == len(training.SESSIONS)
    for session in sessions:
        french_session = session.get_translation(fr).specific
        assert session.title.startswith("Example training session – ")
        assert french_session.title.startswith("Exemple de session de formation – ")
        assert french_session.live
        assert session.partners()
        assert [p.locale_id for p in french_session.partners()] == [fr.pk] * len(
            french_session.partners()
        )


def test_demo_places_every_seminar_on_the_map_in_both_languages(demo, client):
    seminars = SeminarPage.objects.live()

    assert seminars.count() == 2 * len(SEED_SEMINARS)
    for seminar in seminars:
        assert seminar.has_coordinates, seminar.url
        assert 'class="map-inset"' in client.get(seminar.url).content.decode()


# -- Contact ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/en/contact/", ["Juan Cristellys", "Emilie Petit", "LIAISE 2 contact", "E-mail *"]),
        ("/fr/contact/", ["Juan Cristellys", "Emilie Petit", "Contact LIAISE 2", "Courriel *"]),
        ("/en/about/", ["<h2>The LIAISE 2 team</h2>", "Juan Cristellys", "Emilie Petit"]),
        ("/fr/a-propos/", ["<h2>L’équipe de LIAISE 2</h2>", "Contact LIAISE 2"]),
        ("/en/legal-notice/", ["published by Efus", "Co-funded by the European Union. Views"]),
        ("/fr/mentions-legales/", ["publié par l’Efus", "Cofinancé par l’Union européenne. Les"]),
    ],
)
def test_demo_shows_the_team_the_contact_form_and_the_legal_notice_in_both_languages(
    demo, client, url, texts
):
    html = client.get(url).content.decode()

    assert all(text in html for text in texts), url
    assert "@example.org" not in html  # the demo's recipient is never shown


def test_demo_footer_links_the_contact_page_and_legal_notice(demo, client):
    english, french = client.get("/en/").content.decode(), client.get("/fr/").content.decode()

    assert '<a href="/en/contact/">Contact</a>' in english
    assert '<a href="/en/legal-notice/">Legal notice</a>' in english
    assert '<a href="/fr/contact/">Contact</a>' in french
    assert '<a href="/fr/mentions-legales/">Mentions légales</a>' in french


# -- What visitors meet: valid HTML, and text written for them ---------------------------------

# Words of notes about how the demo was made, or of templates, that no visitor may read.
DEVELOPER_TEXT = re.compile(
    r"\{#|#\}|\{%|%\}|\{\{|\bthe seed\b|\bthis session only\b|lorem ipsum|\bTODO\b|"
    r"la source ne|cette session montre",
    re.IGNORECASE,
)


def sitemap_paths(client):
    """The address of every page the sitemap lists, in every language (its hreflang links)."""
    index = client.get("/sitemap.xml").content.decode()
    paths = set()
    for sitemap in re.findall(r"<loc>([^<]+)</loc>", index):
        listing = client.get(urlsplit(sitemap).path, dict(parse_qsl(urlsplit(sitemap).query)))
        for url in re.findall(r'(?:<loc>|href=")(https?://[^<"]+)', listing.content.decode()):
            paths.add(urlsplit(url).path)
    return sorted(paths)


def pages_visitors_meet(client):
    """{name: HTML} of every sitemap page, the search results, the comment and contact forms
    sent back with errors, and the page not found, in English and French."""
    pages = {path: client.get(path) for path in sitemap_paths(client)}
    pages["search en"] = client.get("/en/search/", {"q": "seminar"})
    pages["search fr"] = client.get("/fr/recherche/", {"q": "séminaire"})
    for news in NewsPage.objects.live()[:1].union(
        NewsPage.objects.live().filter(locale__language_code="fr")[:1]
    ):
        pages[f"comment form with errors {news.url}"] = client.post(comment_post_url(news), {})
    for contact in Page.objects.live().type(ContactPage).specific():
        pages[f"contact form with errors {contact.url}"] = client.post(
            reverse_in(contact, "contact_send", contact.pk), {}
        )
    pages["not found en"] = client.get("/en/no-such-page/")
    pages["not found fr"] = client.get("/fr/aucune-page/")
    return {name: response.content.decode() for name, response in pages.items()}


def reverse_in(page, name, *args):
    with translation.override(page.locale.language_code):
        return reverse(name, args=args)


def test_every_page_visitors_meet_shows_no_text_meant_for_developers(demo, client):
    pages = pages_visitors_meet(client)

    assert len(pages) > 60
    found = {
        name: sorted({match.group(0) for match in DEVELOPER_TEXT.finditer(visible_text(html))})
        for name, html in pages.items()
    }
    assert {name: words for name, words in found.items() if words} == {}


def visible_text(html):
    """What a visitor reads (and what a template left behind): the document without its
    scripts and without the attribute values that hold JSON."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    return soup.get_text(" ")


def test_every_page_visitors_meet_is_valid_html(demo, client, tmp_path):
    names = {}
    for number, (name, html) in enumerate(pages_visitors_meet(client).items()):
        path = tmp_path / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        names[path] = name

    assert html_errors(names, name_of=names.get) == []
