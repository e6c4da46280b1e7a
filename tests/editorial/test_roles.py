import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Workflow

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, WORKFLOW_NAME
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db


def test_groups_exist_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))

    assert {ADMINISTRATORS, EDITORS, MODERATORS} <= names


def test_editors_cannot_submit_translations_moderators_can():
    def can_submit(name):
        return (
            Group.objects.get(name=name).permissions.filter(codename="submit_translation").exists()
        )

    assert not can_submit(EDITORS)
    assert can_submit(MODERATORS)


def test_editors_may_upload_images_and_documents(editor):
    assert editor.has_perm("wagtailadmin.access_admin")
    for codename in ["add_image", "add_document"]:
        assert (
            Group.objects.get(name=EDITORS)
            .collection_permissions.filter(permission__codename=codename)
            .exists()
        )


def test_editors_edit_the_english_tree_but_not_the_french_one(home, editor):
    french = Locale.objects.get(language_code="fr")
    french_home = HomePageFactory(
        parent=Page.get_first_root_node(), locale=french, translation_key=home.translation_key
    )

    assert home.permissions_for_user(editor).can_edit()
    assert home.permissions_for_user(editor).can_add_subpage()
    assert not home.permissions_for_user(editor).can_publish()
    assert not french_home.permissions_for_user(editor).can_edit()


def test_editorial_review_covers_pages_of_every_language(home, draft_page):
    assert draft_page.get_workflow().name == WORKFLOW_NAME
    assert Workflow.objects.filter(active=True).count() == 1


def test_demo_users_are_created_with_their_roles_in_development(settings):
    settings.DEBUG = True

    call_command("create_demo_users")
    call_command("create_demo_users")

    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.get().name == EDITORS
    assert User.objects.get(username="moderator").groups.get().name == MODERATORS
    translator = User.objects.get(username="translator")
    assert translator.wagtail_userprofile.preferred_language == "fr"  # the admin in French


def account_form_as_shown(client):
    """The account page's fields with the values it shows, as a browser would send them."""
    page = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    form = page.select_one('[name="name_email-first_name"]').find_parent("form")
    data = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[field["name"]] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[field["name"]] = field.get("value", "on")
        elif field.get("type") != "file":
            data[field["name"]] = field.get("value", "")
    return data


def test_demo_users_can_save_their_account_preferences(client, settings):
    """Wagtail's account page requires both names before it saves the admin's language."""
    settings.DEBUG = True
    call_command("create_demo_users")
    User.objects.filter(username="translator").update(first_name="", last_name="")  # as before
    call_command("create_demo_users")

    for username in ("admin", "editor", "moderator", "translator"):
        user = User.objects.get(username=username)
        assert user.first_name
        assert user.last_name
        client.force_login(user)
        response = client.post(
            "/admin/account/",
            {
                **account_form_as_shown(client),
                "locale-preferred_language": "fr",
                "locale-current_time_zone": "Europe/Paris",
            },
        )
        assert response.status_code == 302, username
        user.wagtail_userprofile.refresh_from_db()
        assert user.wagtail_userprofile.preferred_language == "fr"


def test_demo_users_are_refused_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("create_demo_users")
