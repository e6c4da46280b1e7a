"""The French of the demo pages, for wagtail-localize.

`texts()` maps the text of every translatable segment of the demo pages, exactly as
wagtail-localize stores it (rich text links become `<a id="a1">…</a>`), to its French. Fixed
texts are written out below; sentences built from the seed facts are built in French the same
way as in English (see the end of `content.py`).

Slugs are segments too. French slug rule: the slug of a page is the slugified French of what
its English slug is made from: `partenaires`, `seminaires`, `actualites`, `a-propos`; a partner's
French name (a city's French name for cities, as English slugs use the city name): `bruxelles`,
`la-haye`, `forum-francais-pour-la-securite-urbaine`; `<ville>-<year>` for seminars and
`seminaire-<ville>-<year>` for news. Apostrophes separate words (`reggio-d-emilie`).

Write French with ordinary spaces before : ; ? ! and inside « »; `typeset()` makes them
non-breaking.
"""

import functools
from datetime import timedelta

from django.utils import formats, translation
from django.utils.text import capfirst, slugify

from network.models import PartnerKind

from . import content

NBSP = "\u00a0"  # before a colon and inside guillemets
NARROW_NBSP = "\u202f"  # before ; ? !

# City names whose French differs from the English; other cities keep their name.
CITIES = {
    "Alexandroupoli": "Alexandroupolis",
    "Augsburg": "Augsbourg",
    "Barcelona": "Barcelone",
    "Bologna": "Bologne",
    "Bremen": "Brême",
    "Brussels": "Bruxelles",
    "Leuven": "Louvain",
    "Reggio Emilia": "Reggio d’Émilie",
    "The Hague": "La Haye",
}

# Partners other than cities: (French name, French name with its article).
ORGANISATIONS = {
    "Efus (European Forum for Urban Security)": (
        "Efus (Forum européen pour la sécurité urbaine)",
        "l’Efus (Forum européen pour la sécurité urbaine)",
    ),
    "Protection of the Constitution of Bremen": (
        "Office de protection de la Constitution de Brême",
        "l’Office de protection de la Constitution de Brême",
    ),
    "State of Bavaria": ("État libre de Bavière", "l’État libre de Bavière"),
    "Generalitat of Catalonia": ("Generalitat de Catalogne", "la Generalitat de Catalogne"),
    "Departmental Council of Val d’Oise": (
        "Conseil départemental du Val-d’Oise",
        "le Conseil départemental du Val-d’Oise",
    ),
    "Belgian Forum for Urban Security": (
        "Forum belge pour la prévention et la sécurité urbaine",
        "le Forum belge pour la prévention et la sécurité urbaine",
    ),
    "French Forum for Urban Security": (
        "Forum français pour la sécurité urbaine",
        "le Forum français pour la sécurité urbaine",
    ),
    "German Forum for Urban Security": (
        "Forum allemand pour la sécurité urbaine",
        "le Forum allemand pour la sécurité urbaine",
    ),
    "Italian Forum for Urban Security": (
        "Forum italien pour la sécurité urbaine",
        "le Forum italien pour la sécurité urbaine",
    ),
    "Ufuq": ("Ufuq", "l’association Ufuq"),
    "Culture Interactive e.V.": (
        "Culture Interactive e.V.",
        "l’association allemande Culture Interactive e.V.",
    ),
    "Confederation of European Probation (CEP)": (
        "Confédération européenne de la probation (CEP)",
        "la Confédération européenne de la probation (CEP)",
    ),
}

PARTNER_SUMMARIES = {
    "Efus (European Forum for Urban Security)": (
        "L’Efus pilote LIAISE 2. Avec le Congrès des pouvoirs locaux et régionaux du Conseil "
        "de l’Europe, il a lancé l’alliance des villes européennes contre l’extrémisme violent."
    ),
    "Ufuq": (
        "Organisation non gouvernementale allemande spécialisée dans le dialogue interculturel, "
        "qui a déjà travaillé avec l’Efus sur le programme de formation du premier projet "
        "LIAISE."
    ),
    "Culture Interactive e.V.": (
        "Organisation non gouvernementale allemande, Culture Interactive e.V. est l’une des "
        "trois ONG thématiques de LIAISE 2, avec le statut de partenaire associé."
    ),
    "Confederation of European Probation (CEP)": (
        "L’une des trois organisations non gouvernementales thématiques de LIAISE 2, la "
        "Confédération européenne de la probation apporte au réseau sa connaissance de la "
        "probation, à laquelle s’est intéressé le séminaire de La Haye en mars 2017."
    ),
}

