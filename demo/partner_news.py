"""Demo news linked to the partners they are about: each seminar announcement to the partners
of its seminar, so that the partner pages list their news."""

from news.models import NewsPagePartner


def link_news_to_partners(news, seminars):
    """Give each announcement (and its translations, whose links are synchronised copies) the
    partners of its seminar, when it has none: an editor's choice is kept."""
    for announcement, seminar in zip(news, seminars, strict=True):
        partners = [link.partner for link in seminar.partner_links.all()]
        for page in (announcement, *announcement.get_translations().specific()):
            if not page.partner_links.exists():
                for partner in partners:
                    page.partner_links.add(NewsPagePartner(partner=partner))
                page.save_revision().publish()
