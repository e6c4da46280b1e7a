import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from editorial.roles import MODERATORS, TRANSLATORS
from tests.factories import StandardPageFactory, UserFactory


@pytest.fixture
def french(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def translate(french, django_capture_on_commit_callbacks):
    """Translate a page into French through wagtail-localize and publish it.

    `strings` maps English segment text to French; other segments fall back to English."""

    def translate_page(page, strings=None, publish=True):
        source, _ = TranslationSource.get_or_create_from_instance(page)
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=french)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            if segment.string.data in (strings or {}):
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=french,
                    context=segment.context,
                    defaults={"data": strings[segment.string.data]},
                )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=publish)
        return translation

    return translate_page


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
