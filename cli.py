"""orggraph command line: thin click commands over library functions (how to add one: docs/contributing.md)."""
from __future__ import annotations

import json
import os
import re
import shlex
import sys
from typing import Any

import click

from graph_model.printable import one_line, terminal


# --------------------------------------------------------------------------- shared plumbing
class State:
    """Per-invocation state: where the store is, and the graph loaded lazily from it."""

    def __init__(self, store_path: str | None, history: bool = False, command: str | None = None):
        self.store_path = store_path
        self.history = history
        self.command = command
        self._store: Any = None  # graph_model.store.store.Store, opened when first asked for
        self._graph: Any = None

    def check_store(self) -> None:
        """Only the default location falls back to the bundled samples: a mistyped --store or
        ORGGRAPH_STORE must not answer from them as if it were the store meant."""
        from pathlib import Path

        from graph_model.errors import StoreError
        try:
            missing = self.store_path is not None and not Path(self.store_path).expanduser().exists()
        except OSError as exc:  # a folder on the way that this user may not enter
            raise StoreError(f"{self.store_path}: cannot be read ({exc.strerror})") from None
        if missing:
            from loaders.read.reading import link_loop  # only for a store that is not there
            if link_loop(Path(str(self.store_path)).expanduser()):
                raise StoreError(f"{self.store_path}: is a loop of symbolic links (point the link at the store file)")
        if missing and self.command != "load":
            raise StoreError(f"{self.store_path}: no such store (create it with `orggraph --store "
                             f"{self.store_path} load FILE…`; without --store and ORGGRAPH_STORE, "
                             "commands read the bundled sample corpus)")

    def store(self):
        if self._store is None:
            from graph_model.store.store import open_store
            self.check_store()
            self._store = open_store(self.store_path)
        return self._store

    def graph(self):
        """The working graph (store, or the bundled corpus when no store file exists)."""
        if self._graph is None:
            self._graph = self.store().graph(history=self.history)
        return self._graph

    def fingerprint(self) -> str:
        return self.store().fingerprint + (":history" if self.history else "")

    def invalidate(self) -> None:
        """Forget cached data after the store changed."""
        if self._store is not None:
            self._store.close()
        self._store = self._graph = None


pass_state = click.make_pass_decorator(State)


