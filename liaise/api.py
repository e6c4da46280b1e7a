"""The read-only Wagtail API v2 (/api/v2/): live public pages of every language, images and
documents. Pages can be filtered by type and language (`?type=news.NewsPage&locale=fr`) and
list their translations."""

from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page


class PageTranslationsField(Field):
    """The page's other live public translations: [{id, locale, title, html_url, detail_url}]."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        translations = page.get_translations().live().public().select_related("locale")
        return [self.describe(translation) for translation in translations.order_by("locale")]

    def describe(self, translation):
        return {
            "id": translation.pk,
            "locale": translation.locale.language_code,
            "title": translation.title,
            "html_url": translation.get_full_url(self.context["request"]),
            "detail_url": get_object_detail_url(
                self.context["router"], self.context["request"], Page, translation.pk
            ),
        }


class PageWithTranslationsSerializer(PageSerializer):
    translations = PageTranslationsField(read_only=True)


class PagesWithTranslationsAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PageWithTranslationsSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesWithTranslationsAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
