"""The people who run the site, as Django groups. The data migrations create them; these names
are the single source for code and tests."""

ADMINISTRATORS = "Administrators"
EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"

WORKFLOW_NAME = "Editorial review"
APPROVAL_TASK_NAME = "Moderator approval"

# Who writes each language tree: page permissions (wagtailcore.<codename>_page) granted on the
# home page of the source language (English) and on the home page of every translation.
SOURCE_TREE_WRITERS = (EDITORS, ["add", "change"])
TRANSLATION_TREE_WRITERS = (TRANSLATORS, ["add", "change"])
