from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TRAINING_PROGRAMME = "training_programme", _("Training programme")
    REPORT = "report", _("Report")
    PROCEEDINGS = "proceedings", _("Seminar proceedings")
    PRESENTATION = "presentation", _("Presentation")
