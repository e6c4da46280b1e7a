"""The demo resource library: LIAISE 1's guide for local authorities and training programme (the
seed's facts), a seminar's proceedings (an example), each with a generated PDF file; the guide
also in French, chosen in the French translation as a translator does (a synchronised value
overridden in wagtail-localize), so the French page offers the French file."""

import json
from datetime import date

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)

from news.models import Topic
from resources.models import ResourceIndexPage, ResourcePage, ResourcePageTopic, ResourceType

from .french import typeset
from .pdf import tiny_pdf
from .translation import publish_now, translate_objects, translate_pages

# Topics of the library besides the news topics: {slug: (English, French)}.
TOPICS = {"prevention": ("Prevention", "Prévention"), "training": ("Training", "Formation")}

INDEX = {
    "title": ("Resources", "Ressources"),
    "slug": ("resources", "ressources"),
    "intro": (
        "Guides, training programmes and seminar proceedings of LIAISE 2 and of the first "
        "LIAISE project, to download.",
        "Guides, programmes de formation et actes des séminaires de LIAISE 2 et du premier "
        "projet LIAISE, à télécharger.",
    ),
}

EXAMPLE_NOTE = (
    "The date and the file of this demo page are examples: the file is a placeholder, not the "
    "document itself.",
    "La date et le fichier de cette page de démonstration sont des exemples : le fichier "
    "n’est qu’un espace réservé, pas le document lui-même.",
)

# Each resource: its fields, its (English, French) texts, and its files by language.
RESOURCES = [
    {
        "key": "guide",
        "resource_type": ResourceType.GUIDE,
        "date": date(2016, 1, 1),
        "topics": ["prevention"],
        "title": (
            "LIAISE guide for local authorities",
            "Guide LIAISE pour les autorités locales",
        ),
        "slug": ("liaise-guide-for-local-authorities", "guide-liaise-pour-les-autorites-locales"),
        "summary": (
            "The guide for local authorities of the first LIAISE project, made with the "
            "Institute for Strategic Dialogue and Ufuq. LIAISE 2 uses it and disseminates it to "
            "a larger number of cities.",
            "Le guide pour les autorités locales du premier projet LIAISE, réalisé avec "
            "l’Institute for Strategic Dialogue et Ufuq. LIAISE 2 l’utilise et le diffuse à un "
            "plus grand nombre de villes.",
        ),
        "files": {"en": "LIAISE guide for local authorities", "fr": "Guide LIAISE"},
    },
    {
        "key": "training",
        "resource_type": ResourceType.TRAINING_PROGRAMME,
        "date": date(2016, 1, 1),
        "topics": ["prevention", "training"],
        "title": ("LIAISE training programme", "Programme de formation LIAISE"),
        "slug": ("liaise-training-programme", "programme-de-formation-liaise"),
        "summary": (
            "The training programme for local authorities of the first LIAISE project, made "
            "with the Institute for Strategic Dialogue and Ufuq, on which the training sessions "
            "of LIAISE 2 build.",
            "Le programme de formation des autorités locales du premier projet LIAISE, réalisé "
            "avec l’Institute for Strategic Dialogue et Ufuq, sur lequel s’appuient les "
            "sessions de formation de LIAISE 2.",
        ),
        "files": {"en": "LIAISE training programme"},
    },
    {
        "key": "proceedings",
        "resource_type": ResourceType.PROCEEDINGS,
        "date": date(2016, 7, 1),
        "topics": ["communication", "counter-narratives"],
        "seminar": "Bordeaux",
        "title": (
            "Example proceedings – European cities facing radicalisation",
            "Exemple d’actes – Les villes européennes face à la radicalisation",
        ),
        "slug": ("example-proceedings-bordeaux-2016", "exemple-actes-bordeaux-2016"),
        "summary": (
            "An example of seminar proceedings: the seminar “European cities facing "
            "radicalisation: communication and counter-narratives”, Bordeaux, 26-27 May 2016.",
            "Un exemple d’actes de séminaire : le séminaire « Les villes européennes face à la "
            "radicalisation : communication et contre-discours », Bordeaux, 26-27 mai 2016.",
        ),
        "files": {"en": "Example proceedings, Bordeaux seminar 2016"},
    },
]

