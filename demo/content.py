"""Facts of the LIAISE 2 project page, copied once from the project's seed text, and the English
sentences the demo pages build from them (their French is in `french.py`).

Place names follow English usage where the seed used French ones (seed: "Bruxelles",
"La Haye", "Louvain", "Setubal"); everything else is as the seed gives it.
"""

import functools
from dataclasses import dataclass
from datetime import date

from django.utils.text import capfirst, slugify

from network.models import PartnerKind

# (name, kind, ISO country code or "" for Europe-wide, city, associate?)
PARTNERS = [
    ("Efus (European Forum for Urban Security)", PartnerKind.LEAD, "FR", "Paris", False),
    ("Alexandroupoli", PartnerKind.CITY, "GR", "Alexandroupoli", False),
    ("Augsburg", PartnerKind.CITY, "DE", "Augsburg", False),
    ("Bagneux", PartnerKind.CITY, "FR", "Bagneux", False),
    ("Barcelona", PartnerKind.CITY, "ES", "Barcelona", True),
    ("Bologna", PartnerKind.CITY, "IT", "Bologna", False),
    ("Bordeaux", PartnerKind.CITY, "FR", "Bordeaux", False),
    ("Brno", PartnerKind.CITY, "CZ", "Brno", True),
    ("Brussels", PartnerKind.CITY, "BE", "Brussels", False),
    ("Charleroi", PartnerKind.CITY, "BE", "Charleroi", False),
    ("Düsseldorf", PartnerKind.CITY, "DE", "Düsseldorf", False),
    ("Essen", PartnerKind.CITY, "DE", "Essen", False),
    ("The Hague", PartnerKind.CITY, "NL", "The Hague", False),
    ("L’Hospitalet de Llobregat", PartnerKind.CITY, "ES", "L’Hospitalet de Llobregat", False),
    ("Liège", PartnerKind.CITY, "BE", "Liège", False),
    ("Leuven", PartnerKind.CITY, "BE", "Leuven", False),
    ("Malmö", PartnerKind.CITY, "SE", "Malmö", False),
    ("Montreuil", PartnerKind.CITY, "FR", "Montreuil", True),
    ("Paris", PartnerKind.CITY, "FR", "Paris", False),
    ("Reggio Emilia", PartnerKind.CITY, "IT", "Reggio Emilia", False),
    ("Rotterdam", PartnerKind.CITY, "NL", "Rotterdam", True),
    ("Sarcelles", PartnerKind.CITY, "FR", "Sarcelles", False),
    ("Setúbal", PartnerKind.CITY, "PT", "Setúbal", False),
    ("Toulouse", PartnerKind.CITY, "FR", "Toulouse", False),
    ("Protection of the Constitution of Bremen", PartnerKind.REGION, "DE", "Bremen", True),
    ("State of Bavaria", PartnerKind.REGION, "DE", "", True),
    ("Generalitat of Catalonia", PartnerKind.REGION, "ES", "", False),
    ("Departmental Council of Val d’Oise", PartnerKind.REGION, "FR", "", False),
    ("Belgian Forum for Urban Security", PartnerKind.NATIONAL_FORUM, "BE", "", False),
    ("French Forum for Urban Security", PartnerKind.NATIONAL_FORUM, "FR", "", False),
    ("German Forum for Urban Security", PartnerKind.NATIONAL_FORUM, "DE", "", False),
    ("Italian Forum for Urban Security", PartnerKind.NATIONAL_FORUM, "IT", "", False),
    ("Ufuq", PartnerKind.NGO, "DE", "", False),
    ("Culture Interactive e.V.", PartnerKind.NGO, "DE", "", True),
    ("Confederation of European Probation (CEP)", PartnerKind.NGO, "", "", False),
]