# (in the country, from the country, the country) for every country of the network.
COUNTRIES = {
    "BE": ("en Belgique", "de Belgique", "Belgique"),
    "CZ": ("en République tchèque", "de République tchèque", "République tchèque"),
    "DE": ("en Allemagne", "d’Allemagne", "Allemagne"),
    "ES": ("en Espagne", "d’Espagne", "Espagne"),
    "FR": ("en France", "de France", "France"),
    "GR": ("en Grèce", "de Grèce", "Grèce"),
    "IT": ("en Italie", "d’Italie", "Italie"),
    "NL": ("aux Pays-Bas", "des Pays-Bas", "Pays-Bas"),
    "PT": ("au Portugal", "du Portugal", "Portugal"),
    "SE": ("en Suède", "de Suède", "Suède"),
}

FORUM_ADJECTIVES = {
    "Belgian": "belge",
    "French": "français",
    "German": "allemand",
    "Italian": "italien",
}

NUMBERS = ("aucune", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")

SEMINAR_TITLES = {
    "European cities facing radicalisation: communication and counter-narratives": (
        "Les villes européennes face à la radicalisation : communication et contre-discours"
    ),
    "How to assess the impact of preventive actions against radicalisation?": (
        "Comment évaluer l’impact des actions de prévention de la radicalisation ?"
    ),
    "Prevention of radicalisation in the context of probation and prison": (
        "La prévention de la radicalisation en milieu pénitentiaire et dans le cadre de la "
        "probation"
    ),
    "The rise of polarisation and radicalisation in Europe": (
        "La montée de la polarisation et de la radicalisation en Europe"
    ),
}

SEMINAR_SUBJECTS = {
    content.SEMINARS[0][0]: (
        "la manière dont les villes européennes communiquent sur la radicalisation et répondent "
        "à la propagande extrémiste par des contre-discours"
    ),
    content.SEMINARS[1][0]: (
        "la manière dont les autorités locales peuvent évaluer l’impact de leurs actions de "
        "prévention de la radicalisation"
    ),
    content.SEMINARS[2][0]: (
        "la prévention de la radicalisation auprès des personnes en probation et en détention"
    ),
    content.SEMINARS[3][0]: (
        "la montée de la polarisation dans les sociétés européennes et ses liens avec la "
        "radicalisation"
    ),
}

ORDINALS = ("premier", "deuxième", "troisième", "quatrième", "cinquième")
ORDINALS_FEMININE = ("première", "deuxième", "troisième", "quatrième", "cinquième")

HOME = {
    "LIAISE 2": "LIAISE 2",
    # Wagtail's own suffix for a translation of a page placed at the root of the tree.
    "liaise-2": "liaise-2-fr",
    "LIAISE 2 – Local Institutions Against Violent Extremism II": (
        "LIAISE 2 – Institutions locales contre l’extrémisme violent II"
    ),
    content.HOME_INTRO: (
        "Cofinancé par l’Union européenne, le projet « Institutions locales contre "
        "l’extrémisme violent II » (LIAISE 2) vise à renforcer les capacités des autorités "
        "locales et régionales européennes à prévenir et à combattre la radicalisation menant à "
        "l’extrémisme violent."
    ),
    "Co-funded by the European Union": "Cofinancé par l’Union européenne",
}

ABOUT = {
    "About LIAISE 2": "À propos de LIAISE 2",
    "about": "a-propos",
    content.ABOUT_INTRO: (
        "LIAISE 2 rassemble des villes et des régions européennes et développe la coopération "
        "à l’échelle de l’Europe au sein d’un réseau dédié."
    ),
    "The aim of the project": "L’objectif du projet",
    (
        "LIAISE 2 gathers European cities and regions and develops cooperation throughout "
        "Europe within a dedicated network. This approach is in line with the alliance of "
        "European cities against violent extremism that was initiated jointly by Efus and the "
        "Congress of Local and Regional Authorities of the Council of Europe."
    ): (
        "LIAISE 2 rassemble des villes et des régions européennes et développe la coopération "
        "à l’échelle de l’Europe au sein d’un réseau dédié. Cette démarche s’inscrit dans le "
        "prolongement de l’alliance des villes européennes contre l’extrémisme violent, lancée "
        "conjointement par l’Efus et le Congrès des pouvoirs locaux et régionaux du Conseil de "
        "l’Europe."
    ),
    "The network": "Le réseau",
    (
        "Led by Efus, LIAISE 2 gathers 29 partner organisations in 10 countries, 18 cities and "
        "three regions, as well as four national Forums for urban security and three thematic "
        "non-governmental organisations. Some of them take part as associate partners."
    ): (
        "Piloté par l’Efus, LIAISE 2 réunit 29 organisations partenaires dans 10 pays, 18 villes "
        "et trois régions, ainsi que quatre forums nationaux pour la sécurité urbaine et trois "
        "organisations non gouvernementales thématiques. Certaines y participent en tant que "
        "partenaires associés."
    ),
    "What LIAISE 2 does": "Les actions de LIAISE 2",
    (
        "LIAISE 2 delivers training sessions to local authorities partner of the project and "
        "helps them to set up pilot projects in which they apply locally the knowledge gained "
        "during the training sessions as well as develop innovative practices. It will also "
        "organise five European conferences on different aspects of the issue of "
        "radicalisation."
    ): (
        "LIAISE 2 propose des sessions de formation aux autorités locales partenaires du projet "
        "et les aide à mettre en place des projets pilotes, dans lesquels elles appliquent "
        "localement les connaissances acquises lors des formations et développent des pratiques "
        "innovantes. Le projet organisera également cinq conférences européennes consacrées à "
        "différents aspects de la radicalisation."
    ),
    "Building on LIAISE": "Dans la continuité de LIAISE",
    (
        "LIAISE 2 builds on the results of the first LIAISE project, which was also co-funded "
        "by the EU. Initiated in 2014 by Efus with a group of nine cities from five European "
        "countries, LIAISE is working on a training programme and a guide for local "
        "authorities with the Institute for Strategic Dialogue, a UK-based think tank "
        "specialised on extremism, and the German non-governmental organisation Ufuq, which "
        "works on intercultural dialogue."
    ): (
        "LIAISE 2 s’appuie sur les résultats du premier projet LIAISE, lui aussi cofinancé par "
        "l’UE. Lancé en 2014 par l’Efus avec un groupe de neuf villes de cinq pays européens, "
        "LIAISE élabore un programme de formation et un guide à l’intention des autorités "
        "locales avec l’Institute for Strategic Dialogue, un groupe de réflexion britannique "
        "spécialisé dans l’extrémisme, et l’organisation non gouvernementale allemande Ufuq, "
        "qui travaille sur le dialogue interculturel."
    ),
    (
        "A logical continuation of LIAISE, LIAISE 2 uses the tools created through the first "
        "project and disseminates them to a larger number of cities."
    ): (
        "Suite logique de LIAISE, LIAISE 2 utilise les outils créés lors du premier projet et "
        "les diffuse auprès d’un plus grand nombre de villes."
    ),
    "Duration": "Durée",
    "January 2016 – January 2018.": "De janvier 2016 à janvier 2018.",
}

INDEXES = {
    "Partners": "Partenaires",
    "partners": "partenaires",
    content.DIRECTORY_INTRO: (
        "Piloté par l’Efus, LIAISE 2 compte 29 organisations partenaires dans 10 pays : 18 "
        "villes, trois régions, quatre forums nationaux pour la sécurité urbaine et trois "
        "organisations non gouvernementales. L’annuaire présente toutes les organisations de la "
        "liste publiée par le projet : 34 en plus de l’Efus, partenaires associés compris."
    ),
    "Events": "Événements",
    "seminars": "seminaires",
    (
        "LIAISE 2 organises European conferences on different aspects of the issue of "
        "radicalisation, and delivers training sessions to the local authorities of the "
        "network."
    ): (
        "LIAISE 2 organise des conférences européennes consacrées à différents aspects de la "
        "radicalisation, et propose des sessions de formation aux autorités locales du réseau."
    ),
    "News": "Actualités",
    "news": "actualites",
    "News from the LIAISE 2 network.": "Les actualités du réseau LIAISE 2.",
}

PRIVACY = {
    "Privacy notice": "Politique de confidentialité",
    "privacy": "confidentialite",
    content.PRIVACY_INTRO: "Ce que ce site fait des données personnelles que vous lui confiez.",
    "Comments": "Commentaires",
    content.PRIVACY_PARAGRAPHS[0][1].split("</p>")[0].removeprefix("<p>"): (
        "Quand vous commentez, nous conservons votre nom, votre adresse e-mail, votre site web "
        "facultatif, votre commentaire, votre adresse IP et la description de votre navigateur. "
        "Votre adresse e-mail et votre adresse IP ne sont jamais publiées. Elles aident les "
        "modérateurs à lutter contre le spam et nous permettent de vous prévenir quand votre "
        "commentaire est publié ou, si vous le demandez, quand quelqu’un vous répond."
    ),
    content.PRIVACY_PARAGRAPHS[0][1].split("</p>")[1].removeprefix("<p>"): (
        "Les adresses IP et les descriptions de navigateur sont effacées au bout de 90 jours. "
        "Un commentaire mis à la corbeille est supprimé au bout de 30 jours."
    ),
    "Your choices": "Vos choix",
    content.PRIVACY_PARAGRAPHS[1][1].removeprefix("<p>").removesuffix("</p>"): (
        "« Enregistrer mon nom, mon e-mail et mon site web dans ce navigateur » les conserve "
        "dans un cookie sur votre appareil pendant un an ; si vous ne cochez pas la case, rien "
        "n’est enregistré. Vous pouvez nous demander une copie de tout ce que nous détenons sur "
        "votre adresse e-mail, ou son effacement : vos commentaires apparaissent alors comme "
        "écrits par « Anonyme »."
    ),
}

# The link of a news item to its seminar, as wagtail-localize shows it to translators.
# The news topics: {English name: French name}, and their slugs made from the French names.
TOPICS = {
    "Seminar": "Séminaire",
    "Communication": "Communication",
    "Counter-narratives": "Contre-discours",
    "Evaluation": "Évaluation",
    "Probation": "Probation",
    "Prison": "Prison",
    "Polarisation": "Polarisation",
}

SEMINAR_LINK = '<a id="a1">'


@functools.cache
def texts():
    """{English segment text: French} for every segment of the demo pages."""
    pairs = [*HOME.items(), *ABOUT.items(), *PRIVACY.items(), *INDEXES.items()]
    pairs += partner_pairs() + seminar_pairs() + news_pairs() + topic_pairs()
    translations = {}
    for english, text in pairs:
        text = typeset(text)
        if translations.setdefault(english, text) != text:
            raise ValueError(
                f"Two French texts for {english!r}: {translations[english]!r} and {text!r}"
            )
    return translations


def typeset(text):
    """French spacing: non-breaking spaces before : ; ? ! and inside « »."""
    for mark, space in [(":", NBSP), (";", NARROW_NBSP), ("?", NARROW_NBSP), ("!", NARROW_NBSP)]:
        text = text.replace(f" {mark}", space + mark)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def french_slug(text):
    return slugify(text.replace("’", " "))


def city(name):
    return CITIES.get(name, name)


def of(name):
    """French "of": "de Bordeaux", elided before a vowel as in "Ville d'Essen"."""
    return f"d’{name}" if name[0].lower() in "aeiouyéèêâîôû" else f"de {name}"


# -- Partners ---------------------------------------------------------------------------------


def partner_pairs():
    pairs = []
    for name, kind, _country, town, _is_associate in content.PARTNERS:
        pairs += [
            (content.partner_title(name, kind), partner_title(name, kind)),
            (content.partner_slug(name), french_slug(partner_name(name, kind))),
            (
                content.partner_summary(name),
                partner_summary(name),
            ),
        ]
        if town:
            pairs.append((town, city(town)))
    return pairs


def partner_name(name, kind):
    return city(name) if kind == PartnerKind.CITY else ORGANISATIONS[name][0]


def partner_title(name, kind):
    return f"Ville {of(city(name))}" if kind == PartnerKind.CITY else ORGANISATIONS[name][0]


def partner_summary(name):
    """The French of `content.partner_summary`: the same facts, told the same way."""
    if name in PARTNER_SUMMARIES:
        return PARTNER_SUMMARIES[name]
    story = content.partner_stories()[name]
    if story.kind == PartnerKind.CITY:
        subject = f"la ville {of(city(story.city))}"
    else:
        subject = ORGANISATIONS[name][1]
    is_partner = "a le statut de partenaire associé" if story.is_associate else "est partenaire"
    in_country, from_country, country = COUNTRIES.get(story.country, ("", "", ""))
    match story.style:
        case "forums":
            fellows = content.list_words(
                [FORUM_ADJECTIVES[forum.split()[0]] for forum in story.fellow_forums], "et"
            )
            return (
                f"{capfirst(subject)} est l’un des quatre forums nationaux pour la sécurité "
                f"urbaine de LIAISE 2, avec les forums {fellows}."
            )
        case "only":
            return (
                f"{capfirst(subject)}, seul membre de LIAISE 2 {in_country}, {is_partner} du "
                f"projet."
            )
        case "host":
            title, start = story.seminar
            with translation.override("fr"):
                month = formats.date_format(start, "F Y")
            return (
                f"{capfirst(subject)} {is_partner} de LIAISE 2 et a accueilli en {month} son "
                f"séminaire européen « {SEMINAR_TITLES[title]} »."
            )
        case "forum":
            forum = ORGANISATIONS[story.forum][1]
            others = story.others - 1
            and_others = f" et {other_organisations(others)} {from_country}" if others else ""
            return f"{capfirst(subject)} {is_partner} de LIAISE 2, tout comme {forum}{and_others}."
        case "cities":
            cities = content.list_words([of(city(town)) for town in story.cities], "et")
            those = "les villes" if len(story.cities) > 1 else "la ville"
            return (
                f"{capfirst(subject)} {is_partner} de LIAISE 2, tout comme {those} {cities} "
                f"{in_country}."
            )
        case "training":
            return (
                f"Partenaire de LIAISE 2, {subject} ({country}) fait partie des autorités locales "
                f"et régionales que le projet forme et aide à mettre en place des projets pilotes."
            )
    as_partner = (
        "avec le statut de partenaire associé" if story.is_associate else "en tant que partenaire"
    )
    return (
        f"{capfirst(subject)} participe à LIAISE 2 {as_partner}, aux côtés "
        f"{of(other_organisations(story.others))} {from_country}."
    )


def other_organisations(count):
    plural = "s" if count > 1 else ""
    return f"{NUMBERS[count]} autre{plural} organisation{plural}"


# -- Seminars and their announcements ---------------------------------------------------------


def seminar_pairs():
    pairs = []
    for title, start, _end, town, _country, _tags in content.SEMINARS:
        pairs += [
            (title, SEMINAR_TITLES[title]),
            (content.seminar_slug(town, start), french_slug(f"{city(town)} {start.year}")),
            (town, city(town)),
            (content.seminar_summary(title, town), seminar_summary(title, town)),
        ]
    return pairs


def seminar_summary(title, town):
    _, _, country = COUNTRIES[content.SEMINARS[content.seminar_number(title)][4]]
    return (
        f"Le {ORDINALS[content.seminar_number(title)]} séminaire européen de LIAISE 2, à "
        f"{city(town)} ({country}), portait sur {SEMINAR_SUBJECTS[title]}."
    )


def news_pairs():
    pairs = []
    for title, start, end, town, _country, _tags in content.SEMINARS:
        facts = (title, town, start, end)
        pairs += [
            (content.news_title(title, town), news_title(title, town)),
            (content.news_slug(town, start), news_slug(town, start)),
            (content.news_intro(*facts), news_intro(*facts)),
            (
                content.seminar_announcement(*facts, SEMINAR_LINK),
                seminar_announcement(*facts, SEMINAR_LINK),
            ),
            (content.picture_alt_text(town), picture_alt_text(town)),
        ]
    return pairs


def topic_pairs():
    pairs = []
    for slug, name in content.TOPICS.items():
        pairs += [(name, TOPICS[name]), (slug, french_slug(TOPICS[name]))]
    return pairs


def news_title(title, town):
    return f"Séminaire à {city(town)} : « {SEMINAR_TITLES[title]} »"


def news_slug(town, start):
    return french_slug(f"séminaire {city(town)} {start.year}")


def news_intro(title, town, start, end):
    return (
        f"Le prochain séminaire européen de LIAISE 2, « {SEMINAR_TITLES[title]} », se tiendra "
        f"à {city(town)} {format_dates(start, end)}."
    )


def seminar_announcement(title, town, start, end, link):
    number = ORDINALS_FEMININE[content.seminar_number(title)]
    if content.seminar_host(town):
        opening = f"La ville {of(city(town))}, partenaire de LIAISE 2, accueille la {number}"
    else:
        opening = f"C’est la {number}"
    organiser = "le projet" if content.seminar_host(town) else "LIAISE 2"
    return (
        f"{opening} des cinq conférences européennes que {organiser} organise sur différents "
        f"aspects de la radicalisation. Elle portera sur {SEMINAR_SUBJECTS[title]}. "
        f"{link}En savoir plus sur le séminaire</a>."
    )


def picture_alt_text(town):
    return f"Illustration : {city(town)}"


def format_dates(start, end):
    """For example "le 29 mars 2017", "les 26 et 27 mai 2016", "du 11 au 13 octobre 2016"."""
    if start == end:
        return f"le {day_month_year(start)}"
    if (start.month, start.year) != (end.month, end.year):
        return f"du {day_month_year(start)} au {day_month_year(end)}"
    if end - start == timedelta(days=1):
        return f"les {day(start)} et {day_month_year(end)}"
    return f"du {day(start)} au {day_month_year(end)}"


def day(value):
    return "1er" if value.day == 1 else str(value.day)


def day_month_year(value):
    with translation.override("fr"):
        return f"{day(value)} {formats.date_format(value, 'F Y')}"
