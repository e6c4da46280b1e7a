"""What every part of the demo content creates pages with."""


def child_page(parent, page_class, slug, **fields):
    """The child of `parent` with this slug, created and published when missing."""
    existing = page_class.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
