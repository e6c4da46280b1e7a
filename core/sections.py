from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from .pages import OwnSectionMixin, SitePage
from .search_fields import PassageField


class SectionIndexPage(OwnSectionMixin, SitePage):
    """A site section's landing page (partners, seminars, news): one per home page."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]
    search_fields = [*Page.search_fields, PassageField("intro")]

    # Under a home page: home/models.py says so, as the top of the site.
    max_count_per_parent = 1

    class Meta:
        abstract = True
