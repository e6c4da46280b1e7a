"""Demo content of the contact part: the project's team (the seed names its two contacts and
nothing more about them, so their role says only that), the Contact page and its form, the legal
notice, and the footer's links to them; English here, French in FRENCH for wagtail-localize."""

from wagtail.models import Locale

from contact.models import ContactFormField, ContactPage, TeamMember
from home.models import FooterLinks, StandardPage

from .french import typeset

# The seed: "Juan Cristellys / Emilie Petit", the project's contacts; Efus leads the project.
TEAM = ["Juan Cristellys", "Emilie Petit"]
ROLE = "LIAISE 2 contact"
ORGANISATION = "Efus"

# (label, field type, required, help text)
FORM_FIELDS = [
    ("Name", "singleline", True, ""),
    ("E-mail", "email", True, "We answer at this address; it is not published."),
    ("Organisation", "singleline", False, ""),
    ("Subject", "singleline", True, ""),
    ("Message", "multiline", True, ""),
]
CONTACT_INTRO = (
    "Questions about LIAISE 2, its seminars or its network? Write to the project's team at "
    "Efus with the form below."
)
THANK_YOU = "<p>Thank you for writing to us. The LIAISE 2 team will answer you by e-mail.</p>"
MAIL_SUBJECT = "Message from the LIAISE 2 website"
# An example address: the editor sets the team's real one (Settings of the page, never shown).
DEMO_RECIPIENT = "liaise2-contact@example.org"

TEAM_HEADING = "The LIAISE 2 team"

LEGAL_INTRO = "Who publishes this website."
PUBLISHER = (
    "<p>This website is published by Efus (European Forum for Urban Security), which leads "
    "the LIAISE 2 project.</p>"
)
EU_DISCLAIMER = (
    "<p>Co-funded by the European Union. Views and opinions expressed are however those of the "
    "author(s) only and do not necessarily reflect those of the European Union or the European "
    "Commission. Neither the European Union nor the European Commission can be held "
    "responsible for them.</p>"
)

# The privacy notice's section on the contact form (CONTACT_SUBMISSION_RETENTION_DAYS: 365).
PRIVACY_SECTION = (
    "Messages",
    "<p>When you write to us with the contact form, we keep what you typed in it and your IP "
    "address, which serves only to stop abuse. Your message is e-mailed to the LIAISE 2 team. "
    "Messages are deleted after one year.</p>",
)

FRENCH = {
    ROLE: "Contact LIAISE 2",
    ORGANISATION: "Efus",
    "Contact": "Contact",
    "contact": "contact",
    CONTACT_INTRO: (
        "Des questions sur LIAISE 2, ses séminaires ou son réseau ? Écrivez à l’équipe du "
        "projet à l’Efus avec le formulaire ci-dessous."
    ),
    "Thank you for writing to us. The LIAISE 2 team will answer you by e-mail.": (
        "Merci de nous avoir écrit. L’équipe de LIAISE 2 vous répondra par courriel."
    ),
    MAIL_SUBJECT: "Message depuis le site de LIAISE 2",
    "Name": "Nom",
    "E-mail": "Courriel",
    "We answer at this address; it is not published.": (
        "Nous vous répondons à cette adresse ; elle n’est pas publiée."
    ),
    "Organisation": "Organisation",
    "Subject": "Objet",
    "Message": "Message",
    TEAM_HEADING: "L’équipe de LIAISE 2",
    "Messages": "Messages",
    (
        "When you write to us with the contact form, we keep what you typed in it and your IP "
        "address, which serves only to stop abuse. Your message is e-mailed to the LIAISE 2 "
        "team. Messages are deleted after one year."
    ): (
        "Quand vous nous écrivez avec le formulaire de contact, nous conservons ce que vous y "
        "avez saisi et votre adresse IP, qui sert uniquement à empêcher les abus. Votre message "
        "est envoyé par courriel à l’équipe de LIAISE 2. Les messages sont supprimés au bout "
        "d’un an."
    ),
    "Legal notice": "Mentions légales",
    "legal-notice": "mentions-legales",
    LEGAL_INTRO: "Qui publie ce site.",
    "Publisher": "Éditeur",
    (
        "This website is published by Efus (European Forum for Urban Security), which leads the "
        "LIAISE 2 project."
    ): (
        "Ce site est publié par l’Efus (Forum européen pour la sécurité urbaine), qui pilote le "
        "projet LIAISE 2."
    ),
    "Funding": "Financement",
    (
        "Co-funded by the European Union. Views and opinions expressed are however those of the "
        "author(s) only and do not necessarily reflect those of the European Union or the "
        "European Commission. Neither the European Union nor the European Commission can be held "
        "responsible for them."
    ): (
        "Cofinancé par l’Union européenne. Les points de vue et avis exprimés n’engagent "
        "toutefois que leur(s) auteur(s) et ne reflètent pas nécessairement ceux de l’Union "
        "européenne ou de la Commission européenne. Ni l’Union européenne ni la Commission "
        "européenne ne sauraient en être tenues pour responsables."
    ),
}


def french_texts():
    """FRENCH with French typography (french.typeset), for the loader."""
    return {english: typeset(text) for english, text in FRENCH.items()}


def about_team_blocks():
    """The end of the About page's body: the team, under a heading."""
    return [("heading", {"text": TEAM_HEADING, "level": "h2"}), ("team", None)]


def ensure_team():
    """The English team members, created when missing."""
    return [
        TeamMember.objects.get_or_create(
            name=name,
            locale=Locale.get_default(),
            defaults={"role": ROLE, "organisation": ORGANISATION, "sort_order": order},
        )[0]
        for order, name in enumerate(TEAM)
    ]


def ensure_contact_pages(home, child_page, sections):
    """The Contact page and the legal notice, linked from the footer (Settings → Footer links
    unless an editor chose other pages)."""
    contact = child_page(
        home,
        ContactPage,
        "contact",
        title="Contact",
        intro=CONTACT_INTRO,
        thank_you_text=THANK_YOU,
        to_address=DEMO_RECIPIENT,
        subject=MAIL_SUBJECT,
        form_fields=[
            ContactFormField(label=label, field_type=kind, required=required, help_text=help_text)
            for label, kind, required, help_text in FORM_FIELDS
        ],
        show_in_menus=True,  # in the main menu, after the sections
    )
    legal = child_page(
        home,
        StandardPage,
        "legal-notice",
        title="Legal notice",
        intro=LEGAL_INTRO,
        body=sections([("Publisher", PUBLISHER), ("Funding", EU_DISCLAIMER)]),
        show_in_menus=False,
    )
    links = FooterLinks.load()
    if links.contact_page_id is None or links.legal_notice_page_id is None:
        links.contact_page = links.contact_page or contact
        links.legal_notice_page = links.legal_notice_page or legal
        links.save()
    return [contact, legal]
