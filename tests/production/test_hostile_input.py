"""Hostile input in the address: whatever a client puts in a public GET endpoint's query
parameters (NUL characters, lone surrogates, very long or many-word strings, SQL and HTML
metacharacters), the answer is never a server error. Property-based (Hypothesis), on PostgreSQL,
against a small site with every kind of page; then the cases found by hand, one by one."""

from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from editorial.roles import EDITORS
from home.views import search_path
from search.limits import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from tests.factories import (
    EventIndexPageFactory,
    HomePageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
    UserFactory,
    add_topics,
)

pytestmark = pytest.mark.django_db

HOSTILE_STRINGS = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "a " * 150,
    "a" * 5000,
    "é" * 300,
    "' OR 1=1 --",
    "'); DROP TABLE wagtailcore_page; --",
    '"><script>alert(1)</script>',
    "%00",
    "%",
    "-1",
    "0",
    "1e9",
    "99999999999999999999999",
    "NaN",
    "1.5",
    "!bordeaux & | :*",
    "\\",
    "../../etc/passwd",
    "title,-id,body(foo)",
    "*",
    "_",
    "random",
]
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
HOSTILE_TEXT = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(),
    st.text(alphabet=ANY_CHARACTER, max_size=50),
    st.lists(st.sampled_from(["a", "OR", "AND", "-", '"', "é", "*", ":"]), max_size=200).map(
        " ".join
    ),
)

