"""The site's packages depend on each other in one direction only, from the top (the project's
URLs) down to the page cache: no circle, and nothing reaches a package above its own layer, by
an import, by a model named in a string ("home.HomePage") or by a template loading another
app's tags; and no circle between the modules of one app, even through an import inside a
function."""

import ast
import re
from pathlib import Path

from django.conf import settings

# Bottom first; a package may use only packages listed before it: the project's apps, as the
# settings list them, then the project package (settings and URLs).
LAYERS = [*settings.PROJECT_APPS, "liaise"]
BASE = Path(settings.BASE_DIR)
# "app_label.ModelName", as Django and Wagtail take models by name.
MODEL_REFERENCE = re.compile(r"^(\w+)\.([A-Z]\w*)$")
TEMPLATE_LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def source_files(package):
    """The package's modules, migrations aside (they record history, not dependencies)."""
    return [path for path in (BASE / package).rglob("*.py") if "migrations" not in path.parts]


def imports_of(path):
    """(module imported, level) of every import in the file, inside functions too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, 0) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            yield from ((f"{module}.{alias.name}".strip("."), node.level) for alias in node.names)


def imported_packages(package):
    """The project's top-level packages that the package's modules import."""
    found = {
        name.split(".")[0]
        for path in source_files(package)
        for name, level in imports_of(path)
        if not level
    }
    return found & set(LAYERS) - {package}


def packages_named_in_strings(package):
    """The apps whose models the package's modules name in a string ("home.HomePage")."""
    found = set()
    for path in source_files(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and (match := MODEL_REFERENCE.match(node.value)):
                found.add(match[1])
    return found & set(LAYERS) - {package}


def tag_libraries():
    """{name of a template tag library: the package that defines it}."""
    return {
        path.stem: path.parent.parent.name
        for package in LAYERS
        for path in (BASE / package).glob("templatetags/*.py")
        if path.stem != "__init__"
    }


def packages_of_loaded_tags(package):
    """The packages whose tag libraries the package's templates (templates/<package>/) load."""
    libraries = tag_libraries()
    found = set()
    for path in (BASE / "templates" / package).rglob("*.html"):
        for loaded in TEMPLATE_LOAD.findall(path.read_text(encoding="utf-8")):
            found.update(libraries[name] for name in loaded.split() if name in libraries)
    return found - {package}


def reaches_above(reached):
    """{package: the packages above it that `reached(package)` names}, where there are any."""
    upward = {
        package: sorted(reached(package) - set(LAYERS[:position]))
        for position, package in enumerate(LAYERS)
    }
    return {package: above for package, above in upward.items() if above}


def test_every_package_imports_only_packages_below_it():
    assert reaches_above(imported_packages) == {}


def test_no_package_names_a_model_of_a_package_above_it():
    assert reaches_above(packages_named_in_strings) == {}


def test_no_template_loads_the_tags_of_a_package_above_its_own():
    assert reaches_above(packages_of_loaded_tags) == {}


def module_graph(package):
    """{module: the modules of the same package it imports} (relative imports and absolute)."""
    graph = {}
    for path in source_files(package):
        module = ".".join(path.relative_to(BASE).with_suffix("").parts)
        parent = module.rsplit(".", 1)[0] if path.stem != "__init__" else module
        targets = set()
        for name, level in imports_of(path):
            if level:
                base = parent.rsplit(".", level - 1)[0] if level > 1 else parent
                name = f"{base}.{name}" if name else base
            targets.update(
                candidate
                for candidate in (name, name.rsplit(".", 1)[0])
                if candidate.startswith(f"{package}.") or candidate == package
            )
        graph[module] = targets - {module}
    return {module: {t for t in targets if t in graph} for module, targets in graph.items()}


def cycles(graph):
    """The cycles of a directed graph, each as a list of its nodes."""
    found, done = [], set()

    def visit(node, path):
        if node in path:
            found.append(path[path.index(node) :])
            return
        if node in done:
            return
        for target in sorted(graph[node]):
            visit(target, [*path, node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


def test_no_circle_between_the_modules_of_an_app():
    circles = {package: cycles(module_graph(package)) for package in LAYERS}

    assert {package: found for package, found in circles.items() if found} == {}


def test_the_layers_name_every_package_of_the_project():
    packages = {
        path.parent.name
        for path in BASE.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench", "scripts"}
    }

    assert packages == set(LAYERS)
