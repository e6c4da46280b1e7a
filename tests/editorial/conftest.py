import pytest
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.roles import EDITORS, MODERATORS
from tests.factories import StandardPageFactory, UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=[Group.objects.get(name=EDITORS)])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", groups=[Group.objects.get(name=MODERATORS)])


@pytest.fixture
def draft_page(home):
    """An unpublished English page, as an editor leaves it after a first save."""
    return StandardPageFactory(parent=home, title="Draft about page", slug="draft", live=False)


@pytest.fixture
def edit_page(client):
    """POST the page editor as `user`, with `action` ("action-publish", "action-submit" …);
    `headers`, e.g. the JSON Accept header of Wagtail's autosave."""

    def post(user, page, action, headers=None, **fields):
        client.force_login(user)
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "intro": page.intro,
                "body": streamfield([]),
                "comments": inline_formset([]),
                **fields,
            }
        )
        data[action] = "1"
        return client.post(f"/admin/pages/{page.pk}/edit/", data, **(headers or {}))

    return post
