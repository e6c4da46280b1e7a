"""The link from a page to the partners it names, which network owns."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class PartnerLink(Orderable):
    """A partner a page names (a seminar's, a pilot project's, a news item's), synchronised into
    translations rather than translated; subclasses add the `page` ParentalKey (related name
    `partner_links`). Listed from the page's side only (core.querysets.PartnerLinkedQuerySet)."""

    partner = models.ForeignKey(
        "network.PartnerPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("partner"),
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        abstract = True
