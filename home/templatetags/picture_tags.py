"""{% picture %}: Wagtail's tag, with its filters parsed once per template rather than on
every render. Wagtail builds a Filter object for each size and format of each picture it
renders, and parsing a filter's operations is most of what a picture costs once its renditions
exist (a directory page shows 24 logos in 3 formats and 2 sizes)."""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()


class ParsedOncePictureNode(PictureNode):
    def get_filters(self):
        # The node lives as long as its compiled template (Django's cached template loader);
        # Filter objects hold nothing about the image they are applied to.
        if not hasattr(self, "_filters"):
            self._filters = super().get_filters()
        return self._filters


@register.tag
def picture(parser, token):
    node = image(parser, token)
    node.__class__ = ParsedOncePictureNode
    return node
