"""The layers point one way: documents → loaders → graph_model → queries → cli, and inside a package its stages
do (:data:`LAYERS`): in loaders, read → common → procedures, acts, budget → the package's entry; in graph_model,
records → graph → store and neo4j; in queries, its own modules → export and lookup → charts.

Every module's imports are read with :mod:`ast` — at the top and inside functions alike,
so a lazy import counts as much as any other.
"""
from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph_model", "loaders", "queries")


def project_modules() -> dict[str, Path]:
    """Dotted module name → file, for cli.py and every module of the packages."""
    found = {"cli": ROOT / "cli.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = project_modules()


def imports_of(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports (``from pkg import mod`` is the module ``pkg.mod``), and the
    packages whose ``__init__`` those imports run (``pkg`` for ``pkg.sub.mod``, unless ``name`` is in it)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in MODULES else module)
    found |= {package for m in found for package in packages_above(m) if not name.startswith(f"{package}.")}
    return {m for m in found if m in MODULES and m != name}


def packages_above(name: str) -> list[str]:
    """The packages a module lies in, outermost first: ``["queries", "queries.lookup"]`` for queries.lookup.search."""
    parts = name.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_import_reader_sees_every_kind_of_import():
    # A lazy relative import inside a function, a package's own module, and an absolute one.
    assert "graph_model.neo4j.cypher" in GRAPH["graph_model.neo4j.connection"]  # from . import cypher as q
    assert "graph_model.graph.graph" in GRAPH["graph_model.store.store"]  # inside Store.graph
    assert "graph_model.records.records" in GRAPH["loaders"]
    assert "queries.lookup.neo4j_lookup" in GRAPH["queries.lookup"]  # inside lookup()
    # Importing a module of another package runs that package's __init__ first.
    assert "queries.lookup" in GRAPH["queries.charts.chart"]  # from queries.lookup.which import which
    assert "queries.lookup" not in GRAPH["queries.lookup.which"]  # its own package, already being imported


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_graph_model_imports_neither_loaders_nor_queries():
    upward = {name: sorted(m for m in deps if m.split(".")[0] in ("loaders", "queries", "cli"))
              for name, deps in GRAPH.items() if name.split(".")[0] == "graph_model"}
    assert {name: deps for name, deps in upward.items() if deps} == {}


def test_loaders_import_neither_queries_nor_cli():
    upward = {name: sorted(m for m in deps if m.split(".")[0] in ("queries", "cli"))
              for name, deps in GRAPH.items() if name.split(".")[0] == "loaders"}
    assert {name: deps for name, deps in upward.items() if deps} == {}


def test_no_import_cycle_among_the_project_modules():
    assert cycles(GRAPH) == []


def package_of(name: str) -> str:
    """The package a module belongs to: ``queries.lookup`` for queries/lookup/search.py and for its ``__init__``."""
    return name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0] or name


# Inside each package, its stages in the order data flows through them, each with the stages it may import
# besides itself (an earlier one only: the order is the dict's).  A stage is a sub-package, or a module of the
# package's top level named here (loaders.common), or the rest of the package's top level.  A new sub-package
# takes its place here.
LAYERS: dict[str, dict[str, set[str]]] = {
    # A file is read into clean text (read); the genre parsers share common's helpers; the acts parser adds the
    # office rules' rules that read like procedures, and a budget book's chart is read for posts as the acts
    # are; the package's own modules (__init__: a genre → its parser; batch, samples) run them all.
    "loaders": {
        "loaders.read": set(),
        "loaders.common": {"loaders.read"},
        "loaders.procedures": {"loaders.read", "loaders.common"},
        "loaders.acts": {"loaders.read", "loaders.common", "loaders.procedures"},
        "loaders.budget": {"loaders.read", "loaders.common", "loaders.acts"},
        "loaders": {"loaders.read", "loaders.common", "loaders.procedures", "loaders.acts", "loaders.budget"},
    },
    # The records the loaders hand over → the graph built from them → the store that keeps the records and caches
    # the graph, and Neo4j that is pushed a graph; the package's top level (errors, lazy_re, printable,
    # textwidth) serves them all.
    "graph_model": {
        "graph_model": set(),
        "graph_model.records": {"graph_model"},
        "graph_model.graph": {"graph_model", "graph_model.records"},
        "graph_model.store": {"graph_model", "graph_model.records", "graph_model.graph"},
        "graph_model.neo4j": {"graph_model", "graph_model.records", "graph_model.graph"},
    },
    # Its own modules (units, staffing, procedure, entries, textnorm …) serve its sub-packages, and the charts
    # draw what the lookup finds (the interactive chart searches as `which` does).
    "queries": {
        "queries": set(),
        "queries.export": {"queries"},
        "queries.lookup": {"queries"},
        "queries.charts": {"queries", "queries.lookup"},
    },
}


