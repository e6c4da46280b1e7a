from django.urls import path

from . import views

urlpatterns = [
    path("comments/unsubscribe/<str:token>/", views.unsubscribe, name="discussion_unsubscribe"),
]