# (latitude, longitude) of each partner's city, or of its seat when the seed gives no city
# (regions: their capital; forums and NGOs: their office), rounded to the city centre.
PARTNER_COORDINATES = {
    "Efus (European Forum for Urban Security)": (48.857, 2.352),
    "Alexandroupoli": (40.847, 25.874),
    "Augsburg": (48.371, 10.898),
    "Bagneux": (48.796, 2.308),
    "Barcelona": (41.387, 2.170),
    "Bologna": (44.494, 11.343),
    "Bordeaux": (44.838, -0.579),
    "Brno": (49.195, 16.608),
    "Brussels": (50.847, 4.357),
    "Charleroi": (50.411, 4.444),
    "Düsseldorf": (51.228, 6.773),
    "Essen": (51.456, 7.012),
    "The Hague": (52.070, 4.300),
    "L’Hospitalet de Llobregat": (41.360, 2.100),
    "Liège": (50.633, 5.567),
    "Leuven": (50.880, 4.700),
    "Malmö": (55.605, 13.004),
    "Montreuil": (48.864, 2.448),
    "Paris": (48.857, 2.352),
    "Reggio Emilia": (44.698, 10.631),
    "Rotterdam": (51.924, 4.478),
    "Sarcelles": (48.997, 2.381),
    "Setúbal": (38.524, -8.889),
    "Toulouse": (43.605, 1.444),
    "Protection of the Constitution of Bremen": (53.079, 8.802),
    "State of Bavaria": (48.137, 11.575),  # Munich
    "Generalitat of Catalonia": (41.387, 2.170),  # Barcelona
    "Departmental Council of Val d’Oise": (49.036, 2.063),  # Cergy
    "Belgian Forum for Urban Security": (50.847, 4.357),  # Brussels
    "French Forum for Urban Security": (48.857, 2.352),  # Paris
    "German Forum for Urban Security": (52.375, 9.732),  # Hanover
    "Italian Forum for Urban Security": (44.494, 11.343),  # Bologna
    "Ufuq": (52.520, 13.405),  # Berlin
    "Culture Interactive e.V.": (52.520, 13.405),  # Berlin
    "Confederation of European Probation (CEP)": (52.091, 5.122),  # Utrecht
}

# Partners the seed says more about than the facts above, in its own words.
PARTNER_SUMMARIES = {
    "Efus (European Forum for Urban Security)": (
        "Efus leads LIAISE 2. With the Congress of Local and Regional Authorities of the "
        "Council of Europe, it initiated the alliance of European cities against violent "
        "extremism."
    ),
    "Ufuq": (
        "German non-governmental organisation working on intercultural dialogue, which "
        "already worked with Efus on the training programme of the first LIAISE project."
    ),
    "Culture Interactive e.V.": (
        "A German non-governmental organisation, Culture Interactive e.V. is one of the three "
        "thematic NGOs of LIAISE 2 and takes part as an associate partner."
    ),
    "Confederation of European Probation (CEP)": (
        "One of the three thematic non-governmental organisations of LIAISE 2, the "
        "Confederation of European Probation brings in its knowledge of probation, which the "
        "seminar in The Hague addressed in March 2017."
    ),
}

COUNTRIES = {
    "BE": "Belgium",
    "CZ": "the Czech Republic",
    "DE": "Germany",
    "ES": "Spain",
    "FR": "France",
    "GR": "Greece",
    "IT": "Italy",
    "NL": "the Netherlands",
    "PT": "Portugal",
    "SE": "Sweden",
}

# News topics, by slug (the news index's ?tag=…); every seminar announcement has "seminar".
TOPICS = {
    "seminar": "Seminar",
    "communication": "Communication",
    "counter-narratives": "Counter-narratives",
    "evaluation": "Evaluation",
    "probation": "Probation",
    "prison": "Prison",
    "polarisation": "Polarisation",
}
ANNOUNCEMENT_TOPIC = "seminar"