def json_option(f):
    """Add ``--json`` (machine-readable output) to a command; the value arrives as ``as_json``."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=_json_default)


def _json_default(obj):
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    if hasattr(obj, "to_dict"):  # the library's typed results
        return obj.to_dict()
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def emit(result, as_json: bool, render) -> None:
    """Print ``result`` as JSON (``--json``) or as the text ``render(result)`` returns."""
    text = to_json(result) if as_json else terminal(render(result))
    if text:
        click.echo(text.rstrip("\n"))


NOTHING_FOUND = 1  # exit status when a query finds nothing (like grep); errors exit 1 too, usage errors 2


def nothing_found() -> None:
    """End the command with the "nothing found" exit status (after printing what was found: nothing)."""
    click.get_current_context().exit(NOTHING_FOUND)


def plain_terminal() -> bool:
    """The user asked for no colour or animation: NO_COLOR set (https://no-color.org) or TERM=dumb."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def styled(stream) -> bool:
    """Whether to style text (colour, bold) and animate progress on ``stream``: a terminal that wants it.

    click decides what a terminal is (and its test runner's ``color=True`` pretends one).
    """
    from click.globals import resolve_color_default
    return not plain_terminal() and not click.utils.should_strip_ansi(stream, resolve_color_default())


def progressbar(length: int, label: str):
    """A progress bar on stderr, drawn only where :func:`styled` allows (else it prints nothing)."""
    return click.progressbar(length=length, label=label, file=sys.stderr, hidden=not styled(sys.stderr))


# --------------------------------------------------------------------------- errors
GLOBAL_OPTIONS = {"--store": True, "--all": False, "--version": False}  # option -> takes a value


def error_kind(exc: Exception) -> str:
    """The ``kind`` of a --json error: each error carries its own (graph_model/errors.py); click's usage
    errors are ``usage``."""
    return "usage" if isinstance(exc, click.UsageError) else getattr(exc, "kind", "error")


class JsonError(click.ClickException):
    """An error reported as ``{"error": {"message", "kind", …}}`` on stdout (``--json``), same exit status."""

    def __init__(self, exc: Exception, exit_code: int):
        message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class; each error has its own
        self.error: dict[str, Any] = {"message": message, "kind": error_kind(exc)}
        for key in ("candidates", "suggestions"):  # what an unknown or ambiguous name could have meant
            if getattr(exc, key, None):
                self.error[key] = list(getattr(exc, key))

    def show(self, file=None) -> None:
        click.echo(to_json({"error": self.error}))


def wants_json(argv: list[str]) -> bool:
    """``--json`` among the options (not after ``--``, where it would be an argument)."""
    return "--json" in (argv[:argv.index("--")] if "--" in argv else argv)


def _command_line(argv: list[str]) -> str:
    """The command line to type: words quoted only where the shell needs it (Chinese needs none)."""
    return "orggraph " + " ".join(a if re.fullmatch(r"[^\s'\"\\$`!*?;&|<>(){}\[\]#~]+", a) else shlex.quote(a)
                                  for a in argv)


def global_option_error(exc: click.NoSuchOption, argv: list[str]) -> click.UsageError | None:
    """``tree --store x``: say that --store is a global option, and show the command line with it first."""
    name = exc.option_name
    if name not in GLOBAL_OPTIONS:
        return None
    rest: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if not moved and (a == name or a.startswith(name + "=")):
            takes = GLOBAL_OPTIONS[name] and a == name and i + 1 < len(argv)
            moved = argv[i:i + 2] if takes else [a]
            i += len(moved)
            continue
        rest.append(a)
        i += 1
    return click.UsageError(f"{name} is a global option: it goes before the command "
                            f"({_command_line(moved + rest)})", ctx=exc.ctx)


class OrgGraphGroup(click.Group):
    """Turns library errors into one-line messages (``Error: …``, exit 1), or JSON with ``--json``."""

    def parse_args(self, ctx, args):
        ctx.meta["orggraph.argv"] = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:
            raise self.reported(ctx, exc) from None

    def invoke(self, ctx):
        from graph_model.errors import OrgGraphError
        try:
            return super().invoke(ctx)
        except (OrgGraphError, click.ClickException) as exc:
            raise self.reported(ctx, exc) from None

    @staticmethod
    def reported(ctx, exc: Exception) -> click.ClickException:
        """The exception main() shows: a global option misplaced says so; with --json, the error as JSON."""
        argv = ctx.meta.get("orggraph.argv", [])
        if isinstance(exc, click.NoSuchOption):
            exc = global_option_error(exc, argv) or exc
        code = exc.exit_code if isinstance(exc, click.ClickException) else 1
        exc = history_hint(ctx.obj, argv, exc) or short_name_hint(exc)
        if wants_json(argv):
            return JsonError(exc, code)
        if not isinstance(exc, click.ClickException):
            exc = click.ClickException(str(exc))
        exc.message = one_line(exc.message)  # type: ignore[misc]  # a file name or a server's words cannot forge a second line
        return exc


def history_hint(state: State | None, argv: list[str], exc: Exception) -> Exception | None:
    """An unknown UNIT of the current view that names a body that is history (衛生署, or 環保署: short for
    環境保護署) says so, and how to see it: what ended is left out of every command but for ``--all``, and
    "no unit named" alone reads as if no document ever set it up.  Not for ``history``, which reads every
    document as --all already: --all would change nothing (short_name_hint gives the name to give)."""
    from graph_model.errors import OrgGraphError, UnknownUnit
    if not isinstance(exc, UnknownUnit) or state is None or state.history or state.command in ("load", "history"):
        return None
    from queries.lookup.vocabulary import short_names
    from queries.textnorm import fold
    from queries.units import ended_unit, status_text
    row = short_names().get(fold(exc.ref).strip())
    try:
        graph = state.store().graph(history=True)
    except OrgGraphError:
        return None
    ended, named = ended_unit(graph, exc.ref), exc.ref
    if ended is None and row is not None:
        try:
            state.graph().resolve(row.full)
            return None  # a current body by the name it stands for: short_name_hint says which name to give
        except OrgGraphError:
            ended, named = ended_unit(graph, row.full), row.full
    if ended is None:
        return None
    short = f" ({exc.ref} is short for {row.full}, {row.source})" if named != exc.ref and row is not None else ""
    timeline = f", or see `orggraph history {named}`" if ended["kind"] == "Agency" else ""
    hinted = UnknownUnit(exc.ref)
    # the command to type names the body as UNIT reads it: by its name, not the short one (--all reads no short name)
    again = [named if a == exc.ref else a for a in argv]
    hinted.args = (f"no unit named {exc.ref!r} in the current government{short}: {ended['breadcrumb']} is history "
                   f"({status_text(ended)}); add --all to see it ({_command_line(['--all', *again])}){timeline}",)
    return hinted


def short_name_hint(exc: Exception) -> Exception:
    """An unknown UNIT that is an agency's reviewed short name (金管會, NCC) says the name to give: UNIT is read by
    the names the documents give (graph_model/records/unitref.py), which no short name of the list is."""
    from graph_model.errors import UnknownUnit
    if not isinstance(exc, UnknownUnit):
        return exc
    from queries.lookup.vocabulary import short_names
    from queries.textnorm import fold
    row = short_names().get(fold(exc.ref).strip())
    if row is None:
        return exc
    hinted = UnknownUnit(exc.ref)
    hinted.args = (f"no unit named {exc.ref!r}: {exc.ref} is short for {row.full} ({row.source}); "
                   f"give the name {row.full}",)
    return hinted


@click.group(cls=OrgGraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_path", metavar="FILE", envvar="ORGGRAPH_STORE",
              help="Store file (default: $ORGGRAPH_STORE, else "
                   "${XDG_DATA_HOME:-~/.local/share}/orggraph/store.sqlite). "
                   "With no store at the default location, commands read the bundled sample corpus.")
@click.option("--all", "history", is_flag=True,
              help="Include abolished documents (廢止) and what they set up; by default the graph is the "
                   "current government.")
@click.version_option(package_name="orggraph", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx, store_path, history):
    """Turn Taiwanese government organization documents into a queryable graph.

    Load documents with `orggraph load FILE|DIR`, then ask: `orggraph which 印信管理`
    (which unit handles a duty), `orggraph tree`, `orggraph show UNIT`, `orggraph stats`,
    `orggraph validate`, `orggraph chart UNIT -o FILE`.  Queries are in Chinese.
    Global options (--store, --all) go before the command.
    """
    if store_path is not None and not store_path.strip():
        # --store "$STORE" with STORE unset read the bundled samples as if no store were named: a typo must not
        # answer from them.  An empty ORGGRAPH_STORE is unset, as empty variables usually are.
        if ctx.get_parameter_source("store_path") == click.core.ParameterSource.COMMANDLINE:
            raise click.BadParameter("is empty: give a file name (orggraph --store laws.sqlite …)",
                                     param_hint="--store")
        store_path = None
    ctx.obj = State(store_path, history, ctx.invoked_subcommand)
    if plain_terminal():
        ctx.color = False  # click.echo strips any styling; sub-commands inherit this


def main(argv=None):
    """Console-script entry point (``orggraph``)."""
    return cli.main(args=argv, prog_name="orggraph")  # click exits quietly on a closed pipe (`| head`)


# --------------------------------------------------------------------------- load
@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--genre", metavar="GENRE", callback=lambda ctx, param, value: known_genre(value),
              help="Document genre when it cannot be detected: org_act, office_rules, budget, procedures.")
