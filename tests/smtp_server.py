"""A real SMTP server in the test process (aiosmtpd), on one port for its whole life, so that a
test can stop it as a mail server goes down, start it again, and read what it received."""

import email
import email.policy
import socket

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpServer:
    host = "127.0.0.1"

    def __init__(self):
        self.port = free_port()
        self.messages = []  # email.message.EmailMessage, in the order received
        self.controller = None

    def start(self):
        self.controller = Controller(self, hostname=self.host, port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    async def handle_DATA(self, server, session, envelope):
        """aiosmtpd's hook for a message accepted for delivery."""
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def received(self):
        """(recipients, plain-text body) of each message."""
        return [(message["To"], message.get_content()) for message in self.messages]
