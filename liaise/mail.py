"""The e-mail backend of every environment: each message goes into django-post-office's queue in
the database, and the worker (`manage.py send_queued_mail`) delivers it, retrying while the mail
server fails (docs/operations.md)."""

import copy
import secrets

from post_office import EmailBackend


class QueuedEmailBackend(EmailBackend):
    """post_office's queue, with each text queued as it is: post_office renders subject and
    bodies as Django templates (its issue #478), so a visitor named "{{ x }}" would vanish from
    the mail and one named "{% x %}" would make the send fail."""

    def send_messages(self, email_messages):
        return super().send_messages([as_verbatim(message) for message in email_messages])


def as_verbatim(message):
    """A copy of the message whose subject and bodies render to themselves as templates."""
    message = copy.copy(message)
    message.subject = verbatim(message.subject)
    message.body = verbatim(message.body)
    if alternatives := getattr(message, "alternatives", None):
        message.alternatives = [(verbatim(content), mimetype) for content, mimetype in alternatives]
    return message


def verbatim(text):
    """`text` in a verbatim block under a name nobody can guess, so nothing inside ends it."""
    name = secrets.token_hex(8)
    return f"{{% verbatim {name} %}}{text}{{% endverbatim {name} %}}"