@click.option("--samples", is_flag=True, help="Also load the bundled sample corpus.")
@click.option("--agency", metavar="NAME",
              help="The organization the documents belong to, when they call it only 本局/本署 "
                   "(e.g. 經濟部智慧財產局).")
@click.option("--strict", is_flag=True,
              help="All or nothing: stop at the first file that cannot be loaded and leave the store as it was.")
@json_option
@pass_state
def load(state, paths, genre, samples, agency, strict, as_json):
    """Parse documents into the store; re-loading a document replaces it.

    PATH is a document (.txt, or .json of the national laws database's open data) or a
    directory of them (read recursively).  Every file that can be read is loaded and
    every one refused is listed with its reason (exit status 1 when any was); the store
    is written once, at the end, so an interrupted load leaves it as it was.
    """
    if not paths and not samples:
        raise click.UsageError("give at least one PATH (or --samples)")
    bar = None
    if styled(sys.stderr) and not as_json:
        bar = progressbar(1, "parsing")

    def progress(done, total):
        assert bar is not None  # passed only with a bar
        bar.length = total
        bar.update(done - bar.pos)

    from graph_model.store.store import bundled_store
    from loaders.batch import Batch, read_paths

    try:
        batch = read_paths(paths, genre=genre, agency=agency, strict=strict,
                           progress=progress if bar else None) if paths else Batch()
    finally:
        if bar:
            bar.render_finish()
    documents: dict[str, Any] = dict(batch.documents)
    if samples:
        documents = {i: (d["document"]["path"], d) for i, d in bundled_store().documents.items()} | documents
    summary = state.store().add(documents, batch.refused)
    summary["documents"] += [{"id": d["id"], "path": d["path"], "action": f"same as {d['same_as']}",
                              "genre": d["genre"], "units": 0, "duties": 0, "unplaced": 0} for d in batch.same]
    state.invalidate()
    if summary.get("converted_from") == "json":
        click.echo(f"converted {one_line(summary['store'])} from a JSON store to an SQLite database (older orggraph "
                   "versions cannot read it)", err=True)
    emit(summary, as_json, _render_load)
    if summary["refused"]:
        sys.exit(1)


def known_genre(value: str | None) -> str | None:
    """``--genre`` is one of the loaders' genres: another value is a usage error (exit 2), said once, rather
    than the same refusal for every file of a directory."""
    if value is None:
        return None
    from loaders import GENRES
    if value not in GENRES:
        raise click.BadParameter(f"{value!r} is no genre: use one of {', '.join(GENRES)}", param_hint="--genre")
    return value


