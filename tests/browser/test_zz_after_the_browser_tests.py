"""Runs after the browser tests (pytest-django runs transactional tests last, files in name
order): the data of the migrations, which each browser test's final flush wiped, is back."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Site, Workflow

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, WORKFLOW_NAME


@pytest.mark.django_db(transaction=True)  # no serialized_rollback: sees what the others left
def test_the_migrated_data_is_still_there_after_the_browser_tests():
    assert {EDITORS, MODERATORS, TRANSLATORS} <= set(Group.objects.values_list("name", flat=True))
    assert Workflow.objects.filter(name=WORKFLOW_NAME, active=True).exists()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr"}
    assert Site.objects.filter(is_default_site=True).exists()
