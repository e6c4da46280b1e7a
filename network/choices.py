from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    LEAD = "lead", _("Lead organisation")
    CITY = "city", _("City")
    REGION = "region", _("Region")
    NATIONAL_FORUM = "national_forum", _("National forum for urban security")
    NGO = "ngo", _("Non-governmental organisation")