def _render_load(summary: dict) -> str:
    docs = summary["documents"]
    lines = []
    if len(docs) <= 20:
        lines = [f"{d['id']} ({d['genre']}): {d['action']}, kept once" if d["action"].startswith("same as") else
                 f"{d['action']} {d['id']} ({d['genre']}): {d['units']} units, {d['duties']} duties"
                 + (f", {d['unplaced']} unplaced spans" if d["unplaced"] else "") for d in docs]
    else:
        counts = {a: sum(d["action"] == a for d in docs) for a in ("added", "replaced", "unchanged")}
        counts["kept once (same file as another)"] = sum(d["action"].startswith("same as") for d in docs)
        lines.append(f"{len(docs)} documents: " + ", ".join(f"{n} {a}" for a, n in counts.items()) +
                     f"; {sum(d['units'] for d in docs)} units, {sum(d['duties'] for d in docs)} duties")
    if summary["refused"]:
        lines.append(f"refused {len(summary['refused'])} file{'s' if len(summary['refused']) != 1 else ''}:")
        lines += [f"  {one_line(r['error'])}" for r in summary["refused"]]
    n = summary["total_documents"]
    lines.append(f"store {summary['store']}: {n} document{'s' if n != 1 else ''}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- stats
@cli.command()
@json_option
@pass_state
def stats(state, as_json):
    """Count documents, units by kind, duties and relationships."""
    from queries.stats import render_stats, stats as stats_of
    counts = stats_of(state.graph())
    if not state.history:  # 559 documents after loading 1,445 reads as a failed load unless it says why
        ended = state.store().document_count() - len(counts["documents"])
        if ended > 0:
            counts["history_documents"] = ended
    emit(counts, as_json, render_stats)


# --------------------------------------------------------------------------- show / tree
@cli.command()
@click.argument("unit")
@json_option
@pass_state
def show(state, unit, as_json):
    """Show a unit: its place, children, and duties with their sources.

    UNIT is an id (財政部/關務署/基隆關/稽查組), a path suffix (基隆關/稽查組)
    or a unique name (稽查組 when only one unit has that name).
    """
    from queries.units import render_show, show as show_unit
    emit(show_unit(state.graph(), unit), as_json, render_show)


@cli.command()
@click.argument("unit", required=False)
@click.option("--depth", type=click.IntRange(min=0), default=None, help="Levels below UNIT to show.")
@click.option("--mentioned", is_flag=True,
              help="Also show units only named in procedures (no loaded document sets them up).")
@json_option
@pass_state
def tree(state, unit, depth, mentioned, as_json):
    """Print the hierarchy under UNIT (every organization when UNIT is omitted)."""
    from queries.units import mentioned_below, render_tree, tree as tree_of
    graph = state.graph()
    hidden = 0 if mentioned else mentioned_below(graph, unit)
    trees = tree_of(graph, unit, depth=depth, mentioned=mentioned)
    if not trees and not hidden and not state.history \
            and tree_of(state.store().graph(history=True), unit, depth=0, mentioned=mentioned):
        # Every document loaded is history (an old act loaded alone): an empty tree would read as a failed load.
        emit(trees, as_json, lambda t: "(nothing current: every loaded document is history; add --all: "
             f"{_command_line(['--all', *click.get_current_context().find_root().meta['orggraph.argv']])})")
        return
    emit(trees, as_json, lambda t: render_tree(t, hidden))


# --------------------------------------------------------------------------- validate
@cli.command()
@json_option
@pass_state
def validate(state, as_json):
    """Data-quality report: units without duties, unplaced text, duplicate names."""
    from queries.validate import cached_validate, render_validate
    emit(cached_validate(state.store(), state.graph, state.history), as_json, render_validate)


# --------------------------------------------------------------------------- export
@cli.command()
@click.argument("unit", required=False)
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "gexf", "csv", "jsonld", "mermaid"]),
              help="Output format (default: from FILE's extension, else json).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default=None,
              help="Write to FILE (atomically) instead of stdout: .json .graphml .gexf .csv .jsonld .mmd/.mermaid.")
@click.option("--depth", type=click.IntRange(min=0), default=None, help="Levels below UNIT to export.")
@click.option("--table", type=click.Choice(["duties", "units"]), default=None,
              help="csv: one row per unit and duty (default), or one row per unit.")
@pass_state
def export(state, unit, fmt, output, depth, table):
    """Export the graph, or the sub-tree at UNIT, for other tools.

    \b
    json     networkx node-link (every node and edge; the default)
    graphml  yEd and Gephi, labels shown
    gexf     Gephi
    csv      spreadsheets (UTF-8 with BOM; --table duties|units)
    jsonld   W3C Organization Ontology (org:)
    mermaid  flowchart for Markdown

    \b
    orggraph export -o graph.graphml
    orggraph export 關務署 -o duties.csv
    orggraph export 關務署 --depth 1 --format mermaid -o -
    """
    from queries.export import export as export_graph, output_format
    from queries.export.mermaid import MAX_EDGES
    fmt = output_format(output, fmt)
    if table and fmt != "csv":
        raise click.UsageError(f"--table is for --format csv, not {fmt}")
    text = export_graph(state.graph(), fmt=fmt, unit=unit, depth=depth, table=table or "duties")
    if fmt == "mermaid" and text.count(" --> ") > MAX_EDGES:
        click.echo(f"Warning: {text.count(' --> ')} links; Mermaid draws at most {MAX_EDGES} by default "
                   "(use --depth, or raise maxEdges in its configuration)", err=True)
    if output and output != "-":  # "-" is standard output, as usual
        from graph_model.errors import ExportError
        from graph_model.store.files import atomic_write
        atomic_write(output, text.encode("utf-8"), error=ExportError)
    else:
        click.echo(text, nl=False)


