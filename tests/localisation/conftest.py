import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from editorial.roles import MODERATORS, TRANSLATORS
from tests.factories import StandardPageFactory, UserFactory


@pytest.fixture
def french_home(home, translate):
    translate(home, {"LIAISE 2": "LIAISE 2 en français", home.intro: "Introduction en français."})
    return home.get_translation(Locale.objects.get(language_code="fr"))


@pytest.fixture
def about(home):
    return StandardPageFactory(
        parent=home,
        title="About LIAISE 2",
        slug="about",
        intro="What the project does.",
        show_in_menus=True,
    )


@pytest.fixture
def translator(db):
    return UserFactory(username="translator", groups=[Group.objects.get(name=TRANSLATORS)])


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", groups=[Group.objects.get(name=MODERATORS)])
