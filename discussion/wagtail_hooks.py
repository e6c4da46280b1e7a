from wagtail.snippets.models import register_snippet

from .viewsets import VisitorCommentViewSet

register_snippet(VisitorCommentViewSet)