FILE_LABELS = {"en": "English, example file", "fr": "français, fichier d’exemple"}


def load_resources(home, seminars, news_topics):
    """The library in English and French, created where missing."""
    french = Locale.objects.get(language_code="fr")
    topics = {**news_topics, **ensure_topics()}
    library = ensure_library(home)
    pages = [ensure_resource(library, item, topics, seminars) for item in RESOURCES]
    translate_objects([topics[slug] for slug in TOPICS], french, french_texts())
    translate_pages([library, *pages], french, french_texts())
    for page, item in zip(pages, RESOURCES, strict=True):
        if "fr" in item["files"]:
            offer_own_file(page, french, demo_document(item, "fr"))
    return library


def ensure_topics():
    return {
        slug: Topic.objects.get_or_create(
            slug=slug, locale=Locale.get_default(), defaults={"name": names[0]}
        )[0]
        for slug, names in TOPICS.items()
    }


def ensure_library(home):
    existing = ResourceIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    library = ResourceIndexPage(
        title=INDEX["title"][0],
        slug=INDEX["slug"][0],
        intro=INDEX["intro"][0],
        show_in_menus=True,
    )
    home.add_child(instance=library)
    library.save_revision().publish()
    return library


def ensure_resource(library, item, topics, seminars):
    existing = ResourcePage.objects.child_of(library).filter(slug=item["slug"][0]).first()
    if existing:
        return existing
    seminar = next((s for s in seminars if s.city == item.get("seminar")), None)
    page = ResourcePage(
        title=item["title"][0],
        slug=item["slug"][0],
        resource_type=item["resource_type"],
        date=item["date"],
        summary=item["summary"][0],
        body=[("paragraph", f"<p>{EXAMPLE_NOTE[0]}</p>")],
        document=demo_document(item, "en"),
        file_language="en",
        related_event=seminar,
        topic_links=[ResourcePageTopic(topic=topics[slug]) for slug in item["topics"]],
    )
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_document(item, language):
    """The item's file in `language`: a one-page PDF saying what it stands for."""
    title = f"{item['files'][language]} ({FILE_LABELS[language]})"
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    note = dict(zip(("en", "fr"), EXAMPLE_NOTE, strict=True))[language]
    content = tiny_pdf(["LIAISE 2 - demo file", title, note])
    file = ContentFile(content, name=f"{slugify(title)}.pdf")
    return Document.objects.create(title=title, file=file, file_size=len(content))


def offer_own_file(page, locale, document):
    """Have the page's translation offer `document`, in the translation's language: what a
    translator does under "Synchronised values". An override already there is kept."""
    source = TranslationSource.get_or_create_from_instance(page)[0]
    segment = OverridableSegment.objects.get(source=source, context__path="document")
    _override, created = SegmentOverride.objects.get_or_create(
        locale=locale, context=segment.context, defaults={"data_json": json.dumps(document.pk)}
    )
    if created:
        translation = Translation.objects.get(source=source, target_locale=locale)
        translation.save_target(publish=False)
        publish_now(translation.get_target_instance())


def french_texts():
    """{English segment text: French} for the library, its resources and its topics."""
    pairs = list(INDEX.values())
    pairs += [item[field] for item in RESOURCES for field in ("title", "slug", "summary")]
    pairs += [EXAMPLE_NOTE]
    pairs += [(english, french) for english, french in TOPICS.values()]
    pairs += [(slug, slugify(names[1])) for slug, names in TOPICS.items()]
    return {english: typeset(french) for english, french in pairs}
