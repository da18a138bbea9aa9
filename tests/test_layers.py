"""The layers of docs/architecture.md, checked on the code: imports point down, no package cycle.

tools/import_graph.py reads every module of canbo/* (tests, migrations and test factories aside) with `ast`;
nothing is imported, so this test takes no database and a second or two.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _graph_module():
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "tools" / "import_graph.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("import_graph", module)
    spec.loader.exec_module(module)
    return module


graph = _graph_module()


@pytest.fixture(scope="module")
def measured():
    return graph.measure()


def test_every_package_has_a_layer(measured):
    placed = {pkg for row in graph.LAYERS for pkg in row}
    assert sorted(measured["packages"] - placed) == [], (
        "add the new package to LAYERS (and docs/architecture.md)"
    )
    assert sorted(placed - measured["packages"]) == []


def test_imports_point_down(measured):
    upward = {}
    for a, b, path, line, _ in measured["upward"]:
        upward.setdefault((a, b), []).append(f"{path}:{line}")
    new = {pair: where for pair, where in upward.items() if pair not in graph.KNOWN_UPWARD}
    assert new == {}, (
        "an import points up a layer (docs/architecture.md): expose a function from the lower app"
    )
    gone = sorted(set(graph.KNOWN_UPWARD) - set(upward))
    assert gone == [], "this upward link is gone: strike it from KNOWN_UPWARD in tools/import_graph.py"


def test_no_cycle_besides_the_known_upward_links(measured):
    edges = measured["edges"] - set(graph.KNOWN_UPWARD)
    assert graph.cycles(edges) == []


def test_no_new_function_level_import_between_apps(measured):
    """A lazy import hides a tangle; only the known upward links (and AppConfig.ready) keep any."""
    lazy = [
        f"{path}:{line} ({a} -> {b})"
        for a, b, path, line, _ in measured["lazy"]
        if (a, b) not in graph.KNOWN_UPWARD
    ]
    assert lazy == []


def _write(root: Path, files: dict[str, str]) -> Path:
    src = root / "canbo"
    for name, text in files.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return src


def test_the_check_sees_an_upward_import_a_lazy_one_and_a_cycle(tmp_path):
    src = _write(
        tmp_path,
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/views.py": "def page():\n    from canbo.people.models import Person\n",
            "people/__init__.py": "",
            "people/models.py": "from canbo.core import views\nfrom ..core.text import unaccent\n",
            "people/tests/test_x.py": "from canbo.org import models\n",
        },
    )
    measured = graph.measure(src)

    assert measured["edges"] == {("core", "people"), ("people", "core")}
    assert [(a, b, lazy) for a, b, _, _, lazy in measured["upward"]] == [("core", "people", True)]
    assert measured["cycles"] == [["core", "people"]]
    assert [(a, b) for a, b, *_ in measured["lazy"]] == [("core", "people")]


def test_no_module_imports_another_that_imports_it_back():
    """Within an app too (reports/base.py and reports/forms.py once did, through a lazy import)."""
    assert graph.cycles(graph.module_edges()) == []