# --------------------------------------------------------------------------- (add new commands below)


# --------------------------------------------------------------------------- which
@cli.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--agency", metavar="UNIT", help="Only units at or under UNIT (id, path suffix or name).")
@click.option("--type", "unit_type", metavar="TYPE",
              help="Only units of a kind (Division, BranchOffice, Section …) or type (組, 科, 分關 …).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Number of hits (units that share the same evidence all appear).")
@click.option("--explain", is_flag=True, help="Show how each hit scored.")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
              help="Answer from the embedded index, or from Neo4j's full-text indexes "
                   "(server from $NEO4J_URI/$NEO4J_USERNAME/$NEO4J_PASSWORD/$NEO4J_DATABASE; push first).")
@json_option
@pass_state
def which(state, query, agency, unit_type, top, explain, backend, as_json):
    """Which units handle QUERY, best first, with the duty statements that say so.

    QUERY is a phrase (保稅工廠監管), a question (誰負責國會聯絡？) or Simplified
    Chinese (缉私案件).  Exit status 1 when no unit matches (like grep).
    """
    from queries.lookup import lookup, render_reading, render_which, store_index
    text = " ".join(query).strip()
    if not text:
        raise click.UsageError("give a QUERY, e.g. orggraph which 保稅工廠監管")

    def where():
        # The index is cached with the store, for its version: opening the store reads no document,
        # and the graph is built only on a miss.
        return store_index(state.store(), state.history)

    answer, suggest = lookup(backend, text, where=where, build=state.graph, agency=agency,
                             unit_type=unit_type, top=top, explain=explain, history=state.history,
                             source=state.fingerprint() if backend == "neo4j" else "")
    for warning in answer.warnings:
        click.echo(f"Warning: {warning}", err=True)
    hits = answer.hits
    if as_json:
        scope = answer.scope.to_dict() if answer.scope else None
        click.echo(to_json([{**h.to_dict(), **({"scope": scope} if scope else {})} for h in hits]))
    else:
        style = (lambda s: click.style(s, fg="yellow", bold=True)) if styled(sys.stdout) else None
        lines = render_reading(answer, state.history) if explain else []
        lines += answer.notes
        filters = (f" of type {unit_type}" if unit_type else "") + (f" under {agency}" if agency else "")
        click.echo("\n".join(lines + [render_which(hits, text, style=style, suggest=None if hits else suggest(),
                                                    within=filters)]))
        if not hits and filters:
            # Say whether the filter is what left nothing: the same question asked of every unit.
            wider, _ = lookup(backend, text, where=where, build=state.graph, top=1, history=state.history,
                              source=state.fingerprint() if backend == "neo4j" else "")
            if wider.hits:
                given = " and ".join(o for o, v in (("--type", unit_type), ("--agency", agency)) if v)
                click.echo(f"Without {given}, {wider.hits[0].breadcrumb} answers first.")
    if not hits:
        nothing_found()


# --------------------------------------------------------------------------- chart
@cli.command()
@click.argument("unit", required=False)
@click.option("-o", "--output", metavar="FILE", required=True,
              help="File to write: .png, .svg, .pdf, .dot or .html (written whole or not at all); "
                   "- for standard output (with --format).")
@click.option("--format", "fmt", type=click.Choice(["png", "svg", "pdf", "dot", "html"], case_sensitive=False),
              help="Output format (default: from FILE's extension).")
@click.option("--depth", type=click.IntRange(min=0), default=None, help="Levels below UNIT to draw.")
@click.option("--highlight", metavar="QUERY", help="Fill the units that `which QUERY --agency UNIT` returns.")
@click.option("--direction", type=click.Choice(["TB", "LR"], case_sensitive=False), default="TB",
              show_default=True, help="Top to bottom, or left to right.")
@click.option("--headcount", is_flag=True, help="Show each unit's headcount (where the graph has one).")
@click.option("--duties", type=click.IntRange(min=0), default=0, metavar="N", help="List up to N duties per unit.")
@click.option("--stack/--no-stack", default=None,
              help="Stack leaf units in columns under their parent (default: when a level is wide).")
@click.option("--font", metavar="NAME", default="Noto Sans CJK TC", show_default=True,
              help="Font family (must cover every character drawn).")
