"""The people who run the site, as Django groups. The data migration creates them; these names
are the single source for code and tests."""

ADMINISTRATORS = "Administrators"
EDITORS = "Editors"
MODERATORS = "Moderators"

WORKFLOW_NAME = "Editorial review"
APPROVAL_TASK_NAME = "Moderator approval"

# Editors' page permissions (wagtailcore.<codename>_page), held on the English home page.
EDITOR_PAGE_PERMISSIONS = ["add", "change"]
