import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Site, Workflow


@pytest.mark.django_db(transaction=True)
def test_migrated_data_is_still_there():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Moderators",
        "Translators",
    }
    assert Workflow.objects.filter(name="Editorial review").exists()
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr"}
    assert Site.objects.exists()