# Each public GET endpoint of the site (under the module's site) and its query parameters.
ENDPOINTS = {
    "/en/": ["q", "page"],
    "/en/search/": ["q", "page"],
    "/fr/recherche/": ["q", "page"],
    "/en/partners/": ["kind", "country", "status", "page"],
    "/en/seminars/": ["page"],
    "/en/seminars/calendar/": ["page"],
    "/en/seminars/bordeaux-2016/": ["replyto"],
    "/en/news/": ["tag", "page"],
    "/en/news/seminar/": ["replyto"],
    "/en/news/feed/": ["tag", "page"],
    "/en/news/feed/atom/": ["tag", "page"],
    "/sitemap.xml": ["p"],
    "/sitemap-pages.xml": ["p"],
    "/robots.txt": ["q"],
    "/api/v2/pages/": [
        "search",
        "search_operator",
        "locale",
        "type",
        "fields",
        "order",
        "limit",
        "offset",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
        "title",
    ],
    "/api/v2/pages/find/": ["html_path", "id"],
    "/api/v2/images/": ["search", "fields", "order", "limit", "offset", "title"],
    "/api/v2/documents/": ["search", "fields", "order", "limit", "offset", "title"],
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """One small site for the whole module, rolled back at its end: every kind of page, an
    image, a document and a French locale."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_site()
        yield
        transaction.set_rollback(True)


def build_site():
    Locale.objects.get_or_create(language_code="fr")
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="liaise-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    partners = PartnerIndexPageFactory(parent=home)
    PartnerPageFactory(parent=partners, title="Bordeaux", country="FR")
    PartnerPageFactory(parent=partners, title="Leuven", country="BE")
    seminars = EventIndexPageFactory(parent=home)
    SeminarPageFactory(parent=seminars, title="Bordeaux 2016", slug="bordeaux-2016")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), slug="seminar")
    add_topics(news, "seminar")
    news.save()
    ImageFactory()
    get_document_model().objects.create(
        title="Programme", file=ContentFile(b"%PDF-1.4\n", name="programme.pdf")
    )


def query_string(params):
    """As a client sends it: UTF-8, percent-encoded; a lone surrogate gives the bytes no valid
    UTF-8 has."""
    return "&".join(
        f"{quote(name)}={quote(value.encode('utf-8', errors='surrogatepass'))}"
        for name, value in params.items()
    )


@pytest.mark.parametrize(("path", "names"), ENDPOINTS.items(), ids=list(ENDPOINTS))
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_query_parameters_never_give_a_server_error(site, client, path, names, data):
    params = data.draw(st.dictionaries(st.sampled_from(names), HOSTILE_TEXT, min_size=1))

    response = client.get(f"{path}?{query_string(params)}")

    assert response.status_code < 500, (path, params)


@pytest.mark.parametrize(
    "path",
    [*(path for path in ENDPOINTS if "find" not in path), "/api/v2/pages/find/?html_path=/news/"],
)
def test_every_endpoint_answers_normally_to_a_normal_request(site, client, path):
    """The endpoints above exist: the property does not hold by answering 404 to everything."""
    assert client.get(path).status_code in {200, 302}


# -- The cases found by hand ------------------------------------------------------------------

MANY_WORDS = "+".join(["a"] * 150)


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(groups=[Group.objects.get(name=EDITORS)]))
    return client


@pytest.mark.parametrize("language", ["en", "fr"])
def test_search_of_many_words_is_refused_with_the_reason(site, client, language):
    response = client.get(f"{search_path(language)}?q={MANY_WORDS}")

    assert response.status_code == 400
    assert response.context["search_refusal"] in response.content.decode()
    assert 'name="q"' in response.content.decode()  # the search box, to try again


@pytest.mark.parametrize("query", ["prévention", "€ 🇪🇺", "\ufffd"])
def test_search_in_any_script_is_answered(site, client, query):
    assert client.get("/fr/recherche/", {"q": query}).status_code == 200


def test_search_at_the_limits_is_answered(site, client):
    words = " ".join(["bordeaux"] * MAX_QUERY_WORDS)[:MAX_QUERY_LENGTH]

    assert client.get("/en/search/", {"q": words}).status_code == 200


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_search_of_many_words_answers_400_with_the_reason(site, client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/?search={MANY_WORDS}")

    assert response.status_code == 400
    assert "too long" in response.json()["message"]


def test_api_find_by_an_id_that_is_not_a_number_answers_400(site, client):
    assert client.get("/api/v2/pages/find/?id=abc").status_code == 400


def test_api_search_with_an_unknown_operator_answers_400(site, client):
    response = client.get("/api/v2/pages/?search=bordeaux&search_operator=xor")

    assert response.status_code == 400
    assert "search_operator" in response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/images/?search=%00",
        "/api/v2/documents/?search=%00",
        "/api/v2/pages/?locale=%00",
        "/api/v2/pages/find/?html_path=%00",
        "/en/search/?q=%00",
        "/en/partners/?kind=%00",
        "/en/search/?q=%ED%A0%80",  # a surrogate, which UTF-8 cannot hold
        "/en/search/?q=%FF",  # not UTF-8
        "/en/news/%00/",
    ],
)
def test_nul_or_invalid_utf8_in_the_address_answers_400(site, client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "This request is not valid" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/admin/pages/search/?q=%00", f"/admin/pages/search/?q={MANY_WORDS}"]
)
def test_admin_page_search_answers_400_to_a_nul_or_too_many_words(site, editor_client, url):
    assert editor_client.get(url).status_code == 400


# -- Bodies and paths ---------------------------------------------------------------------------

PASSKEY_ENDPOINTS = [
    f"/admin/two-step/passkeys/{ceremony}/{step}/"
    for ceremony in ("registration", "authentication")
    for step in ("begin", "complete")
]
HOSTILE_BODY = st.one_of(
    st.sampled_from([b"\x00\xff\xfe", b"\xff", b"[]", b"1", b'"x"', b"null", b"{", b"{}"]),
    st.binary(max_size=300),
    st.text(alphabet=ANY_CHARACTER, max_size=100).map(
        lambda text: text.encode("utf-8", errors="surrogatepass")
    ),
)


@pytest.mark.parametrize("path", PASSKEY_ENDPOINTS)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=HOSTILE_BODY, content_type=st.sampled_from(["application/json", "text/plain"]))
def test_hostile_bodies_to_the_passkey_endpoints_never_give_a_server_error(
    site, editor_client, path, body, content_type
):
    response = editor_client.post(path, body, content_type=content_type)

    assert response.status_code < 500, (path, body)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=HOSTILE_BODY,
    content_type=st.sampled_from(["application/x-www-form-urlencoded", "application/json"]),
)
def test_hostile_autosaves_of_the_page_editor_never_give_a_server_error(
    site, editor_client, body, content_type
):
    """The editor's autosave posts the form and asks for JSON: whatever the body."""
    news = Page.objects.get(slug="seminar")

    response = editor_client.post(
        f"/admin/pages/{news.pk}/edit/",
        body,
        content_type=content_type,
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code < 500, body


@pytest.mark.parametrize("path", PASSKEY_ENDPOINTS)
def test_the_passkey_endpoints_answer_400_to_a_body_that_is_not_utf8(site, editor_client, path):
    response = editor_client.post(path, b"\x00\xff\xfe", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


HOSTILE_FILE_NAME = st.one_of(
    st.sampled_from(["a" * 300, "é" * 200, "..", "../../etc/passwd", "%2e%2e/", "a/" * 100]),
    st.text(alphabet=st.characters(exclude_characters="\x00"), min_size=1, max_size=400),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=HOSTILE_FILE_NAME, document_id=st.integers(min_value=-1, max_value=10**12))
def test_hostile_document_addresses_never_give_a_server_error(site, client, name, document_id):
    response = client.get(
        f"/documents/{max(document_id, 0)}/{quote(name.encode('utf-8', errors='surrogatepass'))}"
    )

    assert response.status_code < 500, name


@pytest.mark.urls("tests.production.media_urls")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=HOSTILE_FILE_NAME)
def test_hostile_media_names_are_never_a_server_error(client, name):
    """The media of `make run` and `make serve` (liaise.views.media)."""
    response = client.get("/media/" + quote(name.encode("utf-8", errors="surrogatepass")))

    assert response.status_code < 500, name


@pytest.mark.urls("tests.production.media_urls")
def test_a_media_name_over_255_bytes_is_not_found(client):
    assert client.get("/media/" + "a" * 300).status_code == 404
