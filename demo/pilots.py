"""Demo pilot projects, in English and French. The seed says only that LIAISE 2 "helps [local
authorities] to set up pilot projects in which they apply locally the knowledge gained during
the training sessions": which pilots, where and when are invented, so each is titled
"Example pilot project" and says it is an example."""

from datetime import date

from wagtail.models import Locale

from pilots.models import (
    PilotProjectIndexPage,
    PilotProjectPage,
    PilotProjectPartner,
    PilotProjectPicture,
    PilotStatus,
)

from . import content, french
from .images import place_picture
from .pages import child_page
from .translation import translate_pages

INDEX_INTRO = (
    "LIAISE 2 helps the local authorities partner of the project to set up pilot projects in "
    "which they apply locally the knowledge gained during the training sessions, and develop "
    "innovative practices."
)
EXAMPLE_NOTICE = "This is an example, not a real pilot project of LIAISE 2."
EXAMPLE_CONTACT = "Example contact: the prevention service of the city (no e-mail address here)."


# (English title, French title, partner (content.PARTNERS name), status, start, end,
#  (summary, objectives, activities, results) in English, the same in French)
PILOTS = [
    (
        "Example pilot project – Mentoring young people in Bordeaux",
        "Exemple de projet pilote – Tutorat de jeunes à Bordeaux",
        "Bordeaux",
        PilotStatus.COMPLETED,
        date(2016, 9, 1),
        date(2017, 6, 30),
        (
            "Youth workers trained by LIAISE 2 mentor young people at risk of radicalisation.",
            "Give youth workers the means to recognise early signs of radicalisation.",
            "Training sessions for youth workers, then a year of individual mentoring.",
            "Youth workers of every district trained; the mentoring continues after the pilot.",
        ),
        (
            "Des animateurs formés par LIAISE 2 accompagnent des jeunes exposés au risque de "
            "radicalisation.",
            "Donner aux animateurs les moyens de reconnaître les premiers signes de "
            "radicalisation.",
            "Des sessions de formation pour les animateurs, puis une année de tutorat individuel.",
            "Des animateurs formés dans chaque quartier ; le tutorat continue après le projet "
            "pilote.",
        ),
    ),
    (
        "Example pilot project – A local prevention network in Leuven",
        "Exemple de projet pilote – Un réseau local de prévention à Louvain",
        "Leuven",
        PilotStatus.RUNNING,
        date(2017, 1, 15),
        None,
        (
            "Schools, social services and the police of Leuven meet to prevent radicalisation "
            "together.",
            "Share concerns early, with respect for each profession's rules.",
            "A monthly round table and a shared guide to who does what.",
            "Results will be published when the pilot project ends.",
        ),
        (
            "Écoles, services sociaux et police de Louvain se réunissent pour prévenir "
            "ensemble la radicalisation.",
            "Partager tôt les inquiétudes, dans le respect des règles de chaque métier.",
            "Une table ronde mensuelle et un guide commun de qui fait quoi.",
            "Les résultats seront publiés à la fin du projet pilote.",
        ),
    ),
    (
        "Example pilot project – Counter-narratives with local media in Malmö",
        "Exemple de projet pilote – Contre-discours avec les médias locaux à Malmö",
        "Malmö",
        PilotStatus.PLANNED,
        date(2018, 1, 8),
        None,
        (
            "The city and local media plan campaigns that answer extremist propaganda.",
            "Apply what the Bordeaux seminar taught about communication and counter-narratives.",
            "Workshops with journalists and young people, then a campaign.",
            "Not yet: the pilot project has not started.",
        ),
        (
            "La ville et les médias locaux préparent des campagnes qui répondent à la "
            "propagande extrémiste.",
            "Appliquer ce que le séminaire de Bordeaux a appris sur la communication et les "
            "contre-discours.",
            "Des ateliers avec des journalistes et des jeunes, puis une campagne.",
            "Pas encore : le projet pilote n’a pas commencé.",
        ),
    ),
]

FRENCH = {
    "Pilot projects": "Projets pilotes",
    "pilot-projects": "projets-pilotes",
    INDEX_INTRO: (
        "LIAISE 2 aide les autorités locales partenaires du projet à mettre en place des "
        "projets pilotes dans lesquels elles appliquent localement les connaissances acquises "
        "lors des sessions de formation, et développent des pratiques innovantes."
    ),
    EXAMPLE_NOTICE: "Ceci est un exemple, pas un véritable projet pilote de LIAISE 2.",
    EXAMPLE_CONTACT: (
        "Exemple de contact : le service de prévention de la ville (pas d’adresse e-mail ici)."
    ),
}


def ensure_pilots(home, partners):
    """The pilot index and the example pilots, created when missing, then translated into
    French (after the home page, whose translation is their parent's)."""

    index = child_page(
        home,
        PilotProjectIndexPage,
        "pilot-projects",
        title="Pilot projects",
        intro=INDEX_INTRO,
        show_in_menus=True,
    )
    pilots = [ensure_pilot(index, partners, *facts) for facts in PILOTS]
    translate_pages([index, *pilots], Locale.objects.get(language_code="fr"), texts())
    return index, pilots


def ensure_pilot(index, partners, title, _french_title, name, status, start, end, english, _fr):
    partner = partners[name]
    summary, objectives, activities, results = english
    latitude, longitude = content.PARTNER_COORDINATES[name]
    return child_page(
        index,
        PilotProjectPage,
        content.partner_slug(title),
        title=title,
        summary=summary,
        status=status,
        start_date=start,
        end_date=end,
        city=partner.city,
        country=partner.country,
        latitude=latitude,
        longitude=longitude,
        objectives=paragraphs(objectives, EXAMPLE_NOTICE),
        activities=paragraphs(activities),
        results=paragraphs(results),
        contact=EXAMPLE_CONTACT,
        partner_links=[PilotProjectPartner(partner=partner)],
        pictures=[
            PilotProjectPicture(
                image=place_picture(
                    title,
                    latitude,
                    longitude,
                    alt_text=content.picture_alt_text(partner.city),
                    size=(1200, 900),
                ),
                alt_text=content.picture_alt_text(partner.city),
            )
        ],
    )


def paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def texts():
    """{English segment text: French} of the pilot pages."""
    pairs = dict(FRENCH)
    for title, french_title, name, *_facts, english, in_french in PILOTS:
        pairs[title] = french_title
        pairs[content.partner_slug(title)] = french.french_slug(french_title)
        pairs[name] = french.city(name)
        pairs[content.picture_alt_text(name)] = french.picture_alt_text(name)
        pairs.update(zip(english, in_french, strict=True))
    return {english: french.typeset(text) for english, text in pairs.items()}