@click.option("--procedure", "procedure_name", metavar="NAME",
              help="Draw the flow of the procedure NAME (its title or a fragment) instead of an org chart.")
@click.option("--paper", type=click.Choice(["A4", "A3"], case_sensitive=False),
              help="Lay the chart out on a sheet of paper (png, svg, pdf), text at 7 pt or more.")
@click.option("--landscape", is_flag=True, help="The paper turned sideways (with --paper).")
@click.option("--dpi", type=click.IntRange(30, 1200), help="PNG resolution (default 150 on paper, else 96).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the legend and the small print in the boxes.")
@json_option
@pass_state
def chart(state, unit, output, fmt, depth, highlight, direction, headcount, duties, stack, font, procedure_name,
          paper, landscape, dpi, lang, as_json, quiet=False):
    """Draw the org chart of UNIT (every top organization when UNIT is omitted), or a procedure's flow.

    \b
    orggraph chart 關務署 -o customs.png
    orggraph chart 基隆關 -o keelung.svg --duties 2 --highlight 查緝
    orggraph chart --procedure 撫卹 -o pension.png
    orggraph chart 關務署 -o customs.html    (interactive: search, side panel, zoom)
    """
    if output == "-":  # standard output, as export's -o - writes: the chart is made in a file, then copied
        if not fmt:
            raise click.UsageError("-o - writes the chart to standard output: give its --format too")
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            made = os.path.join(tmp, f"chart.{fmt.lower()}")
            click.get_current_context().invoke(
                chart, unit=unit, output=made, fmt=fmt, depth=depth, highlight=highlight, direction=direction,
                headcount=headcount, duties=duties, stack=stack, font=font, procedure_name=procedure_name,
                paper=paper, landscape=landscape, dpi=dpi, lang=lang, as_json=None, quiet=True)
            with open(made, "rb") as fh:
                sys.stdout.buffer.write(fh.read())
            sys.stdout.buffer.flush()
        return
    from queries.charts import Page, output_format, units_matching, write_chart
    if landscape and not paper:
        raise click.UsageError("--landscape turns the paper: give --paper A4 or A3 too")
    graph = state.graph()
    if (fmt or "").lower() == "html" or (not fmt and output.lower().endswith((".html", ".htm"))):  # before
        # output_format, which knows only the Graphviz formats
        _html_chart(state, unit, output, None if quiet else as_json, procedure=procedure_name, depth=depth,
                    highlight=highlight, headcount=headcount, duties=duties, stack=stack is not None, paper=paper,
                    dpi=dpi, quiet=quiet)
        return
    fmt = output_format(output, fmt)
    page = Page(paper.upper(), landscape) if paper else None
    if procedure_name is not None:
        _procedure_chart(graph, procedure_name, output, fmt, direction.upper(), font, as_json, page, dpi,
                         unit=unit, depth=depth, highlight=highlight, headcount=headcount, duties=duties,
                         stack=stack is not None, lang=lang != "zh", quiet=quiet)
        return
    ids = units_matching(graph, highlight, within=unit) if highlight else []
    result = write_chart(graph, unit, output, fmt, depth=depth, highlight=ids, highlight_label=highlight or "",
                         direction=direction.upper(), headcount=True if headcount else None, duties=duties,
                         stack=stack, font=font, lang=lang, page=page, dpi=dpi)
    for warning in result.warnings:
        click.echo(f"Warning: {one_line(warning)}", err=True)
    summary = {"output": str(output), "format": fmt, "units": len(result.units),
               "highlighted": sum(1 for u in result.units if u in set(ids)), "pages": result.pages,
               "warnings": result.warnings}
    if not quiet:
        emit(summary, as_json, lambda s: f"wrote {s['output']} ({s['format']}, {_units(s['units'])}"
                                         + (f", {s['highlighted']} highlighted" if highlight else "")
                                         + (f", on {s['pages']} pages" if s["pages"] > 1 else "") + ")")


def _html_chart(state, unit, output, as_json, quiet=False, **print_options):
    """``chart -o FILE.html``: the interactive chart (see queries.charts.html_chart); print-chart options do not
    apply."""
    from queries.charts import write_html_chart
    from queries.lookup import IndexFileError, cached_index, store_index
    given = [f"--{k}" for k, v in print_options.items() if v not in (None, False, 0, "")]
    if given:
        raise click.UsageError(f"{', '.join(given)} {'is' if len(given) == 1 else 'are'} not for HTML charts")
    # The page searches as `which` does, from the same cached index (rebuilt from the graph if damaged).
    index = cached_index(store_index(state.store(), state.history), state.graph)
    try:
        units = write_html_chart(state.graph(), unit, output, index)
    except IndexFileError:
        units = write_html_chart(state.graph(), unit, output)
    summary = {"output": str(output), "format": "html", "units": units}
    if not quiet:
        emit(summary, as_json, lambda s: f"wrote {s['output']} (html, {_units(s['units'])})")


