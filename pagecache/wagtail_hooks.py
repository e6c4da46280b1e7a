from wagtail import hooks

from .versions import current_versions, show_sections


@hooks.register("before_serve_page")
def declare_what_the_page_shows(page, request, serve_args, serve_kwargs):
    """A page type may say which sections its pages show (`shown_sections()`, a tuple of
    pagecache.versions sections) and which other parts with a version (`shown_parts()`): the
    page cache then keeps them until one of those changes, instead of until any
    publication."""
    shown_sections = getattr(page, "shown_sections", None)
    if shown_sections is not None:
        show_sections(shown_sections())
    shown_parts = getattr(page, "shown_parts", None)
    if shown_parts is not None:
        current_versions(shown_parts())
