from django.utils.translation import get_language, get_language_info

# Languages that write language names in lower case within a sentence ("en français").
LOWER_CASE_LANGUAGE_NAMES = {"fr"}


def language_name(language_code):
    """The language's name as it reads inside a sentence of the admin's language: "French" in
    English, "français" in French (Django gives "Français", the form for menus)."""
    name = get_language_info(language_code)["name_translated"]
    if (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        return name.lower()
    return name
