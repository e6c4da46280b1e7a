import time

import pytest
from django.contrib.auth.models import Group
from django.core import signing

from discussion.forms import TIMESTAMP_SALT
from editorial.roles import EDITORS, MODERATORS
from tests.factories import NewsIndexPageFactory, NewsPageFactory, UserFactory
from tests.smtp_server import SmtpServer


@pytest.fixture
def news(home):
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Seminar in Bordeaux")


def form_time(page, seconds_ago=20):
    return signing.dumps({"page": page.pk, "time": time.time() - seconds_ago}, salt=TIMESTAMP_SALT)


@pytest.fixture
def comment_data(news):
    """A valid comment as a person fills the form in, 20 seconds after opening the page."""

    def data(page=news, seconds_ago=20, **fields):
        return {
            "name": "Ana Lopes",
            "email": "ana@example.net",
            "website": "",
            "text": "Very useful seminar, thank you.",
            "form_time": form_time(page, seconds_ago),
            "homepage": "",
            **fields,
        }

    return data


@pytest.fixture
def moderator(db):
    """A member of Moderators, the group that moderates visitor comments."""
    return UserFactory(
        username="moderator", email="mod@example.org", groups=[Group.objects.get(name=MODERATORS)]
    )


@pytest.fixture
def editor(db):
    """A member of Editors: in the admin, but not allowed to moderate comments."""
    return UserFactory(username="editor", groups=[Group.objects.get(name=EDITORS)])


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def smtp_server(settings):
    """A running SMTP server, the one the mail queue delivers to."""
    server = SmtpServer()
    server.start()
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    yield server
    server.stop()
