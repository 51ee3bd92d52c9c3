"""Fuzzing the loaders: mutated seeds, development and national documents.

Every case must end in parsed records or a clean refusal (:class:`loaders.LoadError`), never a
traceback, and in time that grows with the input no faster than linearly.  In CI it runs a bounded
number of cases; ``python tests/test_fuzz.py --cases 10000`` is the long run whose figures
docs/robustness.md reports.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "eval"))

import loaders  # noqa: E402
from loaders import LoadError  # noqa: E402

INSERTS = ["\x00", "\x07", "\u2028", "\ufeff", "\u3000", "　" * 50, "第", "條", "、", "：", "（一）", "一、", "1.",
           "設", "掌理下列事項：", "分別掌理前條所列事項", "至", "第一組至第九十九組", "9" * 5000, "\n" * 500,
           " " * 5000, "甲組/乙科", "'\"; MATCH (n) DETACH DELETE n //", "<script>", "科" * 300, "•", "‧"]


def documents() -> list[tuple[str, bytes]]:
    root = HERE.parent
    docs = [(p.name, p.read_bytes()) for p in sorted((root / "data" / "seeds").glob("*.txt"))]
    docs += [(p.name, p.read_bytes()) for p in sorted((HERE / "data" / "corpus").glob("*.txt"))]
    import corpus
    docs += [(f"{code}.json", corpus.national_file(code)) for code in ("A0020056", "D0010042", "J0150013", "K0010112")]
    return docs


def mutate(rng: random.Random, name: str, data: bytes) -> tuple[str, bytes]:
    """One mutation of a document, as the campaign made them."""
    kind = rng.choice(["truncate", "shuffle", "insert", "repeat", "delete", "encode", "as_text"])
    if kind == "truncate":
        return name, data[:rng.randrange(len(data) + 1)]
    if kind == "encode":
        text = data.decode("utf-8", "replace")
        enc = rng.choice(["big5", "gb18030", "utf-16", "utf-16-le", "utf-8-sig", "latin-1", "cp1252"])
        return name, text.encode(enc, "replace")
    if kind == "as_text" and name.endswith(".json"):
        return name[:-5] + ".txt", data  # JSON read as text, or the reverse below
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    if kind == "shuffle":
        rng.shuffle(lines)
    elif kind == "insert":
        for _ in range(rng.randint(1, 20)):
            i = rng.randrange(len(lines))
            j = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:j] + rng.choice(INSERTS) + lines[i][j:]
    elif kind == "repeat":
        i = rng.randrange(len(lines))
        lines[i:i + 1] = [lines[i]] * rng.randint(2, 400)
    elif kind == "delete":
        for _ in range(rng.randint(1, max(1, len(lines) // 4))):
            if len(lines) > 1:
                del lines[rng.randrange(len(lines))]
    return name, "\n".join(lines).encode("utf-8")


def run_case(name: str, data: bytes) -> tuple[str, float]:
    """``(outcome, CPU seconds)``: ``parsed`` or ``refused``; anything else raises.  CPU time, not
    wall time: other work on the machine must not make a linear parse look like a hang."""
    t = time.process_time()
    try:
        loaders.parse_bytes(data, name)
        outcome = "parsed"
    except LoadError as exc:
        assert "\n" not in str(exc), str(exc)
        outcome = "refused"
    return outcome, time.process_time() - t


# One case may take at most this long per MB of input, plus a constant: a hang or a quadratic
# blow-up breaks it, a slow machine does not.
SECONDS_PER_MB, SECONDS_BASE = 20.0, 2.0


def test_mutated_documents_parse_or_are_refused_cleanly():
    docs = documents()
    rng = random.Random(20261201)
    outcomes = {"parsed": 0, "refused": 0}
    for _ in range(300):
        name, data = mutate(rng, *rng.choice(docs))
        outcome, seconds = run_case(name, data)
        outcomes[outcome] += 1
        assert seconds < SECONDS_BASE + SECONDS_PER_MB * len(data) / 2**20, (name, len(data), seconds)
    assert outcomes["parsed"] and outcomes["refused"]


def test_hypothesis_text_is_parsed_or_refused():
    from hypothesis import HealthCheck, given, settings, strategies as st

    pieces = st.sampled_from(INSERTS + ["本局掌理下列事項：\n", "一、文書事項。\n", "第 1 條\n", "某某局組織法\n",
                                        "本署設下列組、室：\n", "一、第一組。\n", "(一) 印信典守。\n"])

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.one_of(pieces, st.text(max_size=40)), max_size=40))
    def check(parts):
        run_case("fuzz.txt", "".join(parts).encode("utf-8", "surrogatepass"))
    check()


def main(argv: list[str]) -> None:
    cases = int(argv[argv.index("--cases") + 1]) if "--cases" in argv else 10000
    docs, rng = documents(), random.Random(int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1)
    outcomes, crashes, slow, worst = {"parsed": 0, "refused": 0}, [], [], 0.0
    import signal

    def hang(signum, frame):
        raise TimeoutError("no answer within 60 s")
    signal.signal(signal.SIGALRM, hang)
    hangs = []
    for _ in range(cases):
        name, data = mutate(rng, *rng.choice(docs))
        signal.alarm(60)
        try:
            outcome, seconds = run_case(name, data)
        except TimeoutError:
            hangs.append((name, len(data)))
            continue
        except Exception as exc:  # noqa: BLE001 - a crash is what this counts
            crashes.append((name, f"{type(exc).__name__}: {exc}"[:160]))
            continue
        finally:
            signal.alarm(0)
        outcomes[outcome] += 1
        worst = max(worst, seconds)
        if seconds > SECONDS_BASE + SECONDS_PER_MB * len(data) / 2**20:
            slow.append((name, len(data), round(seconds, 2)))
    print(f"cases {cases}: parsed {outcomes['parsed']}, refused {outcomes['refused']}, crashes {len(crashes)}, "
          f"hangs (no answer in 60 s) {len(hangs)}, over the time bound {len(slow)}; slowest case {worst:.2f} s")
    for h in hangs[:20]:
        print("  hang", *h)
    for c in crashes[:20]:
        print("  crash", *c)
    for s in slow[:20]:
        print("  slow", *s)


if __name__ == "__main__":
    main(sys.argv[1:])
