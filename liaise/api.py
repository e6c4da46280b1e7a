"""The read-only Wagtail API v2 (/api/v2/): live public pages of every language, images and
documents. Pages can be filtered by type and language (`?type=news.NewsPage&locale=fr`) and
list their translations. Bad parameters answer 400, searches bounded like the site's."""

from rest_framework.fields import Field
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from search.limits import query_too_long

SEARCH_OPERATORS = ("and", "or")


class CheckedParametersMixin:
    """For an API endpoint: parameters that Wagtail would pass on unchecked, to a server error,
    answer 400 with the reason: a search too long for the backend, a search operator it does
    not know, a non-numeric id to find."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        if refusal := query_too_long(self.request.GET.get("search", "")):
            raise BadRequestError(refusal)
        if self.request.GET.get("search_operator", "and").lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def find_object(self, queryset, request):
        if not request.GET.get("id", "0").isdecimal():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


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


class PagesWithTranslationsAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    base_serializer_class = PageWithTranslationsSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]


class CheckedImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pass


class CheckedDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesWithTranslationsAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
api_router.register_endpoint("documents", CheckedDocumentsAPIViewSet)
