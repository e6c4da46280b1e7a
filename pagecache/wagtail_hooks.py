from wagtail import hooks

from .versions import show_sections


@hooks.register("before_serve_page")
def declare_shown_sections(page, request, serve_args, serve_kwargs):
    """A page type may say which sections its pages show (`shown_sections()`, a tuple of
    pagecache.versions sections): the page cache then keeps them until a page of those is
    published, instead of until any publication."""
    shown_sections = getattr(page, "shown_sections", None)
    if shown_sections is not None:
        show_sections(shown_sections())
