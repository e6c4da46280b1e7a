"""What a partner page lists, read from its context (network.related)."""


def listed_on_partner_page(response, section_id):
    """The pages of the partner page's section `section_id` (empty when the page has none)."""
    sections = {section.section_id: section for section in response.context["related_sections"]}
    return list(sections[section_id].pages) if section_id in sections else []
