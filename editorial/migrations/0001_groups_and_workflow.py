"""Editors, Moderators and Administrators with deliberate permissions, and the "Editorial
review" workflow on the root page, so that it covers every page of every language."""

from django.db import migrations

from editorial.migration_helpers import get_or_create_permission
from editorial.roles import (
    ADMINISTRATORS,
    APPROVAL_TASK_NAME,
    EDITORS,
    MODERATORS,
    WORKFLOW_NAME,
)

PAGE_PERMISSIONS = {
    # Editors' page permissions are granted on the English home page (editorial.language_trees),
    # not on the root, so they cannot edit the French tree directly.
    EDITORS: [],
    MODERATORS: ["add", "change", "publish", "lock", "unlock"],
    ADMINISTRATORS: ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ],
    MODERATORS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
    ],
    ADMINISTRATORS: [
        "add_image",
        "change_image",
        "delete_image",
        "choose_image",
        "add_document",
        "change_document",
        "delete_document",
        "choose_document",
        "add_collection",
        "change_collection",
        "delete_collection",
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [("wagtailadmin", "admin", "access_admin")],
    MODERATORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    ADMINISTRATORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("wagtail_localize", "translation", "submit_translation"),
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("auth", "user", "delete_user"),
        ("auth", "group", "add_group"),
        ("auth", "group", "change_group"),
        ("auth", "group", "delete_group"),
        ("wagtailcore", "workflow", "add_workflow"),
        ("wagtailcore", "workflow", "change_workflow"),
        ("wagtailcore", "task", "add_task"),
        ("wagtailcore", "task", "change_task"),
        ("wagtailcore", "site", "change_site"),
        ("wagtailcore", "locale", "add_locale"),
        ("wagtailcore", "locale", "change_locale"),
        ("wagtailredirects", "redirect", "add_redirect"),
        ("wagtailredirects", "redirect", "change_redirect"),
        ("wagtailredirects", "redirect", "delete_redirect"),
    ],
}
COLLECTION_PERMISSION_MODELS = {
    "image": "wagtailimages",
    "document": "wagtaildocs",
    "collection": "wagtailcore",
}


def set_group_permissions(apps, group, root_page, root_collection):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group.permissions.set(
        [get_or_create_permission(apps, *spec) for spec in MODEL_PERMISSIONS[group.name]]
    )
    GroupPagePermission.objects.filter(group=group, page=root_page).delete()
    for codename in PAGE_PERMISSIONS[group.name]:
        GroupPagePermission.objects.create(
            group=group,
            page=root_page,
            permission=get_or_create_permission(apps, "wagtailcore", "page", f"{codename}_page"),
        )
    GroupCollectionPermission.objects.filter(group=group, collection=root_collection).delete()
    for codename in COLLECTION_PERMISSIONS[group.name]:
        model = codename.split("_", 1)[1]
        GroupCollectionPermission.objects.create(
            group=group,
            collection=root_collection,
            permission=get_or_create_permission(
                apps, COLLECTION_PERMISSION_MODELS[model], model, codename
            ),
        )


def create_editorial_workflow(apps, moderators, root_page):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=APPROVAL_TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Replaces Wagtail's default "Moderators approval" workflow on the root page.
    previous = WorkflowPage.objects.filter(page=root_page).exclude(workflow=workflow)
    Workflow.objects.filter(workflow_pages__in=previous).update(active=False)
    previous.delete()
    WorkflowPage.objects.get_or_create(page=root_page, defaults={"workflow": workflow})


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in PAGE_PERMISSIONS}
    for group in groups.values():
        set_group_permissions(apps, group, root_page, root_collection)
    create_editorial_workflow(apps, groups[MODERATORS], root_page)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop),
    ]
