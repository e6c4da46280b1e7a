import pytest
from django.conf import settings
from wagtail.models import Locale


@pytest.mark.django_db
def test_every_content_language_has_a_locale_after_migrate():
    codes = set(Locale.objects.values_list("language_code", flat=True))

    assert codes == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
