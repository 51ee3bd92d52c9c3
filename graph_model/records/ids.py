"""Every node id of the graph, made here and nowhere else: stable and readable.

>>> procedure_id("撫卹作業程序"), step_id("撫卹作業程序", 2), post_id("某局", "科長", "一等")
('procedure:撫卹作業程序', 'step:撫卹作業程序:2', '某局#post:科長@一等')
"""
from __future__ import annotations

import hashlib

from .duties import normalize_duty


def unit_id(path: tuple[str, ...] | list[str]) -> str:
    """Stable id of a unit: its path joined with ``/``; a ``/`` inside a name is written ``／``, so
    that 「甲組/乙科」 (one name) and 甲組 › 乙科 (two units) never share an id.

    >>> unit_id(("某局", "甲組/乙科")), unit_id(("某局", "甲組", "乙科"))
    ('某局/甲組／乙科', '某局/甲組/乙科')
    """
    return "/".join(name.replace("/", "／") for name in path)


def duty_id(text: str, normalized: bool = False) -> str:
    """A duty's id: the hash of its normalized text (one node for every unit that handles it)."""
    return "duty:" + hashlib.sha1((text if normalized else normalize_duty(text)).encode()).hexdigest()[:12]


def document_id(doc: str) -> str:
    return f"doc:{doc}"


def procedure_id(title: str) -> str:
    return f"procedure:{title}"


def step_id(title: str, n: int) -> str:
    return f"step:{title}:{n}"


def law_id(name: str) -> str:
    return f"law:{name}"


def form_id(name: str) -> str:
    return f"form:{name}"


def post_id(uid: str, title: str, variant: str | None = None) -> str:
    """``<unit id>#post:<title>``, with ``@<variant>`` for 一等/二等… offices."""
    return f"{uid}#post:{title}" + (f"@{variant}" if variant else "")


def headcount_id(uid: str, kind: str, scope: str, year: int | None, category: str, variant: str | None = None) -> str:
    """``<unit id>#headcount:<kind>:<scope>:<year>:<category>``, with ``@<variant>`` for 一等/二等… offices."""
    return (f"{uid}#headcount:{kind}:{scope}:{'' if year is None else year}:{category}"
            + (f"@{variant}" if variant else ""))
