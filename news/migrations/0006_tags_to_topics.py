"""The news items' taggit tags become topics in the news item's language, linked as wagtail-localize
would link them: one topic per tag and language, sharing a translation key across languages, so
that the French topics are translations of the English ones (translators then translate their
names and slugs)."""

import uuid

from django.db import migrations

# Fixed, so that each tag gets the same translation key in every language.
KEYS = uuid.UUID("5d1f3c7e-9a1b-4c55-8f0e-2b7d9c4a6e10")


def tags_to_topics(apps, schema_editor):
    NewsPageTag = apps.get_model("news", "NewsPageTag")
    Topic = apps.get_model("news", "Topic")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")
    tagged = NewsPageTag.objects.select_related("tag", "content_object").order_by("pk")
    for order, item in enumerate(tagged):
        page, tag = item.content_object, item.tag
        topic, _created = Topic.objects.get_or_create(
            locale_id=page.locale_id,
            slug=tag.slug,
            defaults={"name": tag.name, "translation_key": uuid.uuid5(KEYS, tag.slug)},
        )
        NewsPageTopic.objects.get_or_create(
            page=page,
            topic=topic,
            defaults={
                "locale_id": page.locale_id,
                "translation_key": uuid.uuid5(KEYS, f"{page.translation_key}:{tag.slug}"),
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0005_topics")]

    operations = [migrations.RunPython(tags_to_topics, migrations.RunPython.noop)]
