"""Findings of the fuzzing campaign, each with a test that failed before the fix.

Inputs are the seeds and the development corpus, mutated as the campaign did; the
expectations are a clean refusal or the records the unmutated text gives.
"""
from __future__ import annotations

import json
import os
import threading
import time

import pytest

import loaders
from loaders import LoadError
from support import CORPUS, SEED_ACT, SEED_BUDGET, SEED_RULES, edit_record, stored_documents


def parse_or_refuse(text: str):
    try:
        return loaders.parse_text(text, "t")
    except LoadError as exc:
        return exc


def records(parsed) -> tuple:
    return ([u.path for u in parsed.units], [(d.unit, d.text) for d in parsed.duties])


# ------------------------------------------------------------------ crashes
@pytest.mark.parametrize("text", [
    "某某局組織法\n第 " + "9" * 5000 + " 條\n本局掌理下列事項：\n一、文書事項。\n",
    "某某局組織法\n第 1 條\n本局掌理下列事項：\n" + "9" * 5000 + ". 文書事項\n",
    "某某局收文作業程序\n\n作業流程\n1. 收文：秘書室收文。\n作業時間\n" + "9" * 5000 + "日\n",
])
def test_a_number_of_thousands_of_digits_is_no_crash(text):
    parse_or_refuse(text)


def test_five_hundred_items_before_a_respective_clause_is_no_crash():
    items = "".join(f"{n}. 第{n}項業務之辦理事項。\n" for n in range(1, 501))
    text = ("某某局組織法\n第 1 條\n本局掌理下列事項：\n" + items +
            "第 2 條\n本局設甲處、乙處及丙處，分別掌理前條所列事項。\n")
    parsed = loaders.parse_text(text, "t")
    assert {u.path[-1] for u in parsed.units} >= {"甲處", "乙處", "丙處"}


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_a_pipe_is_refused_in_one_line(run, store_path, tmp_path, special):
    path = special
    if special == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
    result = run("--store", store_path, "load", path)
    assert result.exit_code == 1 and "is not a regular file" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not store_path.exists()


def test_a_damaged_lookup_cache_is_a_miss(run, store001):
    import sqlite3
    first = run("--store", store001, "which", "保稅工廠監管", "--top", "1").stdout
    with sqlite3.connect(store001) as conn:  # the index lives in the store: its rows damaged in place
        conn.execute("UPDATE which_entries SET row = x'80056761726261676500'")
    conn.close()
    assert run("--store", store001, "which", "保稅工廠監管", "--top", "1").stdout == first
    with sqlite3.connect(store001) as conn:  # rows lost: found missing when a lookup reads them
        conn.execute("DELETE FROM which_units WHERE id % 2 = 0")
    conn.close()
    assert run("--store", store001, "which", "保稅工廠監管", "--top", "1").stdout == first


