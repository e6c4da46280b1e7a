from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TeamBlock(blocks.StaticBlock):
    """The project's team, in the page's language, where the editor puts it in a body."""

    class Meta:
        icon = "group"
        label = _("Team")
        admin_text = _("The team members (menu Team) of the page's language.")
        template = "blocks/team_block.html"
