from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    affiliation = blocks.CharBlock(required=False, label=_("Role and organisation"))

    class Meta:
        icon = "user"
        label = _("Speaker")


class SessionBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(required=False, label=_("Starts at"))
    end_time = blocks.TimeBlock(required=False, label=_("Ends at"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    speakers = blocks.ListBlock(SpeakerBlock(), default=[], label=_("Speakers"))

    class Meta:
        icon = "time"
        label = _("Session")
        template = "blocks/session_block.html"


class ProgrammeBlock(blocks.StreamBlock):
    day = blocks.DateBlock(label=_("Day"), template="blocks/programme_day_block.html")
    session = SessionBlock()
