"""``which --explain``: why each unit ranks where it does, built once for both backends.

The ranking (:func:`queries.lookup.ranking.rank`) gives every text it matched for a unit a typed
:class:`~queries.lookup.ranking.Why`; the embedded index and Neo4j hand the same
:class:`~queries.lookup.ranking.UnitResult` on, so one builder serves both: :func:`explanation` makes a
result the ``"explain"`` of a hit (its JSON), and :func:`explain_lines` writes that JSON as the text under
the hit, so that the text says what the JSON says.  How the question was read (scope, wordings, which
government) is :func:`queries.lookup.ask.render_reading`'s.

>>> from queries.lookup.ranking import Match, UnitResult, Why
>>> from queries.lookup.rows import IndexText
>>> text = IndexText("duty", "d1", "印信之典守及管理", "印信之典守及管理", 1.0, [], [], -1, "")
>>> why = Why(9.3, 1.0, 2, 1.5, 1.0, 1.0, (), (), ("信管",), (("印信", 4.1, 5.02), ("管理", 1.2, 1.31)))
>>> info = explanation(UnitResult(0, "財政部/秘書室", 13.95, [Match(0, text, 13.95, [], why)]))
>>> print("\\n".join(explain_lines(info)))
     why: 印信之典守及管理 = bm25 9.3 × coverage 1.0 × phrase 1.5 (run 2) × prior 1.0 = 13.95; seams not counted 信管
       terms 印信:5.02 管理:1.31
"""
from __future__ import annotations

from .ranking import UnitResult

WHY_TEXT = 40  # characters of a matched text shown on its why line (the evidence above shows it whole)


def explanation(result: UnitResult) -> list[dict]:
    """How ``result``'s texts scored, best first: one dict per matched text, as ``which --explain --json``
    prints it (``{"text", "score"}``, and the factors of the score when the ranking was asked to explain)."""
    out = []
    for m in result.matches:
        info: dict = {"text": m.text.text, "score": round(m.score, 3)}
        why = m.explain
        if why is not None:
            info.update(bm25=round(why.bm25, 3), coverage=round(why.coverage, 3),
                        from_unit_names=list(why.from_unit_names), seams=list(why.seams),
                        longest_run=why.longest_run, phrase_factor=round(why.phrase_factor, 3), prior=why.prior,
                        flags=list(why.flags), context_boost=why.context_boost, own_name=round(why.own_name, 3),
                        terms=[[t, round(idf, 3), round(part, 3)] for t, idf, part in why.terms])
        out.append(info)
    if result.context and out:
        out[0]["context"] = "under a unit named in the query"
    return out


def adjusted(explain: list[dict] | None, **how) -> list[dict] | None:
    """``explain`` with what the answer did to the hit's score after the ranking (:mod:`queries.lookup.ask`),
    on its best text: ``weight``, found by a wording in the documents' words; ``below``, the unit under it
    that goes first (this one found by its name only); ``matter``, the question's matter its name holds (goes first);
    ``grievance``, the body whose grievances this unit handles (goes first); ``frame``, the unit inside the body
    the question names that goes before that body itself; ``job``, how many members of a family the section it goes
    before is copied under."""
    return [{**explain[0], **how}, *explain[1:]] if explain else explain


def explain_lines(explain: list[dict] | None) -> list[str]:
    """The text of a hit's :func:`explanation`: a ``why`` line per matched text (its score as a product of
    its factors), and the query's terms it holds with their parts of the BM25."""
    lines: list[str] = []
    then: list[str] = []  # what the answer did to the hit's score afterwards
    for info in explain or []:
        if "bm25" not in info:
            continue
        boost, named = info["context_boost"], info.get("own_name", 1.0)
        extra = []
        if info["flags"]:
            extra.append("flags " + ",".join(info["flags"]))
        if info["from_unit_names"]:
            extra.append("from unit names " + ",".join(info["from_unit_names"]))
        if info["seams"]:
            extra.append("seams not counted " + ",".join(info["seams"]))
        if boost != 1.0:
            extra.append(f"context ×{boost}")
        if named != 1.0:
            extra.append(f"own name ×{named}")
        lines.append(f"     why: {info['text'][:WHY_TEXT]} = bm25 {info['bm25']} × coverage {info['coverage']}"
                     f" × phrase {info['phrase_factor']} (run {info['longest_run']}) × prior {info['prior']}"
                     f"{' × ' + str(boost) if boost != 1.0 else ''}{' × ' + str(named) if named != 1.0 else ''}"
                     f" = {info['score']}" + (f"; {'; '.join(extra)}" if extra else ""))
        if info["terms"]:
            lines.append("       terms " + " ".join(f"{t}:{part}" for t, _idf, part in info["terms"]))
        if "weight" in info:
            then.append(f"     then × {info['weight']}: found by a wording in the documents' words (read as)")
        if "matter" in info:
            then.append(f"     then first: its name is the question's matter ({info['matter']}), an agency of the body "
                        "named")
        if "grievance" in info:
            then.append(f"     then first: the question brings a grievance, and this unit handles them in "
                        f"{info['grievance']}, where the question's scene found the first answer")
        if "frame" in info:
            then.append(f"     then just below {info['frame']}: the body the question names, asked which unit of it "
                        "answers")
        if "job" in info:
            then.append(f"     then first: the first answers are one section copied under {info['job']} members of "
                        "its family, and this body's own duties hold the matter")
        if "below" in info:
            then.append(f"     then just below {info['below']}: found by its name only, and that unit under it "
                        "holds the matter in its duties")
    return lines + then