def _units(n: int) -> str:
    return f"{n} unit{'' if n == 1 else 's'}"


def _procedure_chart(graph, name, output, fmt, direction, font, as_json, page, dpi, quiet=False,
                     **org_chart_options):
    """``chart --procedure NAME``: the flow chart of one procedure (see queries.charts.procedure_chart)."""
    from queries.charts import write_procedure_chart
    given = [("UNIT" if k == "unit" else f"--{k}") for k, v in org_chart_options.items()
             if v not in (None, False, 0, "")]
    if given:
        verb = "is" if len(given) == 1 else "are"
        raise click.UsageError(f"{', '.join(given)} {verb} for org charts, not for --procedure")
    result = write_procedure_chart(graph, name, output, fmt, font=font, direction=direction, page=page, dpi=dpi)
    for warning in result.warnings:
        click.echo(f"Warning: {one_line(warning)}", err=True)
    summary = {"output": str(output), "format": fmt, "procedure": result.procedure, "title": result.title,
               "steps": len(result.steps), "units": result.units, "warnings": result.warnings}
    if not quiet:
        emit(summary, as_json, lambda s: f"wrote {s['output']} ({s['format']}, {s['title']}: {s['steps']} steps)")


# --------------------------------------------------------------------------- neo4j / cypher
def neo4j_options(f):
    """--uri/--username/--database (default NEO4J_URI/NEO4J_USERNAME/NEO4J_DATABASE); password only from
    NEO4J_PASSWORD."""
    f = click.option("--database", metavar="NAME", help="Database (default: $NEO4J_DATABASE, else neo4j).")(f)
    f = click.option("--username", metavar="USER", help="User (default: $NEO4J_USERNAME, else neo4j).")(f)
    f = click.option("--uri", metavar="URI", help="Bolt URI (default: $NEO4J_URI, else bolt://127.0.0.1:7687).")(f)
    return f


@cli.group()
def neo4j():
    """Load the graph into a Neo4j server (password from $NEO4J_PASSWORD)."""


@neo4j.command("push")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Rows per UNWIND transaction.")
@neo4j_options
@json_option
@pass_state
def neo4j_push(state, batch_size, uri, username, database, as_json):
    """Push the graph, all or nothing: staged, then switched in one transaction (a failed push changes nothing)."""
    from graph_model.neo4j.connection import settings
    from graph_model.neo4j.writer import push, render_push
    from queries.lookup import cached_index, store_index
    from queries.lookup.neo4j_rows import lookup_nodes
    graph = state.graph()
    # The embedded lookup's own index (cached with the store): Neo4j ranks with its statistics.
    lookup = lookup_nodes(cached_index(store_index(state.store(), state.history), lambda: graph), state.history)
    total = graph.size() + sum(len(rows) for rows in lookup.values())
    with progressbar(total, "pushing") as bar:
        summary = push(graph, settings(uri, username, database), batch_size=batch_size, progress=bar.update,
                       source=state.fingerprint(), lookup=lookup)
    emit(summary, as_json, render_push)


@neo4j.command("guide")
@click.option("--port", type=click.IntRange(0, 65535), default=7480, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
def neo4j_guide(port):
    """Serve the Neo4j Browser guide (:play) and style sheet (:style) on localhost until Ctrl+C."""
    import threading

    from graph_model.neo4j.guide import instructions, serve
    server = serve(port)
    click.echo(instructions(server.url))
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


@neo4j.command("status")
@neo4j_options
@json_option
@pass_state
def neo4j_status(state, uri, username, database, as_json):
    """Is the server reachable, which orggraph run is in the database, does it match the store."""
    from graph_model.neo4j.connection import settings
    from graph_model.neo4j.writer import render_status, status
    emit(status(settings(uri, username, database), source=state.fingerprint()), as_json, render_status)


@neo4j.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (needed when stdin is not a terminal).")
@neo4j_options
@json_option
def neo4j_reset(yes, uri, username, database, as_json):
    """Remove exactly what orggraph wrote to Neo4j (its data, run record, indexes and constraints)."""
    from graph_model.neo4j.connection import settings
    from graph_model.neo4j.writer import render_reset, reset, status
    conf = settings(uri, username, database)
    if not yes:
        if not sys.stdin.isatty():
            raise click.ClickException("neo4j reset deletes what orggraph wrote; standard input is not a terminal, "
                                       "so pass --yes to confirm")
        st = status(conf)
        cur = st["current"]
        what = (f"run {cur['run']} ({cur['nodes']} nodes, {cur['relationships']} relationships)" if cur
                else "no current run")
        left = sum(x["nodes"] for x in st["leftovers"])
        click.confirm(f"Remove orggraph's data from {st['uri']} (database {st['database']}): {what}, "
                      f"{left} leftover nodes, {len(st['schema'])} indexes and constraints?", abort=True, err=True)
    emit(reset(conf), as_json, render_reset)


@cli.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="K=V",
              help="Query parameter $K (V is parsed as JSON when it can be, else a string). Repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop the query after this long (0: no limit).")
