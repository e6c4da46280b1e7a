from django.urls import path

from .visitor_views import post_comment, unsubscribe

urlpatterns = [
    path("comments/<int:page_id>/", post_comment, name="discussion_post"),
    path("comments/unsubscribe/<str:token>/", unsubscribe, name="discussion_unsubscribe"),
]
