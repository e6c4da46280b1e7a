from django.core.management.base import BaseCommand

from archive.build import build_archive


class Command(BaseCommand):
    help = (
        "Write the static archive of the site (every public page of every language, its "
        "documents, pictures and static files) into a folder that any static host can serve."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The folder to write (emptied first).")
        parser.add_argument(
            "--base-url",
            required=True,
            help="Where the archive will be served from, e.g. https://liaise2.example.org",
        )

    def handle(self, output, base_url, **options):
        files = build_archive(output, base_url)
        self.stdout.write(f"{len(files)} addresses of the site archived into {output}.")
