"""gunicorn's settings for this site: gunicorn reads this file from the directory it starts in
(`make serve`, the tests, a server's unit: docs/operations.md, "Serving")."""

# The master imports the app once, then forks workers that are ready at once: a reload (HUP)
# swaps workers without a gap, where workers importing Django and Wagtail themselves left the
# server answering nothing for 30 s or more. New code comes with a new master (USR2, then TERM
# to the old one), which serves alongside the old one until it is ready.
preload_app = True
# Managed by signals (HUP, USR2, TERM): no control socket, which every gunicorn of the machine
# would otherwise open at the same path.
control_socket_disable = True
