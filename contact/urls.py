from django.urls import path

from .views import message_sent, send_message

urlpatterns = [
    path("contact-form/<int:page_id>/", send_message, name="contact_send"),
    path("contact-form/<int:page_id>/sent/", message_sent, name="contact_sent"),
]
