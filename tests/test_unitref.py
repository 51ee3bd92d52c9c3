"""One rule says which units a reference names (graph_model/records/unitref.py): `show`, `which --agency`,
the build's path lookup and the Neo4j lookup (tests/test_neo4j.py) all answer by it."""
from __future__ import annotations

import pytest

from graph_model.errors import AmbiguousUnit, UnknownUnit
from graph_model.graph.graph import OrgGraph
from graph_model.records.unitref import parse_unit_ref, units_named
from support import SEED_ACT, unit_references, unit_rows

ACT_LINES = SEED_ACT.read_text(encoding="utf-8").splitlines()


def test_show_and_which_agency_name_the_same_units(samples_graph):
    # `show` wants exactly one; `which --agency` takes all: the same units either way.
    from queries.lookup.which import index_of
    index = index_of(samples_graph)
    graph_rows, index_rows = unit_rows(samples_graph), [(u.id, u.path, u.full_name, u.aliases) for u in index.units]
    ids = [r[0] for r in graph_rows]
    refs = unit_references(samples_graph)
    assert len(refs) > 300
    several, nothing = 0, []
    for ref in refs:
        named = [ids[i] for i in units_named(ref, graph_rows)]
        assert [index.units[i].id for i in units_named(ref, index_rows)] == named, ref
        if len(named) == 1:
            assert samples_graph.resolve(ref) == named[0]
        elif not named:
            nothing.append(ref)
            with pytest.raises(UnknownUnit):
                samples_graph.resolve(ref)
        else:
            several += 1
            with pytest.raises(AmbiguousUnit) as err:
                samples_graph.resolve(ref)
            assert err.value.candidates == named
    assert several  # 稽查組, 秘書室 …: a name several agencies use
    # Only the aliases 本局 (「財政部關稅總局(以下簡稱本局)」, seed 002) name nothing: a self-reference.
    assert nothing and all(ref.split("/")[-1] == "本局" for ref in nothing)


def test_an_id_names_its_unit_alone():
    # 甲局 is an organization of its own and a unit under 乙部: its id names the first only.
    from graph_model.records.records import Source
    g = OrgGraph()
    for path in (("甲局",), ("乙部", "甲局")):
        g.add_unit(path, "Agency", "局", Source("d", 1))
    assert g.resolve("甲局") == "甲局"
    assert [u["id"] for u in g.units()] == ["乙部", "乙部/甲局", "甲局"]
    assert units_named("/甲局/", unit_rows(g)) == [2]
    assert units_named("乙部 › 甲局", unit_rows(g)) == [1]


@pytest.mark.parametrize("ref", ["", " / ", "›"])
def test_a_blank_reference_names_nothing(samples_graph, ref):
    assert parse_unit_ref(ref) == ("", [])
    with pytest.raises(UnknownUnit):
        samples_graph.resolve(ref)


def test_the_build_lookup_and_the_rule_agree_on_paths(national_documents):
    # find_unit/ending_with (records' paths, while building) and the rule give a path the same units,
    # but for the units a full name or an alias names besides (and an id, which names one alone).
    from graph_model.store.store import current_documents
    graph = OrgGraph.build(current_documents(national_documents))
    units = graph.units()
    table, by_id = unit_rows(graph), {u["id"]: u for u in units}
    checked = 0
    for u in units[::7]:
        path = u["path"]
        for n in range(1, len(path) + 1):
            suffix = path[-n:]
            by_path = graph.ending_with(suffix)
            named = [units[i]["id"] for i in units_named("/".join(suffix), table)]
            assert u["id"] in by_path
            if "/".join(suffix) in by_id:
                assert named == ["/".join(suffix)]
                continue
            assert set(by_path) <= set(named)
            assert all(suffix[-1] in (by_id[x]["full_name"], *by_id[x]["aliases"]) for x in set(named) - set(by_path))
            assert graph.find_unit(suffix) == (by_path[0] if len(by_path) == 1 else None)
            checked += 1
    assert checked > 1000


def test_which_agency_takes_a_full_name(run, tmp_path):
    # Seed 002 line 7: 「財政部關稅總局(以下簡稱本局)掌理左列事項」 — the full name names 關稅總局
    # for `show`, and now for `which --agency` too; its alias 本局, a self-reference, for neither.
    import json

    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    assert ACT_LINES[6].startswith("財政部關稅總局(以下簡稱本局)")
    store = tmp_path / "store.json"
    open_store(store).add(read_paths([SEED_ACT]).documents)
    by_name = run("--store", store, "which", "--json", "關稅", "--agency", "關稅總局")
    hits = json.loads(by_name.stdout)
    assert by_name.exit_code == 0 and hits
    assert all(h["unit"]["path"][:2] == ["財政部", "關稅總局"] for h in hits)
    for ref in ("財政部關稅總局", "財政部/財政部關稅總局", "財政部 › 財政部關稅總局"):
        by_full = run("--store", store, "which", "--json", "關稅", "--agency", ref)
        assert by_full.exit_code == 0, by_full.stderr
        assert json.loads(by_full.stdout) == hits
    for ref in ("財政部關稅局", "本局", "財政部/本局"):
        unknown = run("--store", store, "which", "關稅", "--agency", ref)
        assert unknown.exit_code == 1 and f"no unit named {ref!r}" in unknown.stderr


@pytest.mark.parametrize("ref", ["本局", "財政部/本局", "本部"])
def test_a_self_reference_names_no_unit(run, ref):
    # The bundled samples call 關稅總局 and 智慧財產局 本局 (their alias), each in its own document;
    # outside it the word names neither.
    shown = run("show", ref)
    assert shown.exit_code == 1 and f"no unit named {ref!r}" in shown.stderr
