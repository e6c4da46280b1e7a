"""A user sets their own preferences on the account page: the admin's language and time zone."""

import pytest
from playwright.sync_api import expect

from editorial.roles import EDITORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_editor_switches_the_admin_to_french_and_sets_a_time_zone(
    new_page, screenshot, make_user, log_in
):
    user = make_user("editor", EDITORS, first_name="Demo", last_name="Editor")
    page = log_in(new_page(), user)
    page.goto("/admin/account/")

    page.get_by_label("Preferred language").select_option("fr")
    page.get_by_label("Current time zone").select_option("Europe/Lisbon")
    screenshot(page, "1-preferences")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messages")).to_contain_text("changed successfully")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    user.wagtail_userprofile.refresh_from_db()
    assert user.wagtail_userprofile.preferred_language == "fr"
    assert user.wagtail_userprofile.current_time_zone == "Europe/Lisbon"
    screenshot(page, "2-saved-in-french")
