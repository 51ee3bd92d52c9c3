"""A record in parts read item by item (graph_model/store/record_stream.py): the same records as its JSON decoded
whole, wherever the parts are cut, without the record's dict; damage still said as damage."""
from __future__ import annotations

import orjson
import pytest

from graph_model.errors import StoreError
from graph_model.records.records import ITEM_FROM, parsed_from_dict, to_dict
from graph_model.store import store_db
from graph_model.store.record_stream import read_record
from graph_model.store.store import open_store
from loaders.batch import read_paths
from support import SEED_ACT, SEED_BUDGET, SEED_RULES, SEED_SOP, database

SEEDS = [SEED_BUDGET, SEED_ACT, SEED_RULES, SEED_SOP]


@pytest.mark.parametrize("cut", [1, 7, 4096])
def test_a_record_cut_anywhere_reads_as_the_same_records(cut):
    """Cut every few bytes, a character's UTF-8 bytes fall in two parts, and items, keys and numbers too."""
    for parsed in (p for _path, p in read_paths(SEEDS).documents.values()):
        text = orjson.dumps(to_dict(parsed), option=orjson.OPT_SORT_KEYS)
        parts = [text[i:i + cut] for i in range(0, len(text), cut)]
        assert parsed_from_dict(read_record(parts, ITEM_FROM), made=True) == parsed


def test_the_rules_and_the_procedure_read_item_by_item(monkeypatch, store_path, tmp_path):
    whole = tmp_path / "whole.sqlite"
    open_store(whole).add(read_paths(SEEDS).documents)
    monkeypatch.setattr(store_db, "PART", 4096)
    open_store(store_path).add(read_paths(SEEDS).documents)
    store = open_store(store_path)
    parsed = store.parsed()
    assert parsed == open_store(whole).parsed()
    assert store._documents is None  # no record was kept as a dict
    rules = next(p for p in parsed if p.document.id == SEED_RULES.stem)
    assert any(d.unit[-1] == "第二科" and d.text.startswith("專利案件程序審查") for d in rules.duties)
    [sop] = [p for p in parsed if p.document.id == SEED_SOP.stem]
    assert sop.procedures and sop.procedures[0].title.endswith("商務人員特種考試作業程序")
    # What validate reads: the same documents without their duties, read and dropped one by one.
    without = store.parsed(without=frozenset({"duties"}))
    assert [p.duties for p in without] == [[]] * len(parsed) and sum(len(p.duties) for p in parsed) > 100
    assert [(p.units, p.unplaced, p.procedures) for p in without] == [(p.units, p.unplaced, p.procedures)
                                                                       for p in parsed]
    assert open_store(whole).parsed(without=frozenset({"duties"})) == without
    # One document's id, one unit name: one string however many records hold it.
    assert len({id(d.source.doc) for d in rules.duties}) == 1
    assert len({id(d.unit[-1]) for d in rules.duties if d.unit[-1] == "第二科"}) == 1


@pytest.mark.parametrize("damage, said", [
    ("CAST(replace(CAST(body AS TEXT), '專利', '商標') AS BLOB)", "its checksum does not match"),
    ("CAST(substr(body, 1, 100) AS BLOB)", "its checksum does not match"),  # cut short: no longer JSON either
])
def test_a_damaged_part_is_said_to_be_damaged(monkeypatch, store_path, damage, said):
    monkeypatch.setattr(store_db, "PART", 4096)
    open_store(store_path).add(read_paths([SEED_RULES]).documents)
    with database(store_path) as conn:
        conn.execute(f"UPDATE parts SET body = {damage} WHERE id = ? AND n = 1", (SEED_RULES.stem,))
    with pytest.raises(StoreError, match=f"document '{SEED_RULES.stem}' is damaged \\({said}"):
        open_store(store_path).parsed()


def test_parts_that_are_not_json_are_said_to_be_so():
    with pytest.raises(ValueError):
        read_record([b'{"document": {"id": "x"}, "duties": [{"text": "a"}', b", {oops}]}"], {})
    with pytest.raises(ValueError):
        read_record([b'{"document": {}}', b" trailing"], {})
    with pytest.raises(ValueError):  # a character cut at the very end
        read_record([b'{"document": {}}', "之".encode()[:2]], {})


def test_a_graph_built_from_spent_documents_is_the_same_graph():
    """Store.graph lets each duty record go once its edge is made (``spend``): the same nodes and edges, in
    the same order, as a build that keeps them."""
    import networkx as nx

    from graph_model.graph.graph import OrgGraph

    kept = [p for _path, p in read_paths(SEEDS).documents.values()]
    spent = [p for _path, p in read_paths(SEEDS).documents.values()]
    assert any(d.text.startswith("專利案件程序審查") for p in spent for d in p.duties)
    a, b = OrgGraph.build(kept), OrgGraph.build(spent, spend=True)
    assert nx.node_link_data(a.g, edges="links") == nx.node_link_data(b.g, edges="links")
    assert sum(len(p.duties) for p in kept) > 100 and not any(p.duties for p in spent)
