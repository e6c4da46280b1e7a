"""The site's packages import each other in one direction only, from the top (the project's
URLs) down to the page cache: no circle, and nothing imports a package above its own layer."""

import ast
from pathlib import Path

from django.conf import settings

# Bottom first; a package may import only packages listed before it: the project's apps, as
# the settings list them, then the project package (settings and URLs).
LAYERS = [*settings.PROJECT_APPS, "liaise"]


def imported_packages(package):
    """The project's top-level packages that the package's modules (migrations aside) import."""
    found = set()
    for path in (Path(settings.BASE_DIR) / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            found.update(name.split(".")[0] for name in names)
    return found & set(LAYERS) - {package}


def test_every_package_imports_only_packages_below_it():
    upward = {
        package: sorted(imported_packages(package) - set(LAYERS[:position]))
        for position, package in enumerate(LAYERS)
    }

    assert {package: above for package, above in upward.items() if above} == {}


def test_the_layers_name_every_package_of_the_project():
    base = Path(settings.BASE_DIR)
    packages = {
        path.parent.name
        for path in base.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench", "scripts"}
    }

    assert packages == set(LAYERS)
