"""Typed records of procedures and rules: the JSON the store keeps, the round trip, damaged records."""
from __future__ import annotations

import json

import pytest

from graph_model.errors import StoreError
from graph_model.records.records import ProcedureRecord, Source, StepRecord, parsed_from_dict, to_dict
from graph_model.store.store import SAMPLES_STORE, open_store
from loaders import load_path
from loaders.batch import read_paths
from support import SEED_RULES, SEED_SOP, edit_record, stored_documents

SOP_DOC, RULES_DOC = SEED_SOP.stem, SEED_RULES.stem


@pytest.fixture(scope="module")
def sop():
    return load_path(SEED_SOP)


@pytest.fixture(scope="module")
def rules():
    return load_path(SEED_RULES)


def test_procedures_round_trip_through_the_store(store_path, sop, rules):
    open_store(store_path).add(read_paths([SEED_SOP, SEED_RULES]).documents)
    stored = {p.document.id: p for p in open_store(store_path).parsed()}
    assert stored[SOP_DOC].procedures == sop.procedures and len(sop.procedures) == 34
    assert stored[RULES_DOC].procedures == rules.procedures and len(rules.procedures) == 9
    assert all(isinstance(p, ProcedureRecord) and all(isinstance(s, StepRecord) for s in p.steps)
               for p in stored[SOP_DOC].procedures + stored[RULES_DOC].procedures)
    assert stored[SOP_DOC] == sop and stored[RULES_DOC] == rules


def test_the_json_form_is_the_one_the_samples_store_keeps(sop, rules):
    # data/samples.json was written when procedures were dicts: the typed records serialise to the same JSON.
    samples = json.loads(SAMPLES_STORE.read_text(encoding="utf-8"))["documents"]
    for parsed in (sop, rules):
        d = to_dict(parsed)
        assert "procedures" not in d and d["extras"]["procedures"] == \
            samples[parsed.document.id]["extras"]["procedures"]
        assert parsed_from_dict(json.loads(json.dumps(d, ensure_ascii=False))) == parsed


def test_keys_that_only_rules_or_mermaid_boxes_have(sop, rules):
    procedures = to_dict(sop)["extras"]["procedures"]
    pension = next(p for p in procedures if p["line"] == 577)  # 581: a mermaid chart (Start{{…}}, Step1[…] …)
    assert "article" not in pension and "chapter" not in pension
    assert all("key" in s and "unit_only" in s and "deciders" not in s for s in pension["steps"])
    baggage = next(p for p in procedures if p["line"] == 300)  # 306-331: numbered step lines, no chart
    assert not any("key" in s for s in baggage["steps"])
    extension = next(r for r in to_dict(rules)["extras"]["procedures"] if r["article"] == "第35條")  # 284-287
    assert extension["chapter"] == "文書處理"
    step = extension["steps"][0]  # 285-286: 一、一般公文展期天數七日以內者，由主管科長核定
    assert (step["article"], step["item"], step["deciders"], step["max_days"]) == ("第35條", "1", ["主管科長"], 7)
    assert "unit_only" not in step and "key" not in step
    assert rules.procedures[0].source.doc == RULES_DOC


def _damage(doc: dict, how: str) -> None:
    procs = doc["extras"]["procedures"]
    if how == "no steps":
        del procs[0]["steps"]
    elif how == "a step as text":
        next(p for p in procs if p["steps"])["steps"][0] = "填表"
    elif how == "an actor without a role":
        step = next(s for p in procs for s in p["steps"] if s["actors"])
        del step["actors"][0]["role"]
    elif how == "procedures as a number":
        doc["extras"]["procedures"] = 3


@pytest.mark.parametrize("how", ["no steps", "a step as text", "an actor without a role", "procedures as a number"])
def test_a_damaged_procedure_record_is_a_store_error(run, store_path, how):
    open_store(store_path).add(read_paths([SEED_SOP]).documents)
    edit_record(store_path, SOP_DOC, lambda doc: _damage(doc, how))
    before = stored_documents(store_path)
    with pytest.raises(StoreError, match=f"the record of document '{SOP_DOC}' is damaged"):
        open_store(store_path).parsed()
    result = run("--store", store_path, "procedure", "撫卹")
    assert result.exit_code == 1 and "is damaged" in result.stderr and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr and stored_documents(store_path) == before


def test_a_source_keeps_the_line_span_of_the_text(sop):
    # 407-409: a note hard-wrapped across a blank line is one note with the whole span.
    [perf] = [p for p in sop.procedures if p.source.line == 394]
    assert perf.notes[1].source == Source(SOP_DOC, 407, 409)
    assert perf.notes[1].text.endswith("（由國際貿易局、本部人事處及會計處考評）。")
