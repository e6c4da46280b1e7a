"""Security headers, the Content-Security-Policy of the public site and of the admin, login
throttling and upload limits."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


def policy(response, header="Content-Security-Policy"):
    """{directive: [sources]} of the response's policy."""
    directives = (part.split() for part in response[header].split(";") if part.strip())
    return {name: sources for name, *sources in directives}


# -- Headers ----------------------------------------------------------------------------------


def test_public_page_forbids_inline_and_foreign_scripts_and_framing(client, home):
    response = client.get("/en/")

    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def permissions_policy(response):
    return dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))


def test_public_page_denies_the_browser_features_it_never_uses(client, home):
    response = client.get("/en/")

    denied = permissions_policy(response)
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert denied[feature] == "()"
    assert denied["publickey-credentials-get"] == "()"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_admin_keeps_passkeys_but_denies_the_rest(admin_client, home):
    response = admin_client.get("/admin/")

    denied = permissions_policy(response)
    assert denied["camera"] == "()"
    assert "publickey-credentials-get" not in denied
    assert "publickey-credentials-create" not in denied


def test_public_page_has_no_inline_script_or_style(client, home):
    html = client.get("/en/").content.decode()

    # Only data blocks, which browsers do not execute, may sit in the page.
    assert "<script>" not in html
    assert "<script " not in html.replace('<script type="application/ld+json"', "")
    assert " style=" not in html
    assert "<style" not in html


def test_admin_dashboard_loads_under_its_own_policy(admin_client, home):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    csp = policy(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert "'unsafe-inline'" in csp["style-src"]
    # The editor's live preview frames the admin itself.
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["frame-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]


def test_preview_panel_may_be_framed_by_the_admin(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/preview/?in_preview_panel=true")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_page_preview_keeps_the_public_policy_but_may_sit_in_the_admin_frame(home):
    response = home.make_preview_request()

    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]


def test_healthz_answers_ok_when_the_database_does(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


# -- Login throttling -------------------------------------------------------------------------


@pytest.fixture
def editor():
    return UserFactory(username="editor", password=PASSWORD, is_superuser=True)


def log_in(client, password, ip="203.0.113.5"):
    return client.post(
        "/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=ip
    )


def test_admin_login_is_locked_after_five_failures(client, editor):
    for _ in range(4):
        assert log_in(client, "wrong-password").status_code == 200
    assert log_in(client, "wrong-password").status_code == 429

    response = log_in(client, PASSWORD)

    assert response.status_code == 429
    assert "Too many login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_the_account(client, editor):
    for _ in range(4):
        log_in(client, "wrong-password")

    response = log_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_lockout_is_for_the_username_from_that_address_only(client, editor):
    for _ in range(5):
        log_in(client, "wrong-password", ip="203.0.113.5")

    response = log_in(client, PASSWORD, ip="198.51.100.9")

    assert response.status_code == 302


def test_lockout_page_is_translated(client, editor):
    for _ in range(5):
        log_in(client, "wrong-password")

    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert response.status_code == 429
    assert "Trop de tentatives de connexion" in response.content.decode()


# -- Upload limits ----------------------------------------------------------------------------


def png_bytes(padding=0):
    """A real PNG image, followed by `padding` bytes (ignored by image readers)."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def upload(admin_client, kind, filename, content):
    return admin_client.post(
        f"/admin/{kind}/add/",
        {"title": filename, "file": SimpleUploadedFile(filename, content)},
    )


def test_a_small_image_is_accepted(admin_client):
    upload(admin_client, "images", "logo.png", png_bytes())

    assert get_image_model().objects.filter(title="logo.png").exists()


@pytest.mark.parametrize(("view", "field"), [("add", "file"), ("multiple/add", "files[]")])
def test_an_oversized_image_is_refused_with_the_limit_alone(admin_client, view, field):
    big_png = SimpleUploadedFile("big.png", png_bytes(padding=10 * 1024 * 1024))

    response = admin_client.post(f"/admin/images/{view}/", {"title": "Big", field: big_png})

    content = response.content.decode().replace("\\u00a0", "\xa0")  # the multiple view's JSON
    assert response.status_code == 200
    assert "This file is too big (10.0\xa0MB). Maximum filesize 10.0\xa0MB." in content
    assert "extension" not in content
    assert not get_image_model().objects.exists()


def test_an_image_of_another_type_is_refused_with_the_accepted_types(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = upload(admin_client, "images", "logo.svg", svg)

    assert "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP." in (
        response.content.decode()
    )
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(("view", "field"), [("add", "file"), ("multiple/add", "files[]")])
def test_an_oversized_document_is_refused_with_the_limit_alone(admin_client, view, field):
    big_pdf = SimpleUploadedFile("report.pdf", b"%PDF" + b"\0" * 30 * 1024 * 1024)

    response = admin_client.post(f"/admin/documents/{view}/", {"title": "Report", field: big_pdf})

    assert response.status_code == 200
    assert "Maximum filesize 20.0" in response.content.decode()
    assert "File extension" not in response.content.decode()
    assert not get_document_model().objects.exists()


def zip_bytes(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "content")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.pdf", b"%PDF-1.4\n%%EOF\n"),
        ("minutes.docx", zip_bytes("[Content_Types].xml", "word/document.xml")),
        ("budget.xlsx", zip_bytes("[Content_Types].xml", "xl/workbook.xml")),
        ("photos.zip", zip_bytes("bordeaux.txt")),
        ("letter.rtf", b"{\\rtf1\\ansi Hello}"),
        ("partners.csv", b"name,city\nEfus,Paris\n"),
        ("notes.txt", "Séminaire à Bordeaux <3".encode()),
    ],
)
def test_a_document_whose_content_matches_its_extension_is_accepted(
    admin_client, filename, content
):
    upload(admin_client, "documents", filename, content)

    assert get_document_model().objects.filter(title=filename).exists()


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("report.pdf", b"<!DOCTYPE html><html><body>Log in</body></html>"),
        ("report.pdf", b"  \n<HTML><script>alert(1)</script>"),
        ("minutes.docx", b"%PDF-1.4\n"),
        ("photos.zip", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ("partners.csv", b"\xef\xbb\xbf<script>alert(1)</script>"),
        ("notes.txt", b"%PDF-1.4\n"),
        ("letter.rtf", b"plain text"),
    ],
)
def test_a_document_whose_content_is_not_what_its_extension_says_is_refused(
    admin_client, filename, content
):
    response = upload(admin_client, "documents", filename, content)

    extension = filename.rpartition(".")[2]
    assert f"The content of this file is not that of a .{extension} file." in (
        response.content.decode()
    )
    assert not get_document_model().objects.exists()


def test_a_document_of_another_type_is_refused_with_the_accepted_types(admin_client):
    response = upload(admin_client, "documents", "page.html", b"<script>alert(1)</script>")

    assert "File extension “html” is not allowed." in response.content.decode()
    assert not get_document_model().objects.exists()


def test_admin_client_and_force_login_still_work_with_login_throttling(client):
    user = get_user_model().objects.create_superuser("someone", "s@example.org", PASSWORD)
    client.force_login(user)

    assert client.get("/admin/").status_code == 200
