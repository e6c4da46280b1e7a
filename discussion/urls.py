from django.urls import path

from . import views
from .posting import post_comment

urlpatterns = [
    path("comments/<int:page_id>/", post_comment, name="discussion_post"),
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="discussion_unsubscribe"),
]