# (title, start, end, city, country, topic slugs)
SEMINARS = [
    (
        "European cities facing radicalisation: communication and counter-narratives",
        date(2016, 5, 26),
        date(2016, 5, 27),
        "Bordeaux",
        "FR",
        ["communication", "counter-narratives"],
    ),
    (
        "How to assess the impact of preventive actions against radicalisation?",
        date(2016, 10, 11),
        date(2016, 10, 12),
        "Leuven",
        "BE",
        ["evaluation"],
    ),
    (
        "Prevention of radicalisation in the context of probation and prison",
        date(2017, 3, 29),
        date(2017, 3, 29),
        "The Hague",
        "NL",
        ["probation", "prison"],
    ),
    (
        "The rise of polarisation and radicalisation in Europe",
        date(2017, 5, 19),
        date(2017, 5, 19),
        "Rimini",
        "IT",
        ["polarisation"],
    ),
]

# What each seminar addressed, in the words of its title.
SEMINAR_SUBJECTS = {
    SEMINARS[0][0]: (
        "how European cities communicate about radicalisation and answer extremist propaganda "
        "with counter-narratives"
    ),
    SEMINARS[1][0]: (
        "how local authorities can assess the impact of their actions to prevent radicalisation"
    ),
    SEMINARS[2][0]: "preventing radicalisation among people on probation and in prison",
    SEMINARS[3][0]: (
        "the rise of polarisation in European societies and its links with radicalisation"
    ),
}

# The directory's introduction: the network as the project counts it, and why the directory,
# which lists every organisation the seed names, counts more.
DIRECTORY_INTRO = (
    "Led by Efus, LIAISE 2 counts 29 partner organisations in 10 countries: 18 cities, three "
    "regions, four national forums for urban security and three non-governmental "
    "organisations. The directory shows every organisation on the project's published list: "
    "34 besides Efus, associate partners included."
)

HOME_INTRO = (
    "Co-funded by the European Union, the project “Local Institutions Against Violent "
    "Extremism II” (LIAISE 2) seeks to strengthen the capacities of local and regional "
    "European authorities to prevent and tackle the issue of radicalisation leading to "
    "violent extremism."
)

ABOUT_INTRO = (
    "LIAISE 2 gathers European cities and regions and develops cooperation throughout Europe "
    "within a dedicated network."
)

ABOUT_PARAGRAPHS = [
    (
        "The aim of the project",
        "<p>Co-funded by the European Union, the project “Local Institutions Against Violent "
        "Extremism II” (LIAISE 2) seeks to strengthen the capacities of local and regional "
        "European authorities to prevent and tackle the issue of radicalisation leading to "
        "violent extremism.</p>"
        "<p>LIAISE 2 gathers European cities and regions and develops cooperation throughout "
        "Europe within a dedicated network. This approach is in line with the alliance of "
        "European cities against violent extremism that was initiated jointly by Efus and the "
        "Congress of Local and Regional Authorities of the Council of Europe.</p>",
    ),
    (
        "The network",
        "<p>Led by Efus, LIAISE 2 gathers 29 partner organisations in 10 countries, 18 cities "
        "and three regions, as well as four national Forums for urban security and three "
        "thematic non-governmental organisations. Some of them take part as associate "
        "partners.</p>",
    ),
    (
        "What LIAISE 2 does",
        "<p>LIAISE 2 delivers training sessions to local authorities partner of the project "
        "and helps them to set up pilot projects in which they apply locally the knowledge "
        "gained during the training sessions as well as develop innovative practices. It "
        "will also organise five European conferences on different aspects of the issue of "
        "radicalisation.</p>",
    ),
    (
        "Building on LIAISE",
        "<p>LIAISE 2 builds on the results of the first LIAISE project, which was also "
        "co-funded by the EU. Initiated in 2014 by Efus with a group of nine cities from five "
        "European countries, LIAISE is working on a training programme and a guide for local "
        "authorities with the Institute for Strategic Dialogue, a UK-based think tank "
        "specialised on extremism, and the German non-governmental organisation Ufuq, which "
        "works on intercultural dialogue.</p>"
        "<p>A logical continuation of LIAISE, LIAISE 2 uses the tools created through the "
        "first project and disseminates them to a larger number of cities.</p>",
    ),
    (
        "Duration",
        "<p>January 2016 – January 2018.</p>",
    ),
]


# -- English sentences and slugs built from the facts --------------------------------------------


def partner_slug(name):
    return slugify(name)