@neo4j_options
@json_option
def cypher(query, params, timeout, uri, username, database, as_json):
    """Run a read-only Cypher QUERY against Neo4j (writes are refused)."""
    from graph_model.neo4j.connection import cypher as run_cypher, render_table, settings
    if not query.strip():
        raise click.BadParameter("the query is empty (e.g. orggraph cypher 'MATCH (u:Unit) RETURN count(u)')",
                                 param_hint="QUERY")
    values = {}
    for p in params:
        key, sep, raw = p.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected K=V, got {p!r}", param_hint="--param")
        try:
            values[key] = json.loads(raw)
        except ValueError:
            values[key] = raw
    emit(run_cypher(settings(uri, username, database), query, values, timeout=timeout), as_json, render_table)



# --------------------------------------------------------------------------- staffing
@cli.command()
@click.argument("unit")
@click.option("--year", type=int, metavar="N", help="Budget year (民國, e.g. 109; default: the latest).")
@click.option("--title", metavar="TITLE", help="Only posts with this title (e.g. 科長).")
@json_option
@pass_state
def staffing(state, unit, year, title, as_json):
    """Posts (title, unit, rank, headcount min–max) and budget headcounts of UNIT.

    \b
    orggraph staffing 關稅總局 --title 科長
    orggraph staffing 關務署 --year 109
    """
    from queries.staffing import found, render_staffing, staffing as staffing_of, staffing_json
    graph = state.graph()
    result = staffing_of(graph, unit, year=year, title=title)
    emit(staffing_json(graph, result) if as_json else result, as_json, render_staffing)
    if not found(result):
        nothing_found()


# --------------------------------------------------------------------------- history
@cli.command()
@click.argument("agency", required=False)
@click.option("--as-of", "as_of", metavar="DATE", help="The agencies (under AGENCY, if given) that existed on DATE "
              "(YYYY-MM-DD; a year alone is its 1 January; or 民國99年1月1日, 99.1.1).")
@json_option
@pass_state
def history(state, agency, as_of, as_json):
    """How AGENCY came to be and what became of it: enacted, amended, succeeded, superseded, abolished,
    each with its date, document and the sentence that says so.  Reads every document loaded, as --all.

    \b
    orggraph history 交通部公路總局
    orggraph history --as-of 2012-01-01 交通部
    orggraph history --as-of 民國99年1月1日 交通部
    """
    from queries.history import as_of as agencies_as_of, as_of_date, history as history_of, render_as_of, render_history
    if as_of is not None:
        day = as_of_date(as_of)
        if day is None:
            raise click.BadParameter(f"{as_of!r} is not a date: give YYYY-MM-DD (2010-01-01), a year (2010: its "
                                     "1 January) or a date of the Republic (民國99年1月1日, 99.1.1)",
                                     param_hint="--as-of")
        as_of = day
    graph = state.store().graph(history=True)
    if as_of is not None:
        rows = agencies_as_of(graph, as_of, agency)
        emit(rows, as_json, lambda r: render_as_of(r, as_of))
        if not rows:
            nothing_found()
        return
    if agency is None:
        raise click.UsageError("give an AGENCY (orggraph history 交通部公路總局) or --as-of DATE")
    emit(history_of(graph, agency), as_json, render_history)


# --------------------------------------------------------------------------- procedure
@cli.command()
@click.argument("name")
@json_option
@pass_state
def procedure(state, name, as_json):
    """Show a procedure: legal basis, steps in order, time limit, notes, forms, units and their roles.

    NAME is the procedure's title or a fragment of it.

    \b
    orggraph procedure 撫卹
    orggraph procedure 留職停薪復職
    orggraph procedure 第35條    (a rule of office rules: who decides a 展期)
    """
    from queries.procedure import procedure as procedure_of, render_procedure
    emit(procedure_of(state.graph(), name), as_json, render_procedure)


# --------------------------------------------------------------------------- diff
@cli.command()
@click.argument("old")
@click.argument("new")
@json_option
@pass_state
def diff(state, old, new, as_json):
    """Where each duty went: the units of OLD matched to those of NEW, and each duty's holder now.

    OLD and NEW are two agencies (a predecessor and its successor) or two document ids (two
    versions of one law).  The graph is read with history whatever --all says: OLD is usually
    no longer current.  An agency in force is read from its current documents only.

    \b
    orggraph diff 交通部公路總局 交通部公路局
    orggraph diff 行政院環境保護署 環境部 --json
    """
    from queries.diff import diff as diff_of, render_diff
    store = state.store()
    current = {d["id"].removeprefix("doc:") for d in store.graph().nodes_with_label("Document")}
    result = diff_of(store.graph(history=True), old, new, current=current)
    emit(result.to_dict() if as_json else result, as_json, render_diff)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
