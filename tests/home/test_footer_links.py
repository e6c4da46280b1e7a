import pytest

from discussion.models import CommentSettings
from home.models import FooterLinks
from tests.factories import ContactPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def footer(client, url):
    html = client.get(url).content.decode()
    return html[html.index('class="site-footer__links"') :]


@pytest.fixture
def linked_pages(home, translate):
    """Contact page, privacy notice and legal notice, chosen in the settings, with French
    translations."""
    pages = {
        "contact": ContactPageFactory(parent=home),
        "privacy": StandardPageFactory(parent=home, title="Privacy notice", slug="privacy"),
        "legal": StandardPageFactory(parent=home, title="Legal notice", slug="legal-notice"),
    }
    links = FooterLinks.load()
    links.contact_page, links.legal_notice_page = pages["contact"], pages["legal"]
    links.save()
    comment_settings = CommentSettings.load()
    comment_settings.privacy_page = pages["privacy"]
    comment_settings.save()
    french_slugs = {
        "contact": "nous-ecrire",
        "privacy": "confidentialite",
        "legal-notice": "mentions",
    }
    for page in pages.values():
        translate(page, {page.slug: french_slugs[page.slug]})
    return pages


def test_footer_links_the_lead_organisation_contact_privacy_and_legal_notice(
    client, home, linked_pages
):
    links = footer(client, home.url)

    assert 'href="https://efus.eu/"' in links
    assert '<a href="/en/contact/">Contact</a>' in links
    assert '<a href="/en/privacy/">Privacy notice</a>' in links
    assert '<a href="/en/legal-notice/">Legal notice</a>' in links


def test_french_footer_links_the_french_pages(client, home, linked_pages, french):
    french_home = home.get_translation(french)

    links = footer(client, french_home.url)

    assert '<a href="/fr/nous-ecrire/">Contact</a>' in links
    assert '<a href="/fr/confidentialite/">Politique de confidentialité</a>' in links
    assert '<a href="/fr/mentions/">Mentions légales</a>' in links


def test_footer_leaves_out_the_links_no_page_was_chosen_for(client, home):
    links = footer(client, home.url)

    assert 'href="https://efus.eu/"' in links
    assert "Legal notice" not in links
    assert ">Contact<" not in links