def seminar_slug(city, start):
    return slugify(f"{city} {start.year}")


def news_slug(city, start):
    return slugify(f"seminar {city} {start.year}")


def partner_title(name, kind):
    """Cities are titled "City of …" so the title has a French of its own ("Ville de …")."""
    return f"City of {name}" if kind == PartnerKind.CITY else name


@dataclass(frozen=True)
class PartnerStory:
    """Which of the seed's facts a partner's description tells: chosen once for both languages,
    so that the French says what the English says."""

    style: str
    kind: str
    country: str
    city: str
    is_associate: bool
    others: int  # partner organisations from the same country, itself not counted
    forum: str  # the national forum of that country, or ""
    cities: tuple  # the partner cities of that country, itself not counted
    fellow_forums: tuple  # for a national forum, the other three
    seminar: tuple | None  # (title, start) of the seminar its city hosted


# Descriptions without a fact of their own take these in turn, so neighbours read differently.
STYLES_IN_TURN = ("compatriots", "forum", "training", "cities")


def applies(style, forum, cities, is_associate):
    """Whether the seed has the facts this style of sentence tells."""
    return {
        "compatriots": True,
        "forum": bool(forum),
        "training": not is_associate,
        "cities": 0 < len(cities) <= 3,
    }[style]


@functools.cache
def partner_stories():
    """{partner name: PartnerStory}, in the order of PARTNERS."""
    stories, turn = {}, 0
    forums = [row[0] for row in PARTNERS if row[1] == PartnerKind.NATIONAL_FORUM]
    for name, kind, country, city, is_associate in PARTNERS:
        compatriots = [row for row in PARTNERS if country and row[2] == country and row[0] != name]
        forum = next((row[0] for row in compatriots if row[1] == PartnerKind.NATIONAL_FORUM), "")
        cities = tuple(row[3] for row in compatriots if row[1] == PartnerKind.CITY)
        seminar = next((row[:2] for row in SEMINARS if row[3] == city), None)
        if name in PARTNER_SUMMARIES:
            style = "own"
        elif kind == PartnerKind.NATIONAL_FORUM:
            style = "forums"
        elif not compatriots:
            style = "only"
        elif kind == PartnerKind.CITY and seminar:
            style = "host"
        else:
            style = next(
                style
                for style in STYLES_IN_TURN[turn:] + STYLES_IN_TURN[:turn]
                if applies(style, forum, cities, is_associate)
            )
            turn = (STYLES_IN_TURN.index(style) + 1) % len(STYLES_IN_TURN)
        stories[name] = PartnerStory(
            style=style,
            kind=kind,
            country=country,
            city=city,
            is_associate=is_associate,
            others=len(compatriots),
            forum=forum,
            cities=cities,
            fellow_forums=tuple(other for other in forums if other != name),
            seminar=seminar,
        )
    return stories


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def partner_summary(name):
    """One or two sentences on what the seed says of this partner (see `partner_stories`)."""
    if name in PARTNER_SUMMARIES:
        return PARTNER_SUMMARIES[name]
    story = partner_stories()[name]
    subject = f"the city of {story.city}" if story.kind == PartnerKind.CITY else f"the {name}"
    role = "an associate partner" if story.is_associate else "a partner"
    country = COUNTRIES.get(story.country, "")
    match story.style:
        case "forums":
            fellows = list_words([forum.split()[0] for forum in story.fellow_forums])
            return (
                f"{capfirst(subject)} is one of the four national Forums for urban security in "
                f"LIAISE 2, with the {fellows} ones."
            )
        case "only":
            return f"{capfirst(subject)} is {role} of LIAISE 2 and its only member in {country}."
        case "host":
            title, start = story.seminar
            return (
                f"{capfirst(subject)} is {role} of LIAISE 2 and hosted its European seminar "
                f"“{title}” in {start:%B %Y}."
            )
        case "forum":
            if story.others == 1:
                return f"{capfirst(subject)} is {role} of LIAISE 2, as is the {story.forum}."
            return (
                f"{capfirst(subject)} is {role} of LIAISE 2, as are the {story.forum} and "
                f"{other_organisations(story.others - 1)} from {country}."
            )
        case "cities":
            cities = list_words(story.cities)
            those = "the cities of" if len(story.cities) > 1 else "the city of"
            verb = "are" if len(story.cities) > 1 else "is"
            return (
                f"{capfirst(subject)} is {role} of LIAISE 2, as {verb} {those} {cities} in "
                f"{country}."
            )
        case "training":
            return (
                f"As {role} of LIAISE 2, {subject} ({country.removeprefix('the ')}) is one of the "
                f"local and regional authorities that the project trains and helps to set up "
                f"pilot projects."
            )
    return (
        f"{capfirst(subject)} takes part in LIAISE 2 as {role}, alongside "
        f"{other_organisations(story.others)} from {country}."
    )


