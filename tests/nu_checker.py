"""The Nu Html Checker (vnu.jar, which `make test` installs from npm into .vnu/; Java from
the system), run over files: the errors it finds, one line each."""

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings

VNU = Path(settings.BASE_DIR) / ".vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(paths, name_of=str):
    """The checker's errors in the HTML files `paths`, each named by name_of(its path)."""
    if not VNU.exists():
        pytest.fail(f"The Nu Html Checker is missing at {VNU}: `make test` installs it (npm).")
    names = {str(path): name_of(path) for path in paths}
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *names],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]  # the checker reports on stderr
    return [
        f"{names.get(file_path(message), message.get('url'))}: {message['message']} "
        f"({message.get('extract', '').strip()[:80]})"
        for message in messages
    ]


def file_path(message):
    return unquote(urlsplit(message.get("url", "")).path)
