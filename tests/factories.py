import datetime

import factory
import wagtail_factories
from wagtail.models import Collection, Locale

from contact.models import ContactFormField, ContactPage
from events.models import EventIndexPage, SeminarPage, TrainingSessionPage
from home.models import HomePage, StandardPage
from network.models import PartnerIndexPage, PartnerKind, PartnerPage
from news.models import NewsIndexPage, NewsPage, Topic
from pilots.models import PilotProjectIndexPage, PilotProjectPage, PilotStatus
from resources.models import ResourceIndexPage, ResourcePage, ResourceType


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.LazyAttribute(lambda image: f"Alt text of {image.title}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "LIAISE 2"
    intro = "Local Institutions Against Violent Extremism II."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner city {n}")
    kind = PartnerKind.CITY
    country = "FR"
    city = factory.SelfAttribute("title")
    summary = factory.LazyAttribute(lambda partner: f"{partner.title} is a partner.")

    class Meta:
        model = PartnerPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Seminars"
    slug = "seminars"

    class Meta:
        model = EventIndexPage


class SeminarPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seminar {n}")
    start_date = datetime.date(2016, 5, 26)
    end_date = factory.SelfAttribute("start_date")
    city = "Bordeaux"
    country = "FR"
    summary = "A European seminar."

    class Meta:
        model = SeminarPage


class TrainingSessionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Training session {n}")
    start_date = datetime.date(2016, 9, 20)
    end_date = factory.SelfAttribute("start_date")
    city = "Augsburg"
    country = "DE"
    summary = "A training session for local authorities."
    audience = "Municipal staff"

    class Meta:
        model = TrainingSessionPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2016, 4, 14)
    intro = "Something happened in the network."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>The full story.</p>")])

    class Meta:
        model = NewsPage


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Document {n}")


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "resources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    resource_type = ResourceType.GUIDE
    date = datetime.date(2016, 1, 15)
    summary = "A tool for local authorities."
    document = factory.SubFactory(DocumentFactory)
    file_language = "en"

    class Meta:
        model = ResourcePage


class PilotProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pilot projects"
    slug = "pilot-projects"

    class Meta:
        model = PilotProjectIndexPage


class PilotProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pilot project {n}")
    summary = "A partner applies what the training sessions taught."
    status = PilotStatus.RUNNING
    start_date = datetime.date(2016, 9, 1)
    city = "Bordeaux"
    country = "FR"
    latitude = 44.838
    longitude = -0.579

    class Meta:
        model = PilotProjectPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.LazyAttribute(lambda user: user.username.title())
    password = factory.django.Password("secret-password")

    class Meta:
        model = "auth.User"
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, groups):
        if create and groups:
            self.groups.set(groups)


class VisitorCommentFactory(factory.django.DjangoModelFactory):
    author_name = factory.Sequence(lambda n: f"Visitor {n}")
    author_email = factory.LazyAttribute(
        lambda c: f"{c.author_name.lower().replace(' ', '.')}@example.net"
    )
    text = factory.Sequence(lambda n: f"Comment number {n}.")
    status = "approved"
    ip_address = "192.0.2.10"

    class Meta:
        model = "discussion.VisitorComment"


def add_topics(page, *slugs):
    """Give a news item or a resource topics of its language (created when missing, named after
    their slug), in memory as the page editor does: saving or publishing the page stores them."""
    for slug in slugs:
        topic, _created = Topic.objects.get_or_create(
            slug=slug, locale=page.locale, defaults={"name": slug}
        )
        page.topic_links.add(page.topic_links.model(topic=topic))
    return page


class TeamMemberFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team member {n}")
    role = "Project officer"
    organisation = "Efus"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "contact.TeamMember"


# (label, field type, required) of the contact form the tests fill in.
CONTACT_FORM_FIELDS = [
    ("Name", "singleline", True),
    ("E-mail", "email", True),
    ("Organisation", "singleline", False),
    ("Message", "multiline", True),
]


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    intro = "Write to the team."
    thank_you_text = "<p>Thanks, we will answer soon.</p>"
    to_address = "team@liaise.example.org"
    from_address = "site@liaise.example.org"
    subject = "Message from the website"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def fields(self, create, fields):
        """The form's fields (CONTACT_FORM_FIELDS unless given), saved with the page."""
        for label, field_type, required in fields or CONTACT_FORM_FIELDS:
            self.form_fields.add(
                ContactFormField(label=label, field_type=field_type, required=required)
            )
        if create:
            self.save()
