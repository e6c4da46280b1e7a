"""The demo's training sessions, and the seminars' places on the map.

The seed says LIAISE 2 "delivers training sessions to local authorities partner of the project"
but gives neither their dates nor their places: the sessions below are examples, titled so
("Example training session - ..."), held within the project's period (January 2016 to January
2018) by demo partners."""

from datetime import date

from django.utils.text import slugify

from events.models import TrainingSessionPartner

from .french import city, french_slug, typeset

# (latitude, longitude) of each seminar's city (the seed's four seminars).
SEMINAR_COORDINATES = {
    "Bordeaux": (44.838, -0.579),
    "Leuven": (50.880, 4.700),
    "The Hague": (52.070, 4.300),
    "Rimini": (44.060, 12.566),
}

AUDIENCE = "Staff and elected officials of the partner local authorities"
EXAMPLE_SUMMARY = (
    "Example training session: LIAISE 2 trains the staff and elected officials of the partner "
    "local authorities. The dates, place and trainers shown here are illustrative."
)

# (theme, start, end, city, country, (latitude, longitude), hosting partners, trainers)
SESSIONS = [
    (
        "Understanding radicalisation leading to violent extremism",
        date(2016, 3, 15),
        date(2016, 3, 16),
        "Paris",
        "FR",
        (48.857, 2.352),
        ["Efus (European Forum for Urban Security)", "French Forum for Urban Security"],
        [("Efus", "Lead organisation of LIAISE 2")],
    ),
    (
        "Working with young people and families",
        date(2016, 9, 20),
        date(2016, 9, 21),
        "Augsburg",
        "DE",
        (48.371, 10.898),
        ["Augsburg", "German Forum for Urban Security", "Ufuq"],
        [("Ufuq", "Non-governmental organisation working on intercultural dialogue")],
    ),
    (
        "From training to a local pilot project",
        date(2017, 2, 8),
        date(2017, 2, 8),
        "Liège",
        "BE",
        (50.633, 5.567),
        ["Liège", "Belgian Forum for Urban Security"],
        [("Efus", "Lead organisation of LIAISE 2")],
    ),
]

# The French of the texts above.
THEMES = {
    "Understanding radicalisation leading to violent extremism": (
        "Comprendre la radicalisation menant à l’extrémisme violent"
    ),
    "Working with young people and families": "Travailler avec les jeunes et les familles",
    "From training to a local pilot project": "De la formation au projet pilote local",
}
FRENCH = {
    AUDIENCE: "Agents et élus des collectivités locales partenaires",
    EXAMPLE_SUMMARY: (
        "Exemple de session de formation : LIAISE 2 forme les agents et les élus des "
        "collectivités partenaires. Les dates, le lieu et les formateurs indiqués ici sont "
        "donnés à titre d’illustration."
    ),
    "Lead organisation of LIAISE 2": "Organisation chef de file de LIAISE 2",
    "Non-governmental organisation working on intercultural dialogue": (
        "Organisation non gouvernementale qui travaille sur le dialogue interculturel"
    ),
}


def title(theme):
    return f"Example training session – {theme}"


def french_title(theme):
    return f"Exemple de session de formation – {THEMES[theme]}"


def slug(theme):
    return slugify(f"example training {theme}")


def training_sessions(partners):
    """(slug, fields) of each demo training session, for the loader to create under the
    events index; `partners`: the demo partner pages by name, to host them."""
    for theme, start, end, town, country, point, hosts, trainers in SESSIONS:
        yield (
            slug(theme),
            {
                "title": title(theme),
                "start_date": start,
                "end_date": end,
                "city": town,
                "country": country,
                "latitude": point[0],
                "longitude": point[1],
                "audience": AUDIENCE,
                "summary": EXAMPLE_SUMMARY,
                "trainers": [
                    ("trainer", {"name": name, "affiliation": role}) for name, role in trainers
                ],
                "partner_links": [TrainingSessionPartner(partner=partners[host]) for host in hosts],
            },
        )


def french_texts():
    """{English segment text: French} of the training sessions' segments."""
    pairs = {**FRENCH, "Efus": "Efus", "Ufuq": "Ufuq"}
    for theme, _start, _end, town, *_rest in SESSIONS:
        pairs[title(theme)] = french_title(theme)
        pairs[slug(theme)] = french_slug(french_title(theme))
        pairs[town] = city(town)
    return {english: typeset(french) for english, french in pairs.items()}