def stage_of(name: str) -> str:
    """The stage of a module: one named in :data:`LAYERS` itself, else its package (:func:`package_of`)."""
    return name if name in LAYERS[name.split(".")[0]] else package_of(name)


def test_the_stages_are_listed_in_order():
    for package, stages in LAYERS.items():
        order = list(stages)
        assert {stage: sorted(s for s in allowed if order.index(s) >= order.index(stage))
                for stage, allowed in stages.items()
                if any(order.index(s) >= order.index(stage) for s in allowed)} == {}, package


def test_sub_packages_import_one_way():
    for package, stages in LAYERS.items():
        upward: dict[str, set[str]] = {}
        for name, deps in GRAPH.items():
            if name.split(".")[0] != package:
                continue
            stage = stage_of(name)
            allowed = stages.get(stage, set()) | {stage}
            upward.setdefault(stage, set()).update(
                stage_of(m) for m in deps if m.split(".")[0] == package and stage_of(m) not in allowed)
        assert set(upward) == set(stages), package  # every stage listed, and nothing else
        assert {stage: sorted(deps) for stage, deps in upward.items() if deps} == {}, package


def test_every_module_with_doctests_is_collected():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in config["addopts"]
    with_doctests = {name for name, path in MODULES.items() if ">>> " in path.read_text(encoding="utf-8")}
    assert with_doctests  # queries.lookup.search, graph_model.records.records …
    collected = {name for name in with_doctests if name.split(".")[0] in config["testpaths"]}
    assert collected == with_doctests


def graph_internals(source: str) -> list[int]:
    """Lines of ``source`` that read an attribute ``.g`` (OrgGraph's networkx graph)."""
    return sorted(node.lineno for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Attribute) and node.attr == "g")


def test_the_graph_internals_finder_sees_every_way_in():
    assert graph_internals("x = graph.g.nodes\ny = s.graph.g\nz = getattr(g, 'g')\nw = e.g2") == [1, 2]


def test_queries_and_cli_ask_the_graph_instead_of_networkx():
    # OrgGraph's accessors (out, into, get, edge, subgraph …) are the queries' way in; its
    # networkx graph is graph_model's own.
    touching = {name: graph_internals(path.read_text(encoding="utf-8")) for name, path in MODULES.items()
                if name == "cli" or name.split(".")[0] == "queries"}
    assert {name: lines for name, lines in touching.items() if lines} == {}


def test_every_package_names_its_public_api():
    packages = {name: path for name, path in MODULES.items() if path.name == "__init__.py"}
    assert {"graph_model", "loaders", "queries", "queries.lookup"} <= set(packages)
    unnamed = sorted(name for name, path in packages.items()
                     if not any(isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__"
                                                                     for t in node.targets)
                                for node in ast.parse(path.read_text(encoding="utf-8")).body))
    assert unnamed == []


def test_the_code_tells_no_history():
    # Comments and docstrings say why; which issue or session a line came from is git's to say.
    history = re.compile(r"\b(?:issue|session|round) \d+\b", re.I)
    sources = [*MODULES.values(), *sorted((ROOT / "tests").glob("*.py")), *sorted((ROOT / "eval").rglob("*.py")),
               *sorted((ROOT / "benchmarks").glob("*.py"))]
    told = [f"{path.relative_to(ROOT)}:{n}" for path in sources
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if history.search(line)]
    assert told == []


def test_tests_import_their_helpers_from_support_never_conftest_or_each_other():
    # pytest loads conftest.py itself (fixtures); a test module imported by another would run its tests twice.
    tests = ROOT / "tests"
    own = {path.stem for path in tests.glob("*.py")} - {"support"}
    imported = {f"{path.name} imports {name}" for path in sorted(tests.glob("*.py"))
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                for name in ([a.name for a in node.names] if isinstance(node, ast.Import)
                             else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                if name.split(".")[0] in own}
    assert imported == set()


def test_the_shared_graphs_are_made_by_one_fixture_each():
    # conftest's samples_graph and seed001_graph: a module needing them names them, and makes no copy.
    made = ('open_store("/nonexistent', "OrgGraph.build([load_path(SEED_BUDGET)])")
    copies = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list):
                body = ast.get_source_segment(source, node) or ""
                copies += [f"{path.name}: {node.name}" for way in made if way in body]
    assert copies == []


def test_files_are_replaced_in_one_place():
    # A file written whole or not at all (a temporary file beside it, renamed onto it) is written by
    # graph_model/store/files.py's temp_beside and replaced: one way, not a copy per module.
    ways = {"os.replace", "os.rename", "tempfile.mkstemp", "tempfile.NamedTemporaryFile"}
    found = sorted(f"{name}: {ast.unparse(node.func)}" for name, path in MODULES.items()
                   for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(node, ast.Call) and ast.unparse(node.func) in ways)
    assert found == ["graph_model.store.files: os.replace", "graph_model.store.files: tempfile.mkstemp"]
