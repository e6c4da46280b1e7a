"""The production settings queue every e-mail and take the SMTP server that delivers the queue
from the environment: one EMAIL_URL, or the separate EMAIL_* variables."""

from tests.production.test_production_settings import production_settings, run_in_production

SMTP_SETTINGS = (
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
)
# Unset, whatever the developer's shell has.
NO_MAIL_VARIABLES = dict.fromkeys(
    ("EMAIL_URL", *SMTP_SETTINGS, "EMAIL_TIMEOUT", "DEFAULT_FROM_EMAIL")
)


def smtp_settings(**environment):
    return production_settings(*SMTP_SETTINGS, **(NO_MAIL_VARIABLES | environment))


def test_mail_is_queued_and_the_worker_delivers_it_by_smtp():
    found = production_settings("EMAIL_BACKEND", "POST_OFFICE", **NO_MAIL_VARIABLES)

    assert found["EMAIL_BACKEND"] == "liaise.mail.QueuedEmailBackend"
    assert found["POST_OFFICE"]["BACKENDS"] == {
        "default": "django.core.mail.backends.smtp.EmailBackend"
    }
    assert found["POST_OFFICE"]["DEFAULT_PRIORITY"] != "now"


def test_the_mail_server_comes_from_one_url():
    starttls = smtp_settings(
        EMAIL_URL="smtp://liaise%40example.org:p%3Ass@mail.example.org:587?tls=1"
    )
    implicit_tls = smtp_settings(EMAIL_URL="smtps://mail.example.org")

    assert starttls == {
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "liaise@example.org",
        "EMAIL_HOST_PASSWORD": "p:ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }
    assert implicit_tls == {
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": True,
    }


def test_the_mail_server_comes_from_separate_variables_with_a_short_timeout():
    found = production_settings(
        *SMTP_SETTINGS,
        "EMAIL_TIMEOUT",
        **NO_MAIL_VARIABLES
        | {
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
            "EMAIL_HOST_USER": "liaise",
            "EMAIL_HOST_PASSWORD": "secret",
            "EMAIL_USE_TLS": "true",
        },
    )

    assert found == {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "liaise",
        "EMAIL_HOST_PASSWORD": "secret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_refuses_a_mail_server_it_cannot_use():
    for environment, message in [
        ({"EMAIL_URL": "http://mail.example.org"}, "EMAIL_URL must start with smtp://"),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "not both"),
    ]:
        result = run_in_production("manage.py", "check", **(NO_MAIL_VARIABLES | environment))

        assert result.returncode != 0, environment
        assert message in result.stderr
