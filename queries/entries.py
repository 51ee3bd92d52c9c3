"""The texts the ``which`` lookup indexes: :class:`Entry` objects, each with the units that answer it.

A duty statement answers with the units that handle it, a unit's name with the
unit; :func:`queries.procedure.which_entries` makes the entries of procedures.
Which kinds the index holds is :data:`queries.lookup.search.ENTRY_SOURCES`.  The priors
here weigh a kind of text against a duty a unit is specifically charged with
(tuned on eval/queries.jsonl as a whole, never for one query); the Neo4j lookup
applies the same ones.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph_model.graph.graph import OrgGraph

CATCH_ALL_PRIOR = 0.45  # 其他有關…事項
RESIDUAL_PRIOR = 0.3  # 不屬其他各組、室事項
SUPPORTING_PRIOR = 0.6  # 協助…、…之配合: a part in another body's work, not the work itself
UNIT_NAME_PRIOR = 0.9  # a unit's own name
CONTAINER_NAME_PRIOR = 0.4  # the name of a unit whose sub-units hold its duties
PROCEDURE_PRIOR = 0.8  # the title of a procedure a unit is responsible for
# A matter a meeting decides or reviews (graph_model.graph.meetings): the units do the work it is brought to, as
# a supporting part is another body's; a unit charged with the same words comes first.
MEETING_PRIOR = SUPPORTING_PRIOR


@dataclass
class Handler:
    """A unit that handles an entry, and where the text says so."""

    unit: str  # unit id
    doc: str
    line: int
    article: str = ""
    item: str = ""
    post: str = ""  # set when a post of the unit (主任秘書) holds the duty
    role: str = ""  # the unit's role where the entry is a procedure's text (核辦, 審核 …); for a duty, INFERRED
    # where the loader gave it the unit by its name (「分別掌理前條所列事項」), not by the document's words


@dataclass
class Entry:
    """A piece of text the index matches, with the units it points to."""

    kind: str  # "duty", "unit", "procedure", "post", …
    ref: str  # graph node id
    text: str
    handlers: list[Handler]
    prior: float = 1.0
    flags: tuple[str, ...] = ()  # e.g. ("catch_all",)
    context: str = ""  # where the text sits, e.g. "step 2 of <procedure title>"


# A duty that opens with assisting or cooperating, or ends in it (「協助重大災害應變之傳報」, 「…相關配合作業」):
# the genre's words for a supporting part in a matter another body leads.
SUPPORTING = re.compile(r"^(?:協助|配合|協辦)|(?:之|相關)(?:協助|配合|協辦)(?:作業|事項|業務|工作)?$")


def duty_flags_of(duty: dict) -> tuple[str, ...]:
    """The flags of a duty node (or row) that lower its prior: ``catch_all``, ``residual``, ``supporting``.

    >>> duty_flags_of({"text": "協助重大災害應變之傳報、督導"}), duty_flags_of({"text": "災害應變之規劃"})
    (('supporting',), ())
    """
    flags = tuple(f for f in ("catch_all", "residual") if duty.get(f))
    return flags + (("supporting",) if SUPPORTING.search(duty.get("text") or "") else ())


def duty_prior(flags) -> float:
    """A duty's prior: residual and catch-all clauses, and supporting parts, count for less.

    >>> duty_prior(()), duty_prior(("catch_all",)), duty_prior(("catch_all", "residual")), duty_prior(("supporting",))
    (1.0, 0.45, 0.3, 0.6)
    """
    return min([1.0] + [p for f, p in (("residual", RESIDUAL_PRIOR), ("catch_all", CATCH_ALL_PRIOR),
                                       ("supporting", SUPPORTING_PRIOR)) if f in flags])


def unit_names(unit: dict) -> list[str]:
    """A unit's name, then its full name and aliases where they differ: the text of its entry."""
    names = [unit["name"]]
    for extra in [unit.get("full_name") or "", *(unit.get("aliases") or [])]:
        if extra and extra not in names and "".join(unit["path"]) != extra:
            names.append(extra)
    return names


def unit_prior(works: bool) -> float:
    """A unit name's prior: ``works`` when it has duties of its own or no units under it; less for a
    container whose sub-units hold the duties."""
    return UNIT_NAME_PRIOR if works else CONTAINER_NAME_PRIOR


INFERRED = "inferred"  # a HANDLES edge's basis, and a duty handler's role, where the loader inferred the unit


def _handlers(pairs: list[tuple[dict, dict]]) -> list[Handler]:
    return [Handler(unit["id"], e["doc"], e["line"], e.get("article") or "", e.get("item") or "", e.get("post") or "",
                    INFERRED if e.get("basis") == INFERRED else "")
            for unit, e in sorted(pairs, key=lambda p: (p[1]["doc"], p[1]["line"], p[0]["id"]))]


def duty_entries(graph: OrgGraph) -> Iterable[Entry]:
    """One entry per Duty node, every HANDLES edge a handler (its role :data:`INFERRED` where the edge is); and one
    for the meetings that DECIDE it, whose matters count for less (:data:`MEETING_PRIOR`)."""
    for duty in graph.nodes_with_label("Duty"):
        flags = duty_flags_of(duty)
        handlers = _handlers(graph.handlers(duty["id"]))
        if handlers:
            yield Entry("duty", duty["id"], duty["text"], handlers, duty_prior(flags), flags)
        deciders = _handlers(graph.deciders(duty["id"]))
        if deciders:
            yield Entry("duty", duty["id"], duty["text"], deciders, min(duty_prior(flags), MEETING_PRIOR), flags)


def unit_entries(graph: OrgGraph) -> Iterable[Entry]:
    """One entry per unit: its name (and full name and aliases when they differ).

    A unit with no duties of its own whose sub-units have them (a division split
    into sections) is a container: its name counts for less than the duties of
    the sections that do the work.
    """
    for unit in graph.units():
        prior = unit_prior(bool(graph.duties_of(unit["id"])) or not graph.children(unit["id"]))
        handler = Handler(unit["id"], unit.get("doc", ""), unit.get("line", 0), unit.get("article") or "",
                          unit.get("item") or "")
        yield Entry("unit", unit["id"], "、".join(unit_names(unit)), [handler], prior)


def meeting_entries(graph: OrgGraph) -> Iterable[Entry]:
    """One entry per meeting: its name, answered by the meeting (graph_model.graph.meetings)."""
    for meeting in graph.meetings():
        handler = Handler(meeting["id"], meeting.get("doc", ""), meeting.get("line", 0), meeting.get("article") or "")
        yield Entry("unit", meeting["id"], meeting["name"], [handler], UNIT_NAME_PRIOR)
