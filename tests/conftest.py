"""Shared test fixtures (this file is shared: add fixtures in small, anchored edits).

Every test runs with its own ``XDG_DATA_HOME`` and no ``ORGGRAPH_STORE``, so no
test ever reads or writes the user's store; the bundled-corpus cache lives in one
session directory so it is parsed once per run.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import REPO, SEED_BUDGET, free_port


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory, _session_cache):
    """No test touches the user's store or cache."""
    monkeypatch.delenv("ORGGRAPH_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))


@pytest.fixture
def store_path(tmp_path):
    """Path of a store file that does not exist yet."""
    return tmp_path / "store.sqlite"


@pytest.fixture
def store001(store_path):
    """A store with only seed 001 loaded."""
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    open_store(store_path).add(read_paths([SEED_BUDGET]).documents)
    return store_path


@pytest.fixture(scope="module")
def samples_graph():
    """The graph of the bundled sample corpus (data/samples.json), as commands read it without a store."""
    from graph_model.store.store import open_store
    return open_store("/nonexistent/orggraph-test-store.json").graph()


@pytest.fixture(scope="module")
def seed001_graph():
    """The graph of seed 001 alone (a budget book), so expectations do not move when other loaders change."""
    from graph_model.graph.graph import OrgGraph
    from loaders import load_path
    return OrgGraph.build([load_path(SEED_BUDGET)])


@pytest.fixture
def run():
    """Run the CLI in-process: ``run("show", "稽查組")`` -> click Result (``.exit_code``, ``.stdout``, ``.stderr``)."""
    from click.testing import CliRunner

    from cli import cli

    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False,
                             prog_name="orggraph")  # as the console script names itself in messages

    return invoke


@pytest.fixture
def seed_copy(tmp_path):
    """Copy a seed (or corpus file) into tmp_path, optionally under another name: ``seed_copy(SEED_BUDGET)``."""
    def copy(src: Path, name: str | None = None) -> Path:
        dest = tmp_path / (name or src.name)
        shutil.copyfile(src, dest)
        return dest
    return copy


# --------------------------------------------------------------------------- neo4j
@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A throwaway Neo4j server (scripts/neo4j-server) for the session -> dict of NEO4J_* settings.

    Skips when Java (or, before the first jar download, Maven) is missing — except when
    CI=true, where the Neo4j tests must run.
    """
    import os
    import shlex
    import subprocess

    script = REPO / "scripts" / "neo4j-server"
    missing = [tool for tool in ("java",) if shutil.which(tool) is None and not os.environ.get("JAVA_HOME")]
    if not (REPO / "neo4j" / "lib" / ".complete").exists() and shutil.which("mvn") is None:
        missing.append("mvn")
    if missing:
        reason = f"Neo4j tests need {' and '.join(missing)} (scripts/neo4j-server); not found on PATH"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required when CI=true")
        pytest.skip(reason)
    home = tmp_path_factory.mktemp("neo4j-home")
    env = dict(os.environ, ORGGRAPH_NEO4J_HOME=str(home),
               ORGGRAPH_NEO4J_BOLT_PORT=str(free_port()), ORGGRAPH_NEO4J_HTTP_PORT=str(free_port()))
    started = subprocess.run([str(script), "start"], env=env, capture_output=True, text=True)
    try:
        if started.returncode != 0:
            pytest.fail("scripts/neo4j-server start failed:\n" + started.stderr[-3000:])
        out = subprocess.run([str(script), "env"], env=env, capture_output=True, text=True, check=True).stdout
        settings = {}
        for line in out.splitlines():
            key, _, value = line.removeprefix("export ").partition("=")
            settings[key] = shlex.split(value)[0] if value else ""
        yield settings
    finally:
        subprocess.run([str(script), "stop"], env=env, capture_output=True, text=True)


@pytest.fixture
def neo4j_env(neo4j_server, monkeypatch):
    """NEO4J_URI/USERNAME/PASSWORD/DATABASE of the test server in the environment."""
    for key, value in neo4j_server.items():
        monkeypatch.setenv(key, value)
    return neo4j_server


# --------------------------------------------------------------------------- the national corpus
@pytest.fixture(scope="session")
def national_documents():
    """Every document of data/national.tar.xz that `load` accepts, parsed once for the session
    (the 8 that it refuses are left out, as `load` leaves them)."""
    import sys
    sys.path.insert(0, str(REPO / "eval"))
    import corpus as national_corpus

    from graph_model.errors import OrgGraphError
    from loaders import parse_bytes
    docs = []
    for name, data in national_corpus.archive_files():
        try:
            docs.append(parse_bytes(data, name))
        except OrgGraphError:
            continue
    return docs


# --------------------------------------------------------------------------- browser
@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium (make test-deps installs it), driven by Playwright.

    Playwright's own browser download is not used: the project installs Chromium from the
    distribution.  Missing Chromium fails under CI=true and skips elsewhere.
    """
    import os
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        reason = "browser tests need Debian's chromium (make test-deps); not found on PATH"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " — required when CI=true")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser):
    """A fresh page (1280×900) that has no network: every test page must be self-contained."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, offline=True)
    try:
        yield context.new_page()
    finally:
        context.close()


# --------------------------------------------------------------------------- markers
# A test's markers follow from what it uses, so that `pytest -m "not neo4j and not browser"` is a quick run.
_MARKED_BY_FIXTURE = {"neo4j_server": "neo4j", "neo4j_env": "neo4j", "browser": "browser", "page": "browser",
                      "national_documents": "national"}
_NATIONAL_MODULES = {"test_national.py", "test_government_eval.py", "test_lineage_gold.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for fixture, marker in _MARKED_BY_FIXTURE.items():
            if fixture in names:
                item.add_marker(getattr(pytest.mark, marker))
        if item.path.name in _NATIONAL_MODULES:
            item.add_marker(pytest.mark.national)
