import datetime
import json

import pytest
from wagtail_localize.models import OverridableSegment, SegmentOverride

from tests.factories import (
    DocumentFactory,
    EventIndexPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    SeminarPageFactory,
)

GUIDE_FR = {
    "Resources": "Ressources",
    "resources": "ressources",
    "Guide for local authorities": "Guide pour les autorités locales",
    "guide": "guide-fr",
    "A tool for local authorities.": "Un outil pour les autorités locales.",
}


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def guide(library):
    return ResourcePageFactory(
        parent=library,
        title="Guide for local authorities",
        slug="guide",
        document=DocumentFactory(title="Guide, English edition"),
    )


@pytest.fixture
def french_guide(home, library, guide, translate):
    """The guide translated into French, keeping the English file."""
    translate(home)
    translate(library, GUIDE_FR)
    return translate(guide, GUIDE_FR)


@pytest.fixture
def choose_file(french, django_capture_on_commit_callbacks):
    """choose_file(translation, document): what a translator does under "Synchronised values"
    in wagtail-localize's editor, then publishes."""

    def choose(translation, document):
        segment = OverridableSegment.objects.get(
            source=translation.source, context__path="document"
        )
        SegmentOverride.objects.update_or_create(
            locale=french,
            context=segment.context,
            defaults={"data_json": json.dumps(str(document.pk))},
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return translation.get_target_instance()

    return choose


@pytest.fixture
def bordeaux_seminar(home):
    seminars = EventIndexPageFactory(parent=home)
    return SeminarPageFactory(
        parent=seminars, title="Bordeaux seminar", start_date=datetime.date(2016, 5, 26)
    )
