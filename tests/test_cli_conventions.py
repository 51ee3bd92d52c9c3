"""CLI conventions, as a user meets them: colour and progress on terminals only,
errors as JSON with --json, one unit shape, global options, exit statuses, display-width
columns, hit numbering, name matches, a hint for English queries, shell completion.

The real console script runs in subprocesses (on a pseudo-terminal where a terminal matters);
the rest goes through click's runner.  Expectations come from the seeds' text.
"""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from support import BUDGET_ID, BUDGET_LINES, REPO, SEED_ACT, SEED_BUDGET, SEEDS

ACT_LINES = SEED_ACT.read_text(encoding="utf-8").splitlines()
BIN = Path(sys.executable).parent  # the virtual environment's bin: the `orggraph` console script
ANSI = re.compile(rb"\x1b\[")
REDRAW = re.compile(rb"\r(?!\n)")  # a carriage return that is not the terminal's newline: a redrawn line


def orggraph() -> str:
    path = shutil.which("orggraph", path=str(BIN))
    assert path, f"no orggraph console script in {BIN} (pip install -e .)"
    return path


def env(**extra) -> dict:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    return {**base, "TERM": "xterm-256color", **extra}


def on_terminal(args, environment) -> tuple[int, bytes]:
    """Run orggraph with stdout and stderr on a pseudo-terminal: (exit status, what the terminal got)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([orggraph(), *map(str, args)], stdin=follower, stdout=follower, stderr=follower,
                            env=environment, close_fds=True)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(timeout=120), out


# --------------------------------------------------------------------------- NO_COLOR, TERM=dumb
def test_which_highlights_on_a_terminal_unless_no_color_or_dumb(store001):
    args = ["--store", store001, "which", "保稅工廠監管", "--top", "1"]
    code, coloured = on_terminal(args, env())
    assert code == 0 and ANSI.search(coloured)  # the terminal gets the matched characters in colour
    assert "保稅工廠".encode() in coloured
    plain_texts = set()
    for setting in ({"NO_COLOR": "1"}, {"NO_COLOR": "yes"}, {"TERM": "dumb"}):
        code, out = on_terminal(args, env(**setting))
        assert code == 0 and not ANSI.search(out), setting
        plain_texts.add(out)
    assert len(plain_texts) == 1 and ANSI.sub(b"", coloured) != coloured
    assert re.sub(rb"\x1b\[[0-9;]*m", b"", coloured) == plain_texts.pop()  # the same text, unstyled
    # An empty NO_COLOR is no request (no-color.org).
    assert ANSI.search(on_terminal(args, env(NO_COLOR=""))[1])


def test_which_is_plain_when_not_on_a_terminal(store001):
    proc = subprocess.run([orggraph(), "--store", str(store001), "which", "保稅工廠監管"], capture_output=True,
                          env=env())
    assert proc.returncode == 0 and proc.stdout and not ANSI.search(proc.stdout + proc.stderr)


def test_load_draws_progress_on_a_terminal_unless_no_color_or_dumb(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    code, out = on_terminal(["--store", tmp_path / "a.json", "load", *seeds], env())
    assert code == 0 and b"parsing" in out and REDRAW.search(out)  # the bar is redrawn in place
    for i, setting in enumerate(({"NO_COLOR": "1"}, {"TERM": "dumb"})):
        code, out = on_terminal(["--store", tmp_path / f"b{i}.json", "load", *seeds], env(**setting))
        assert code == 0, out
        assert b"parsing" not in out and not REDRAW.search(out) and not ANSI.search(out), setting
        assert out.decode().replace("\r\n", "\n").endswith(f"store {tmp_path / f'b{i}.json'}: 4 documents\n")


# --------------------------------------------------------------------------- --json errors
def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# (arguments, exit status, kind): an error of every kind, in every command that has --json
ERRORS = [
    (["load", "missing.txt"], 1, "input"),
    (["load"], 2, "usage"),
    (["--store", "missing.json", "stats"], 1, "store"),
    (["--store", "missing.json", "validate"], 1, "store"),
    (["show", "海關"], 1, "not_found"),
    (["show", "稽查組"], 1, "ambiguous"),
    (["tree", "--depth", "-1"], 2, "usage"),
    (["tree", "沒有這個單位"], 1, "not_found"),
    (["which", "保稅", "--type", "廳"], 1, "not_found"),
    (["which", "保稅", "--agency", "海關"], 1, "not_found"),
    (["which", "保稅", "--backend", "neo4j", "--explain"], 2, "usage"),
    (["chart", "沒有這個單位", "-o", "x.png"], 1, "not_found"),
    (["chart", "基隆關", "-o", "chart.jpg"], 1, "chart"),
    (["staffing", "關務署", "--year", "107"], 1, "not_found"),
    (["procedure", "子女教育補助"], 1, "ambiguous"),
    (["procedure", "沒有這個程序"], 1, "not_found"),
    (["cypher", "CREATE (n) RETURN n"], 1, "neo4j"),
    (["neo4j", "push", "--uri", "bolt://127.0.0.1:{port}"], 1, "neo4j"),
    (["stats", "--bogus"], 2, "usage"),
]


@pytest.mark.parametrize("args, status, kind", [pytest.param(*e, id=" ".join(e[0])) for e in ERRORS])
def test_with_json_an_error_is_json_on_stdout_with_the_same_status(run, store001, tmp_path, monkeypatch,
                                                                   args, status, kind):
    monkeypatch.chdir(tmp_path)
    args = [a.format(port=_closed_port()) for a in args]
    if args[0] != "--store" and args[0] != "load":
        args = ["--store", store001, *args] if args[0] not in ("procedure", "cypher", "neo4j") else args
    if args[0] == "load":
        args = ["--store", tmp_path / "new.json", *args]
    text = run(*args)
    # text mode: the message on stderr, nothing on stdout
    assert text.exit_code == status and text.stdout == "" and "Traceback" not in text.stderr, text.stderr
    message = text.stderr.splitlines()[-1].removeprefix("Error: ")
    as_json = run(*args, "--json")
    assert as_json.exit_code == status and "Error" not in as_json.stderr, as_json.stderr
    error = json.loads(as_json.stdout)["error"]
    assert (error["message"], error["kind"]) == (message, kind)
    if kind == "ambiguous":
        assert error["candidates"] and all(c in message for c in error["candidates"])
    assert not (tmp_path / "x.png").exists() and not (tmp_path / "new.json").exists()  # nothing written


def test_a_json_error_names_every_candidate_of_an_ambiguous_unit(run, store001):
    result = run("--store", store001, "show", "稽查組", "--json")
    error = json.loads(result.stdout)["error"]
    # 稽查組 is item 3 of 基隆關 (line 34) and of the other three 關 in seed 001
    stated = {i + 1 for i, line in enumerate(BUDGET_LINES) if re.match(r"^\d+\.\s*稽查組：", line)}
    assert len(error["candidates"]) == len(stated) == 4
    assert all(c.endswith("關/稽查組") for c in error["candidates"])


def test_json_after_double_dash_is_an_argument_not_the_option(run, store001):
    result = run("--store", store001, "show", "--", "--json")
    assert result.exit_code == 1 and result.stderr == "Error: no unit named '--json'\n"


# --------------------------------------------------------------------------- one unit shape
def test_which_and_staffing_give_a_unit_the_same_object(run):
    # 002 line 46: 「本局設人事室，置主任一人…」: 關稅總局's 人事室 has posts and a duty (人事管理事項)
    assert ACT_LINES[46 - 1].lstrip().startswith("本局設人事室")
    hits = json.loads(run("which", "人事管理", "--agency", "關稅總局", "--json").stdout)
    unit = next(h["unit"] for h in hits if h["unit"]["id"] == "財政部/關稅總局/人事室")
    staffing = json.loads(run("staffing", "關稅總局/人事室", "--json").stdout)
    assert staffing["unit"] == unit == {"id": "財政部/關稅總局/人事室", "name": "人事室",
                                        "path": ["財政部", "關稅總局", "人事室"], "type": "室", "kind": "Division"}
    # every unit inside the staffing result has that shape too
    full = json.loads(run("staffing", "關稅總局", "--json").stdout)
    units = [p["unit"] for p in full["posts"]] + [u["unit"] for u in full["by_unit"]]
    assert units and all(set(u) == {"id", "name", "path", "type", "kind"} and u["id"] == "/".join(u["path"])
                         for u in units)
    assert {u["id"] for u in units} >= {"財政部/關稅總局", "財政部/關稅總局/人事室"}


def test_which_json_evidence_carries_what_the_text_shows(run, store001):
    text = run("--store", store001, "which", "保稅工廠監管", "--top", "3").stdout
    hits = json.loads(run("--store", store001, "which", "保稅工廠監管", "--top", "3", "--json").stdout)
    cites = re.findall(rf"{BUDGET_ID}:\d+(?: item \d+)?", text)
    from_json = [f"{e['doc']}:{e['line']}" + (f" item {e['item']}" if e["item"] else "")
                 for h in hits for e in h["evidence"]]
    assert cites == from_json
    top = hits[0]["evidence"][0]
    # line 102 is item 15 of 高雄關: 「15.嘉南分關：…保稅工廠、保稅倉庫、物流中心及進出口貨棧之監管…」
    assert (top["kind"], top["line"], top["item"]) == ("duty", 102, "15")
    assert BUDGET_LINES[101].startswith("15.") and top["text"] in "".join(BUDGET_LINES[101].split())


# --------------------------------------------------------------------------- global options
def _commands(group, prefix=()):
    import click
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,)


def _all_commands():
    from cli import cli
    return list(_commands(cli))


@pytest.mark.parametrize("option", ["--store", "--all", "--version"])
def test_a_global_option_after_any_command_says_it_goes_first(run, option):
    value = ["x.json"] if option == "--store" else []
    for command in _all_commands():
        result = run(*command, option, *value)
        assert result.exit_code == 2, (command, result.output)
        fixed = " ".join(["orggraph", option, *value, *command])
        assert result.stderr.splitlines()[-1] == (f"Error: {option} is a global option: it goes before the "
                                                  f"command ({fixed})"), command
        assert "Did you mean" not in result.stderr


def test_the_suggested_command_line_works(run, store001):
    result = run("tree", "基隆關", "--depth", "0", "--store", store001)
    suggested = re.search(r"\((orggraph .*)\)$", result.stderr.strip()).group(1).split()
    assert suggested == ["orggraph", "--store", str(store001), "tree", "基隆關", "--depth", "0"]
    assert run(*suggested[1:]).stdout == "財政部/關務署/基隆關  (+15 below)\n"
    equals = run("which", "保稅", f"--store={store001}")
    assert equals.stderr.endswith(f"(orggraph --store={store001} which 保稅)\n")


# --------------------------------------------------------------------------- exit statuses
def test_staffing_with_no_matching_title_exits_1_like_which(run):
    # 002 (the act of 關稅總局) sets up 科長 (line 41) and no 總統
    assert "科長六十一人至七十一人" in ACT_LINES[41 - 1] and "總統" not in SEED_ACT.read_text(encoding="utf-8")
    found = run("staffing", "關稅總局", "--title", "科長")
    assert found.exit_code == 0 and "科長  61–71" in found.stdout
    none = run("staffing", "關稅總局", "--title", "總統")
    assert (none.exit_code, none.stderr) == (1, "")
    assert none.stdout == ("No posts titled 總統 for 財政部/關稅總局 in the loaded documents.\n"
                           "Titles match whole (科長, not 科); `orggraph staffing 財政部/關稅總局` lists every post.\n")
    as_json = run("staffing", "關稅總局", "--title", "總統", "--json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["posts"] == []
    assert run("which", "量子電腦").exit_code == 1


def test_exit_statuses_agree_across_commands(run, store001):
    cases = {
        0: [("which", "保稅工廠監管"), ("staffing", "基隆關"), ("show", "基隆關"), ("tree", "基隆關"), ("stats",)],
        1: [("which", "量子電腦"), ("staffing", "基隆關/稽查組"), ("show", "海關"), ("tree", "海關")],
        2: [("which",), ("show",), ("tree", "--depth", "x"), ("staffing", "基隆關", "--year", "x")],
    }
    for status, commands in cases.items():
        for command in commands:
            assert run("--store", store001, *command).exit_code == status, command
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for status in cases:
        assert re.search(rf"^\| {status} \| ", readme, re.M)  # documented


# --------------------------------------------------------------------------- display width
def _column(line: str, text: str) -> int:
    from graph_model.textwidth import display_width
    return display_width(line[:line.index(text)])


def test_stats_columns_align_by_display_width(run, store_path, seed_copy):
    chinese = seed_copy(SEED_BUDGET, "關務署預算總說明.txt")  # a document id in Chinese
    assert run("--store", store_path, "load", chinese, SEED_ACT).exit_code == 0
    lines = run("--store", store_path, "stats").stdout.splitlines()
    docs = lines[1:3]
    assert [d.split()[0] for d in docs] == ["002_af79314871040b19", "關務署預算總說明"]
    assert _column(docs[0], "org_act") == _column(docs[1], "budget")
    assert _column(docs[0], "財政部關稅總局") == _column(docs[1], "財政部關務署及所屬預算總說明")


def test_stats_counts_right_align_past_long_names(run):
    lines = run("stats").stdout.splitlines()  # the bundled corpus: RESPONSIBLE_FOR is 15 characters
    rels = lines[lines.index("Relationships:") + 1:]
    assert any(r.split()[0] == "RESPONSIBLE_FOR" for r in rels)
    assert len({len(r) for r in rels}) == 1  # every count ends in the same column
    assert all(re.fullmatch(r"  [A-Z_]+ +\d+", r) for r in rels)


# --------------------------------------------------------------------------- which: numbering, name matches
def test_tied_hits_are_numbered_by_position(run, store001):
    text = run("--store", store001, "which", "人事").stdout
    hits = json.loads(run("--store", store001, "which", "人事", "--json").stdout)
    numbers = [int(m) for m in re.findall(r"^(\d+)\. ", text, re.M)]
    scores = [float(s) for s in re.findall(r"^\d+\. .*\(score ([\d.]+)", text, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2
    assert len(set(scores)) < len(scores)  # there is a tie, and it is numbered 1, 2 …
    # 本署人事事項 (line 20) and 本關人事事項 (lines 39, 57, 72, 89): the same score, two blocks
    assert {h["score"] for h in hits} == {hits[0]["score"]}
    assert BUDGET_LINES[20 - 1].endswith("本署人事事項。") and BUDGET_LINES[39 - 1].endswith("本關人事事項。")


def test_a_match_on_the_units_own_name_says_name_matches(run, store001):
    text = run("--store", store001, "which", "人事室", "--top", "1").stdout
    blocks = re.split(r"^(?=\d+\. )", text, flags=re.M)[1:]
    assert blocks and all("   name matches\n" in b for b in blocks)
    assert not re.search(r"^   人事室$", text, re.M)  # the name is not quoted as if it were a duty
    hits = json.loads(run("--store", store001, "which", "人事室", "--top", "1", "--json").stdout)
    own = hits[0]["evidence"][0]
    # line 20: 「8. 人事室：掌理本署人事事項。」 sets the unit up
    assert (own["kind"], own["text"], own["line"], own["item"]) == ("name", "人事室", 20, "8")
    assert BUDGET_LINES[20 - 1].startswith("8. 人事室：")
    assert hits[0]["evidence"][1]["kind"] == "duty"


def test_a_name_match_names_what_else_the_documents_call_the_unit(run):
    text = run("which", "關稅總局", "--top", "1").stdout
    assert text.splitlines()[:2] == ["1. 財政部 › 關稅總局  (score 49.20)", "   name matches (also called 本局)"]
    assert "本局" in ACT_LINES[7 - 1]  # 第2條: 「本局掌理…」


# --------------------------------------------------------------------------- English queries
def test_an_english_query_hints_at_chinese_words_that_answer(run):
    result = run("which", "customs")
    assert result.exit_code == 1
    assert result.stdout == ("No unit handles 「customs」 in the loaded documents.\n"
                             "The documents are in Chinese, and so are queries: try `orggraph which 關務` "
                             "or `orggraph which 海關`.\n")
    for word in ("關務", "海關"):  # the suggestions find units
        assert run("which", word).exit_code == 0
    other = run("which", "quantum computing").stdout
    assert other.endswith("try `orggraph which 保稅工廠監管`.\n")
    assert "Chinese" not in run("which", "量子電腦").stdout


# --------------------------------------------------------------------------- shell completion
def test_bash_completion_script_completes_commands_and_options():
    script = subprocess.run([orggraph()], env=env(_ORGGRAPH_COMPLETE="bash_source"), capture_output=True,
                            text=True, check=True).stdout
    assert "complete -o nosort -F _orggraph_completion orggraph" in script
    assert shutil.which("bash"), "bash is needed to check the completion script"
    probe = ('eval "$ORGGRAPH_SCRIPT"; complete -p orggraph >/dev/null || exit 9\n'
             'COMP_WORDS=(orggraph wh); COMP_CWORD=1; _orggraph_completion orggraph; echo "${COMPREPLY[*]}"\n'
             'COMPREPLY=(); COMP_WORDS=(orggraph tree --de); COMP_CWORD=2; _orggraph_completion orggraph; '
             'echo "${COMPREPLY[*]}"\n'
             'COMPREPLY=(); COMP_WORDS=(orggraph neo4j ""); COMP_CWORD=2; _orggraph_completion orggraph; '
             'echo "${COMPREPLY[*]}"\n')
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    out = subprocess.run(["bash", "--norc", "-c", probe], env=env(ORGGRAPH_SCRIPT=script, PATH=path),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    from cli import cli
    neo4j_commands = " ".join(sorted(cli.commands["neo4j"].commands))  # push, and whatever else it has
    assert "push" in neo4j_commands
    assert out.stdout.splitlines() == ["which", "--depth", neo4j_commands]


@pytest.mark.parametrize("shell, marker", [("zsh", "#compdef orggraph"),
                                           ("fish", "complete --no-files --command orggraph")])
def test_zsh_and_fish_completion_scripts_are_generated(shell, marker):
    out = subprocess.run([orggraph()], env=env(_ORGGRAPH_COMPLETE=f"{shell}_source"), capture_output=True,
                         text=True, check=True).stdout
    assert marker in out and "_ORGGRAPH_COMPLETE" in out


def test_readme_documents_completion():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert 'eval "$(_ORGGRAPH_COMPLETE=bash_source orggraph)"' in readme
    assert "zsh_source" in readme and "fish_source" in readme
