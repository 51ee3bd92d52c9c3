"""Nothing a document or a file name holds can forge output: names and file names printed safely."""
from __future__ import annotations

import json

import pytest

RULES = ("某某局辦事細則\n第 1 條\n某某局（以下簡稱本局）為處理內部分工，特訂定本細則。\n"
         "第 2 條\n本局設下列各組：\n{items}\n")


def write(path, items: str):
    path.write_text(RULES.format(items=items), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["bad\nError: all good.txt", "clear\x1b[2Jscreen.txt", "rtl\u202etxt.exe.txt"])
def test_a_file_name_cannot_forge_an_error_line_or_move_the_terminal(name, tmp_path, run, store_path):
    path = tmp_path / name
    path.write_bytes(b"")  # empty: refused, with its name in the error
    result = run("--store", str(store_path), "load", str(path))
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
    assert len(result.stderr.splitlines()) == 1  # the newline in the name is shown as \n, not obeyed
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "the file is empty" in result.stderr


def test_a_document_id_holds_no_control_character(tmp_path, run, store_path):
    path = write(tmp_path / "rules\nforged.txt", "一、第一組。")
    result = run("--store", str(store_path), "load", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["rules_forged"]
    shown = run("--store", str(store_path), "show", "第一組")
    assert "rules_forged:" in shown.stdout and "\nforged" not in shown.stdout


def test_bidi_and_zero_width_characters_are_gone_from_names(tmp_path, run, store_path):
    write(tmp_path / "rules.txt", "一、第\u202e一組。\n二、第\u200b二組。")
    assert run("--store", str(store_path), "load", str(tmp_path / "rules.txt")).exit_code == 0
    tree = run("--store", str(store_path), "tree").stdout
    assert "第一組" in tree and "第二組" in tree and "\u202e" not in tree and "\u200b" not in tree
    assert run("--store", str(store_path), "show", "第一組").exit_code == 0  # what tree shows, show finds


@pytest.mark.parametrize("password", ["a/b", "with space", "at@sign", "p%40ss"])
def test_a_password_in_the_uri_is_masked_however_it_is_written(password, run, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", f"bolt://neo4j:{password}@127.0.0.1:1")
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    result = run("cypher", "RETURN 1")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert password not in result.stderr + result.stdout, result.stderr


def test_a_name_holding_the_charts_marker_is_not_filled_in(tmp_path, run, store_path):
    write(tmp_path / "rules.txt", "一、/*ORGGRAPH-DATA*/組。")
    assert run("--store", str(store_path), "load", str(tmp_path / "rules.txt")).exit_code == 0
    out = tmp_path / "chart.html"
    # (a / in a name is ／ in its id)
    result = run("--store", str(store_path), "chart", "某某局/／*ORGGRAPH-DATA*／組", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    title = page[page.index("<title>"):page.index("</title>")]
    assert title == "<title>組織圖：/*ORGGRAPH-DATA*/組"  # the data is in its script, not poured into the title


def test_no_part_of_a_password_in_the_uri_is_printed(run, monkeypatch):
    # A / ends the URI's authority: a driver given the URI would take 「neo4j:pw1」 for a host and print it.
    monkeypatch.setenv("NEO4J_URI", "bolt://neo4j:pw1/rest of it@127.0.0.1:1")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    result = run("cypher", "RETURN 1")
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert "pw1" not in result.stderr + result.stdout and "rest of it" not in result.stderr, result.stderr
    assert "NEO4J_PASSWORD" in result.stderr  # where the password goes instead
