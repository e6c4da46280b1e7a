"""What a partner page lists besides its profile: the apps whose pages name partners (events,
pilot projects, news) add their sections through the Wagtail hook PARTNER_SECTIONS_HOOK, each a
function (partner) -> PartnerSection, so that network, below them, never names them."""

from dataclasses import dataclass

from wagtail import hooks

PARTNER_SECTIONS_HOOK = "partner_page_sections"


@dataclass(frozen=True)
class PartnerSection:
    """A list on a partner page: its heading, its section's id, its pages, and the template
    (given `section`) that shows them."""

    heading: str
    section_id: str
    pages: object
    template: str


def partner_sections(partner):
    """The sections that list something, in the hooks' order."""
    sections = (section_of(partner) for section_of in hooks.get_hooks(PARTNER_SECTIONS_HOOK))
    return [section for section in sections if section.pages]
