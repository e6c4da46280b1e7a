from django.utils import translation
from wagtail.search import index


class CountryNameField(index.SearchField):
    """Indexes a django-countries field of a page by the country's name in the page's language,
    so that "Belgique" finds a Belgian partner in French and "Belgium" in English."""

    def get_value(self, page):
        with translation.override(page.locale.language_code):
            return str(getattr(page, self.field_name).name)
