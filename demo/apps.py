from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content for trying the site (`make run`, `load_demo_content`): the project's facts,
    in English and French, with invented examples marked as such."""

    name = "demo"
    verbose_name = _("Demo content")