def test_a_damaged_lookup_cache_file_is_a_miss(run, tmp_path):
    # The samples and JSON stores keep the index in a file of the cache directory.
    from graph_model.store import store_json
    from loaders.batch import read_paths
    store = tmp_path / "old.json"
    store_json.add(store, read_paths([SEED_BUDGET]).documents)
    first = run("--store", store, "which", "保稅工廠監管", "--top", "1").stdout
    caches = [c for c in tmp_path.parent.rglob("which-*.sqlite") if c.is_file() and not c.is_symlink()]
    assert caches
    for cache in caches:
        cache.write_bytes(b"\x80\x05garbage")
    assert run("--store", store, "which", "保稅工廠監管", "--top", "1").stdout == first
    for cache in [c for c in tmp_path.parent.rglob("which-*.sqlite") if c.is_file() and not c.is_symlink()]:
        # cut short: the rows it lost are read lazily
        data = cache.read_bytes()
        cache.write_bytes(data[:len(data) // 2])
    assert run("--store", store, "which", "保稅工廠監管", "--top", "1").stdout == first


# ------------------------------------------------------------------ time that grows faster than the input
@pytest.mark.parametrize("make", [
    lambda n: "某某局組織法\n" + "\n" * n + "第 1 條\n本局掌理下列事項：\n一、文書事項。\n",   # blank lines
    lambda n: "某某局組織法\n第 1 條\n本局掌理" + " " * n + "下列事項：\n一、文書事項。\n",  # a line of spaces
    lambda n: SEED_ACT.read_text(encoding="utf-8").replace("\n", "\u2028") * max(1, n // 4000),  # U+2028
    # a long list of subjects with no count after it (the long fuzz run found this one hanging)
    lambda n: "某某局組織法\n第 1 條\n本局設" + "、".join(["文書"] * (n // 3)) + "及庶務三組事項。\n",
])
def test_parse_time_grows_linearly(make):
    def seconds(n):
        text = make(n)
        t = time.perf_counter()
        parse_or_refuse(text)
        return time.perf_counter() - t
    small, large = seconds(2000), seconds(16000)
    assert large < 8 * 3 * small + 0.5, (small, large)  # 8× the input: far from 64× (quadratic)


# ------------------------------------------------------------------ silent wrong results
def test_big5_bullets_read_as_utf8_bullets():
    text = SEED_ACT.read_text(encoding="utf-8")
    assert "•" in text
    assert records(loaders.parse_text(text.replace("•", "‧"), "t")) == records(loaders.parse_text(text, "t"))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("path", [SEED_BUDGET, SEED_ACT, SEED_RULES, *sorted(CORPUS.glob("*.txt"))],
                         ids=lambda p: p.name)
def test_every_encoding_gives_the_records_of_utf8(path, encoding):
    text = path.read_text(encoding="utf-8")
    data = text.encode(encoding)  # utf-16-le/-be: no byte-order mark
    utf8 = loaders.parse_bytes(text.encode("utf-8"), path.name)
    other = loaders.parse_bytes(data, path.name)
    assert records(other) == records(utf8)


def test_a_slash_in_a_name_never_joins_another_unit():
    from graph_model.graph.graph import OrgGraph
    text = "某某局組織法\n第 1 條\n本局設甲組/乙科、甲組。\n第 2 條\n甲組分設乙科，掌理文書事項。\n"
    graph = OrgGraph.build([loaders.parse_text(text, "t")])
    ids = [u["id"] for u in graph.units()]
    assert len(ids) == len(set(ids))
    assert all(graph.parent(u) is None or u.startswith(graph.parent(u) + "/") for u in ids)


def test_control_characters_never_reach_a_name():
    text = "某某局組織法\n第 1 條\n本局設秘\x07書室、人\x1b事室。\n"
    names = [u.path[-1] for u in loaders.parse_text(text, "t").units]
    assert "秘書室" in names and "人事室" in names
    assert not any(ch < " " for n in names for ch in n)


def test_concurrent_loads_lose_nothing(store_path, tmp_path):
    from graph_model.store.store import open_store
    from loaders.batch import read_paths
    files = []
    for i, src in enumerate([SEED_BUDGET, SEED_ACT, SEED_RULES, *sorted(CORPUS.glob("*.txt"))[:5]]):
        files.append(tmp_path / f"doc{i}.txt")
        files[-1].write_bytes(src.read_bytes())
    errors = []

    def load(path):
        try:
            open_store(store_path).add(read_paths([path]).documents)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
    threads = [threading.Thread(target=load, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(stored_documents(store_path)) == sorted(f.stem for f in files)


def test_output_through_a_symlink_and_never_onto_a_device(run, store001, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("--store", store001, "export", "--format", "json", "-o", link).exit_code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["nodes"]
    result = run("--store", store001, "export", "--format", "json", "-o", "/dev/null")
    assert result.exit_code == 1 and "not a regular file" in result.stderr
    readonly = tmp_path / "ro.json"
    readonly.write_text("keep", encoding="utf-8")
    readonly.chmod(0o444)
    result = run("--store", store001, "export", "--format", "json", "-o", readonly)
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert readonly.read_text(encoding="utf-8") == "keep"


def test_a_chart_is_never_written_onto_a_device_or_a_read_only_file(run, store001, tmp_path):
    result = run("--store", store001, "chart", "基隆關", "-o", "/dev/null", "--format", "svg")
    assert result.exit_code == 1 and "not a regular file" in result.stderr
    readonly = tmp_path / "ro.svg"
    readonly.write_text("keep", encoding="utf-8")
    readonly.chmod(0o444)
    result = run("--store", store001, "chart", "基隆關", "-o", readonly)
    assert result.exit_code == 1 and "read-only" in result.stderr and readonly.read_text(encoding="utf-8") == "keep"


def test_a_hand_edited_store_record_is_one_line(run, store001):
    [doc_id] = stored_documents(store001)
    edit_record(store001, doc_id, lambda doc: doc["units"][0].update(source="line 3"))  # a string, not a source
    for args in (["stats"], ["tree"], ["show", "基隆關"], ["validate"]):
        result = run("--store", store001, *args)
        assert result.exit_code == 1 and "is damaged" in result.stderr, args
        assert len(result.stderr.splitlines()) == 1


def test_a_long_number_in_a_procedure_step_is_no_hang():
    # 「作業時間」 fragments: a run of digits before other text backtracked exponentially (long fuzz run).
    text = ("某某局收文作業程序\n\n作業流程\n1. 收文：秘書室收文登記。\n作業時間\n" + "9" * 40 + "x\n"
            "2. 分文：秘書室分送承辦單位。\n")
    t = time.perf_counter()
    parse_or_refuse(text)
    assert time.perf_counter() - t < 5


def test_line_separators_in_a_procedure_document_keep_its_line_numbers():
    # The long fuzz run: U+2028 inside seed 004 made its line table shorter than its lines.
    from support import SEED_SOP
    text = SEED_SOP.read_text(encoding="utf-8")
    cut = text.index("\n", len(text) // 2)
    parse_or_refuse(text[:cut] + "\u2028" + text[cut:])


def test_a_headcount_of_thousands_of_digits_is_no_crash():
    # The long fuzz run: a 5,000-digit cell in seed 001's 預算員額表 reached int().
    text = SEED_BUDGET.read_text(encoding="utf-8").replace("4,209人", "9" * 5000 + "人", 1)
    parse_or_refuse(text)


def test_a_password_in_the_uri_is_never_printed(run, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://neo4j:uri-secret-pw@127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", "env-secret-pw")
    result = run("cypher", "RETURN 1")
    # a user and password in the URI are refused before any driver sees them, and the URI is shown without them
    assert result.exit_code == 1 and "bolt://127.0.0.1:1" in result.stderr and len(result.stderr.splitlines()) == 1
    assert "uri-secret-pw" not in result.stderr + result.stdout and "env-secret-pw" not in result.stderr


def test_the_guide_server_answers_only_by_its_own_name():
    # A page of another site whose name was made to point at 127.0.0.1 (DNS rebinding) sends its own Host:
    # the guide, served with Access-Control-Allow-Origin: *, is no answer to it.
    import http.client

    from graph_model.neo4j import guide
    server = guide.serve(port=0)
    try:
        port = server.server_address[1]
        answers = {}
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", "rebound.example", f"rebound.example:{port}"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", guide.GUIDE_PATH, headers={"Host": host})
            response = conn.getresponse()
            answers[host] = (response.status, response.getheader("Access-Control-Allow-Origin"),
                             "orggraph" in response.read().decode("utf-8", "replace"))
            conn.close()
    finally:
        server.shutdown()
    assert answers[f"localhost:{port}"] == answers[f"127.0.0.1:{port}"] == (200, "*", True)
    assert answers["rebound.example"][:2] == answers[f"rebound.example:{port}"][:2] == (421, None)


@pytest.mark.parametrize("command", ["load", "store"])
def test_a_loop_of_symbolic_links_is_said_to_be_one(command, run, store_path, tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    args = ("--store", str(store_path), "load", str(tmp_path / "a.txt")) if command == "load" else \
        ("--store", str(tmp_path / "a.txt"), "tree")
    result = run(*args)
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "a loop of symbolic links" in result.stderr and "no such" not in result.stderr, result.stderr
