import time

import pytest
from django.core import signing

from discussion.forms import TIMESTAMP_SALT
from tests.factories import NewsIndexPageFactory, NewsPageFactory


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