def list_words(words, conjunction="and"):
    """ "A", "A and B", "A, B and C"."""
    return f" {conjunction} ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def other_organisations(count):
    return f"{NUMBERS[count]} other organisation{'s' if count > 1 else ''}"


ORDINALS = ("first", "second", "third", "fourth", "fifth")


def seminar_number(title):
    """0 for the first seminar of the seed's list (which is in date order), 1 for the next…"""
    return [row[0] for row in SEMINARS].index(title)


def seminar_host(city):
    """The partner city that hosted the seminar held in `city`, or "" (Rimini is not one)."""
    return city if any(row[1] == PartnerKind.CITY and row[3] == city for row in PARTNERS) else ""


def seminar_summary(title, city):
    country = COUNTRIES[SEMINARS[seminar_number(title)][4]].removeprefix("the ")
    return (
        f"The {ORDINALS[seminar_number(title)]} European seminar of LIAISE 2, in {city} "
        f"({country}), addressed {SEMINAR_SUBJECTS[title]}."
    )


def news_title(seminar_title, city):
    return f"Seminar in {city}: {seminar_title}"


def news_intro(seminar_title, city, start, end):
    return (
        f"The next LIAISE 2 European seminar, “{seminar_title}”, takes place in "
        f"{city} on {format_dates(start, end)}."
    )


def seminar_announcement(seminar_title, city, start, end, link):
    """The news body, which says what the intro does not; `link` is the opening tag of the
    link to the seminar page."""
    number = ORDINALS[seminar_number(seminar_title)]
    if seminar_host(city):
        opening = f"The city of {city}, a partner of LIAISE 2, hosts the {number}"
    else:
        opening = f"This is the {number}"
    organiser = "the project" if seminar_host(city) else "LIAISE 2"
    return (
        f"{opening} of the five European conferences that {organiser} organises on different "
        f"aspects of radicalisation. It will address {SEMINAR_SUBJECTS[seminar_title]}. "
        f"{link}Read more about the seminar</a>."
    )


def picture_alt_text(city):
    return f"Illustration: {city}"


def format_dates(start, end):
    if start == end:
        return f"{start:%-d %B %Y}"
    return f"{start:%-d}–{end:%-d %B %Y}"


# What the site itself does with visitors' data (comment form); not a fact of the seed.
PRIVACY_INTRO = "What this website does with the personal data you give it."
PRIVACY_PARAGRAPHS = [
    (
        "Comments",
        "<p>When you comment, we keep your name, e-mail address, optional website, your "
        "comment, your IP address and your browser's description. Your e-mail address and IP "
        "address are never published. They help moderators fight spam and let us tell you "
        "when your comment is published or, if you ask for it, when someone replies.</p>"
        "<p>IP addresses and browser descriptions are erased after 90 days. A comment in the "
        "trash is deleted after 30 days.</p>",
    ),
    (
        "Your choices",
        "<p>“Save my name, e-mail and website in this browser” keeps them in a cookie on your "
        "device for one year; leave it unticked and nothing is stored. You can ask us for a "
        "copy of everything we hold about your e-mail address, or to erase it: your comments "
        "then appear as written by “Anonymous”.</p>",
    ),
]
