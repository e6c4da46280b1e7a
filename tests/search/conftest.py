import datetime

import pytest

from home.views import search_path
from tests.factories import (
    EventIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    SeminarPageFactory,
)


@pytest.fixture
def partners(home):
    return PartnerIndexPageFactory(parent=home)


@pytest.fixture
def seminars(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def bordeaux_partner(partners):
    return PartnerPageFactory(
        parent=partners,
        title="City of Bordeaux",
        city="Bordeaux",
        country="FR",
        summary="The city takes part in the prevention of radicalisation.",
    )


@pytest.fixture
def leuven_partner(partners):
    return PartnerPageFactory(
        parent=partners,
        title="City of Leuven",
        city="Leuven",
        country="BE",
        summary="A university city.",
    )


@pytest.fixture
def bordeaux_seminar(seminars):
    return SeminarPageFactory(
        parent=seminars,
        title="Bordeaux seminar",
        city="Bordeaux",
        country="FR",
        venue="Palais de la Bourse",
        start_date=datetime.date(2016, 5, 26),
        summary="The first seminar of the network, on the prevention of radicalisation.",
    )


@pytest.fixture
def registrations_news(news_index):
    return NewsPageFactory(
        parent=news_index,
        title="Registrations are open",
        intro="Register now for the next meeting of the network.",
    )


@pytest.fixture
def english_site(bordeaux_partner, leuven_partner, bordeaux_seminar, registrations_news):
    """English partners in Bordeaux and Leuven, the Bordeaux seminar and a news item."""


@pytest.fixture
def french_site(
    english_site,
    home,
    partners,
    seminars,
    bordeaux_partner,
    leuven_partner,
    bordeaux_seminar,
    translate,
):
    """The same site in French, but for the news item, which stays English only."""
    translate(home)
    translate(partners, {"Partners": "Partenaires", "partners": "partenaires"})
    translate(seminars, {"Seminars": "Séminaires", "seminars": "seminaires"})
    translate(
        bordeaux_partner,
        {
            "City of Bordeaux": "Ville de Bordeaux",
            bordeaux_partner.summary: "La ville participe à la prévention de la radicalisation.",
        },
    )
    translate(leuven_partner, {"City of Leuven": "Ville de Louvain", "Leuven": "Louvain"})
    translate(
        bordeaux_seminar,
        {
            "Bordeaux seminar": "Séminaire de Bordeaux",
            bordeaux_seminar.summary: (
                "Premier séminaire du réseau, sur la prévention de la radicalisation."
            ),
        },
    )


@pytest.fixture
def search(client):
    """search("fr", "séminaire", page=2): the response of /fr/recherche/?q=séminaire&page=2."""

    def get(language, query, **params):
        return client.get(search_path(language), {"q": query, **params})

    return get
