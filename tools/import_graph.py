"""Measure the import graph of the canbo/* packages (issue 11).

    python tools/import_graph.py            # summary: packages, layers, links, upward links, cycles, lazy imports
    python tools/import_graph.py --details  # also every upward link, every cycle and every function-level import

App code only: tests and migrations are left out (a test may import any app).
An import inside a function counts as a link too, and is listed as function-level; an import under
``if TYPE_CHECKING`` never runs and is no link.

"Layers" is the length of the longest chain of imports once cycles are collapsed (what the code is); the
upward links are measured against the layers the house allows (``LAYERS`` below, the list written in
docs/architecture.md): a package may import its own layer's ground (``core``, ``jobs``, ``accounts``) and any
package in a lower layer; an import of a package in the same or a higher layer is an upward link.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "canbo"

# The allowed layers, ground first (docs/architecture.md shows the same list). A package may import only packages
# of lower layers; two packages of one layer know nothing of each other.
LAYERS: list[list[str]] = [
    ["core"],
    ["accounts"],
    ["jobs"],
    ["reports", "legal"],
    ["org"],
    ["people"],
    ["decisions"],
    ["dossier", "discipline", "emulation", "party", "surveys"],
    ["evaluation", "feedback", "salary"],
    ["training"],
    ["standards"],
    ["planning"],
    ["movements", "staffing"],
    ["imports", "nationaldb", "statforms", "notifications", "profileforms"],
    ["home", "demo"],
]

# Upward links that remain, each with the step that removes it. The layer test fails on any other upward link
# and when one of these is gone (then strike it here): the list only shrinks.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def layer_of() -> dict[str, int]:
    return {pkg: i for i, row in enumerate(LAYERS) for pkg in row}


def _skipped(path: Path, src: Path = SRC) -> bool:
    parts = path.relative_to(src).parts
    return "tests" in parts or "migrations" in parts or parts[-1] == "conftest.py"


def _module_name(path: Path, root: Path = ROOT) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class _Visitor(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool):
        self.module = module
        self.is_package = is_package
        self.depth = 0
        self.type_only = 0
        self.found: list[tuple[str, int, bool]] = []  # (target module, line, function-level)
        self.in_ready = 0  # inside AppConfig.ready(), where Django wants the imports of models and receivers

    def _nested(self, node):
        self.depth += 1
        ready = node.name == "ready"
        self.in_ready += ready
        self.generic_visit(node)
        self.in_ready -= ready
        self.depth -= 1

    def _lazy(self) -> bool | str:
        return "ready" if self.in_ready else self.depth > 0

    visit_FunctionDef = visit_AsyncFunctionDef = _nested

    def visit_If(self, node):
        test = node.test
        name = getattr(test, "id", None) or getattr(test, "attr", None)
        if name == "TYPE_CHECKING":
            # type-only imports never run: they are no dependency (counted apart, see `type_only`)
            self.type_only += sum(isinstance(c, ast.Import | ast.ImportFrom) for c in node.body)
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            self.found.append((alias.name, node.lineno, self._lazy()))

    def visit_ImportFrom(self, node):
        if node.level:
            base = self.module.split(".")
            if not self.is_package:
                base = base[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        if node.module is None or node.level:
            # ``from . import x`` may name submodules: record each name under the package
            for alias in node.names:
                self.found.append((f"{target}.{alias.name}", node.lineno, self._lazy()))
        else:
            self.found.append((target, node.lineno, self._lazy()))


def collect(src: Path = SRC, include_tests: bool = False):
    """Every import between two canbo packages: (source pkg, target pkg, file, line, function-level)."""
    links = []
    for path in sorted(src.rglob("*.py")):
        if not include_tests and _skipped(path, src):
            continue
        if "migrations" in path.relative_to(src).parts:
            continue
        module = _module_name(path, src.parent)
        visitor = _Visitor(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        source_pkg = module.split(".")[1] if module.count(".") >= 1 else None
        for target, line, lazy in visitor.found:
            parts = target.split(".")
            if len(parts) < 2 or parts[0] != "canbo" or source_pkg is None:
                continue
            target_pkg = parts[1]
            if target_pkg == source_pkg or not (src / target_pkg).is_dir():
                continue
            links.append((source_pkg, target_pkg, str(path.relative_to(src.parent)), line, lazy))
    return links


def module_edges(src: Path = SRC) -> set[tuple[str, str]]:
    """Imports between two modules of canbo (function-level ones too, AppConfig.ready aside)."""
    paths = [p for p in sorted(src.rglob("*.py")) if not _skipped(p, src)]
    modules = {_module_name(p, src.parent): p for p in paths}
    edges = set()
    for module, path in modules.items():
        visitor = _Visitor(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        for target, _, lazy in visitor.found:
            if lazy == "ready":
                continue
            while target and target not in modules:  # `from canbo.x.models import Name` names canbo.x.models
                target = target.rpartition(".")[0]
            if target and target != module:
                edges.add((module, target))
    return edges


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """Strongly connected components with more than one package (Tarjan)."""
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            strong(v)
    return out


def depth_layers(packages: set[str], edges: set[tuple[str, str]], comps: list[list[str]]) -> int:
    """Number of layers of the condensed graph: the longest chain of imports, counted in packages."""
    rep = {p: p for p in packages}
    for comp in comps:
        for p in comp:
            rep[p] = comp[0]
    graph = defaultdict(set)
    for a, b in edges:
        if rep[a] != rep[b]:
            graph[rep[a]].add(rep[b])
    memo: dict[str, int] = {}

    def height(v):
        if v not in memo:
            memo[v] = 1 + max((height(w) for w in graph[v]), default=0)
        return memo[v]

    return max((height(rep[p]) for p in packages), default=0)


def upward(links):
    layers = layer_of()
    out = []
    for link in links:
        a, b = link[0], link[1]
        if a not in layers or b not in layers:
            out.append(link)  # a package not placed in a layer is a fault of its own
        elif layers[b] >= layers[a]:
            out.append(link)
    return out


def measure(src: Path = SRC):
    links = collect(src)
    packages = {p.name for p in src.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    edges = {(a, b) for a, b, *_ in links}
    comps = cycles(edges)
    return {
        "links": links,
        "packages": packages,
        "edges": edges,
        "cycles": comps,
        "layers": depth_layers(packages, edges, comps),
        "upward": upward(links),
        "lazy": [link for link in links if link[4] is True],
        "ready": [link for link in links if link[4] == "ready"],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    parser.add_argument(
        "--src", type=Path, default=SRC, help="the canbo/ folder to read (e.g. of another checkout)"
    )
    args = parser.parse_args(argv)
    m = measure(args.src.resolve())
    up_edges = {(a, b) for a, b, *_ in m["upward"]}
    print(f"packages:               {len(m['packages'])}")
    print(f"layers (longest chain): {m['layers']}")
    print(f"import links (pairs):   {len(m['edges'])}   (import statements: {len(m['links'])})")
    print(f"upward links (pairs):   {len(up_edges)}   (import statements: {len(m['upward'])})")
    print(f"cycles:                 {len(m['cycles'])}   {m['cycles'] if m['cycles'] else ''}")
    print(
        f"function-level imports: {len(m['lazy'])}   (between packages; besides {len(m['ready'])} in AppConfig.ready)"
    )
    module_cycles = cycles(module_edges(args.src.resolve()))
    print(
        f"module cycles:          {len(module_cycles)}   (inside or across packages, lazy imports included)"
    )
    if args.details:
        print("\nupward links:")
        for a, b in sorted(up_edges):
            where = [f"{f}:{line}" for x, y, f, line, _ in m["upward"] if (x, y) == (a, b)]
            print(f"  {a} -> {b}: {', '.join(where)}")
        print("\nmodule cycles:")
        for comp in module_cycles:
            print("  " + ", ".join(comp))
        print("\nfunction-level imports:")
        for a, b, f, line, _ in m["lazy"]:
            print(f"  {a} -> {b}: {f}:{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
