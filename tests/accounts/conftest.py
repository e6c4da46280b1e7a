import pytest
from django.contrib.auth.models import Group

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def second_factor_required(settings):
    """On, as in production; the test settings leave it off for the rest of the suite."""
    settings.ADMIN_2FA_REQUIRED = True


def member_of(role, username):
    return UserFactory(username=username, groups=[Group.objects.get(name=role)])


@pytest.fixture
def moderator(db):
    return member_of(MODERATORS, "moderator")


@pytest.fixture
def administrator(db):
    return member_of(ADMINISTRATORS, "administrator")


@pytest.fixture
def editor(db):
    return member_of(EDITORS, "editor")


@pytest.fixture
def translator(db):
    return member_of(TRANSLATORS, "translator")
