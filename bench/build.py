"""Build one benchmark database (run by bench/run.py in a process of its own, with
DATABASE_URL pointing at it):

    python -m bench.build demo          # migrate, load the demo content: the x1 template
    python -m bench.build grow FACTOR   # then grow it to FACTOR times BASE_SIZES
    python -m bench.build urls          # the path of each English page type measured

Prints a JSON line with what was built and how long it took."""

import json
import sys
import time

import django


def main(argv):
    django.setup()
    from django.core.management import call_command

    from bench.content import BASE_SIZES, grow_to

    command, *rest = argv
    started = time.perf_counter()
    if command == "demo":
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo_content", verbosity=0)
    elif command == "grow":
        factor = int(rest[0])
        grow_to(BASE_SIZES * factor)
    elif command == "urls":
        from bench.measure import page_urls

        paths = {page: url for page, language, url in page_urls() if language in ("en", "")}
        print(json.dumps(paths))
        return
    else:
        raise SystemExit(f"unknown command {command!r}")
    print(json.dumps({"step": command, "seconds": time.perf_counter() - started, **counts()}))


def counts():
    from discussion.models import VisitorComment
    from events.models import SeminarPage
    from network.models import PartnerPage
    from news.models import NewsPage

    return {
        "pages": {
            model.__name__: model.objects.count() for model in (PartnerPage, SeminarPage, NewsPage)
        },
        "comments": VisitorComment.objects.count(),
    }


if __name__ == "__main__":
    main(sys.argv[1:])
