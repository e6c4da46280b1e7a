"""The data migration news 0006: the news items' taggit tags become topics in each item's
language, the French ones translations of the English ones."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("news", "0005_topics")]
AFTER = [("news", "0006_tags_to_topics")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_tags_become_topics_of_each_news_items_language():
    apps = migrate(BEFORE)
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    NewsPage = apps.get_model("news", "NewsPage")
    Tag = apps.get_model("taggit", "Tag")
    NewsPageTag = apps.get_model("news", "NewsPageTag")
    english, french = (Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr"))
    root = Page.objects.get(depth=1)
    tag = Tag.objects.create(name="evaluation", slug="evaluation")
    pages = []
    for number, locale in enumerate([english, french]):
        page = NewsPage.objects.create(
            title=f"News {number}",
            slug=f"news-{number}",
            path=f"{root.path}9{number:03d}",
            depth=2,
            locale=locale,
            translation_key="5d1f3c7e-0000-4c55-8f0e-2b7d9c4a6e10",
            intro="",
            body="[]",
            date="2016-10-01",
            content_type_id=root.content_type_id,
        )
        NewsPageTag.objects.create(content_object=page, tag=tag)
        pages.append(page)

    apps = migrate(AFTER)
    Topic = apps.get_model("news", "Topic")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")

    topics = Topic.objects.order_by("locale__language_code")
    assert [(t.locale.language_code, t.slug) for t in topics] == [
        ("en", "evaluation"),
        ("fr", "evaluation"),
    ]
    assert topics[0].translation_key == topics[1].translation_key
    links = NewsPageTopic.objects.order_by("page_id")
    assert [(link.page_id, link.topic.locale_id) for link in links] == [
        (pages[0].pk, english.pk),
        (pages[1].pk, french.pk),
    ]
    assert links[0].translation_key == links[1].translation_key
    migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
