from wagtail import hooks

from .versions import current_versions, parts_shown_by, sections_shown_by, show_sections


@hooks.register("before_serve_page")
def declare_what_the_page_shows(page, request, serve_args, serve_kwargs):
    """A page type may say which sections its pages show (`shown_sections()`, a tuple of
    pagecache.versions sections) and which other parts with a version (`shown_parts()`): the
    page cache then keeps them until one of those changes, instead of until any
    publication."""
    show_sections(sections_shown_by(page))
    current_versions(parts_shown_by(page))
