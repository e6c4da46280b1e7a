"""Documents of a login-restricted collection reach no one without a login, by any address:
they are kept out of the public media (core/storage.py) and served by Wagtail's serve view only,
under the production settings as `make serve` runs them (the app serving MEDIA_ROOT)."""

import importlib
import uuid
from contextlib import ExitStack
from pathlib import Path

import pytest
import requests
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from bench.load import gunicorn
from tests.factories import DocumentFactory, ImageFactory
from tests.postgres_cluster import pick_free_port
from tests.production.test_two_app_servers import HOST, app_server_environment

MINUTES = b"%PDF-1.4\nMinutes of the steering committee\n"


@pytest.fixture
def board_papers(db):
    """A collection only signed-in people may read."""
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


@pytest.fixture
def make_serve(redis_server, tmp_path):
    """The site as `make serve` runs it: gunicorn, production settings, the app serving media."""
    environment = app_server_environment(redis_server.url) | {
        "SERVE_MEDIA": "true",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
    }
    with ExitStack() as stack:
        yield stack.enter_context(gunicorn(environment, pick_free_port(HOST), tmp_path / "log"))


def test_a_document_is_stored_apart_from_the_public_media(board_papers):
    document = DocumentFactory(
        collection=board_papers, file=ContentFile(MINUTES, name="steering-minutes.pdf")
    )

    assert (Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name).read_bytes() == MINUTES
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
    assert document.url == f"/documents/{document.pk}/{document.filename}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restricted_document_is_reachable_by_no_address_without_a_login(board_papers, make_serve):
    document = DocumentFactory(
        collection=board_papers, file=ContentFile(MINUTES, name="steering-minutes.pdf")
    )
    public = DocumentFactory(file=ContentFile(b"%PDF-1.4\nProgramme\n", name="programme.pdf"))

    for address in (
        f"/media/{document.file.name}",
        "/media/documents/steering-minutes.pdf",
        f"/media/../private_media/{document.file.name}",
    ):
        response = requests.get(make_serve + address, allow_redirects=False, timeout=10)
        assert response.status_code == 404, address
    through_wagtail = requests.get(make_serve + document.url, allow_redirects=False, timeout=10)
    assert through_wagtail.status_code == 302
    assert "/_util/login/" in through_wagtail.headers["Location"]
    assert requests.get(make_serve + public.url, timeout=10).content == b"%PDF-1.4\nProgramme\n"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_media_served_by_the_app_are_cached_and_overlong_names_are_not_found(make_serve):
    image = ImageFactory()

    picture = requests.get(make_serve + image.file.url, timeout=10)
    overlong = requests.get(make_serve + "/media/" + "a" * 300, timeout=10)

    assert picture.status_code == 200
    assert "max-age=86400" in picture.headers["Cache-Control"]
    assert "public" in picture.headers["Cache-Control"]
    assert overlong.status_code == 404


def test_documents_uploaded_before_move_to_the_private_storage_once(db):
    """The data migration, on a document whose file was still in the public media."""
    name = storages["public_media"].save(f"documents/{uuid.uuid4()}.pdf", ContentFile(MINUTES))
    get_document_model().objects.create(title="Old programme", file=name)
    migration = importlib.import_module("core.migrations.0001_move_documents_to_private_storage")

    migration.move_documents_to_private_storage(apps, None)
    migration.move_documents_to_private_storage(apps, None)

    assert not storages["public_media"].exists(name)
    assert storages["private_documents"].open(name).read() == MINUTES
