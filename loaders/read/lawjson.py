"""The national laws database's open-data JSON (全國法規資料庫, one law per file).

A law is ``{"法規名稱", "法規類別", "最新異動日期", "廢止註記", "沿革內容", "法規內容": [...]}``
where each item of 法規內容 is a chapter heading ``{"編章節"}`` or an article
``{"條號": "第 5-1 條", "條文內容": "…\\r\\n…"}``.  It is read as the plain text every
loader reads — the title, a blank line, then each heading, 條號 line and 條文內容 —
so line numbers in provenance point into that text, and the metadata is kept on
the document.

>>> text, meta = law_text({"法規名稱": "某某局組織法", "廢止註記": "廢", "法規內容": [
...     {"編章節": "第 一 章 總則"}, {"條號": "第 1 條", "條文內容": "本法依…\\r\\n訂定之。"}]})
>>> text.splitlines()
['某某局組織法', '', '第 一 章 總則', '第 1 條', '本法依…', '訂定之。']
>>> meta["abolished"], meta["title"]
(True, '某某局組織法')
"""
from __future__ import annotations

import json
import re

# Open-data field → name kept on the document.
META_FIELDS = (("法規名稱", "title"), ("法規性質", "nature"), ("法規類別", "category"),
               ("最新異動日期", "updated"), ("法規網址", "url"), ("沿革內容", "history"))


def looks_like_law_json(data: bytes) -> bool:
    """True when the bytes start like a JSON object (the reader then insists on the layout)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(re.match(rb'\{\s*"', head))  # 「{"」: a UTF-16 text may begin with the byte of 「{」


def law_text(law: dict) -> tuple[str, dict]:
    """``(text, metadata)`` of one law of the open-data layout; raises ValueError on another layout."""
    if not isinstance(law, dict) or not isinstance(law.get("法規內容"), list) or not law.get("法規名稱"):
        raise ValueError("a JSON file, but not one law of the national laws database's layout "
                         "(法規名稱 and 法規內容 are missing)")
    # The sentences that tell the law's lineage (sunset clauses, transitional articles): the store keeps
    # records, not texts, and graph_model.graph.lineage decides from these which documents are current.
    from graph_model.graph.lineage import clauses  # here: a text document needs none of its patterns

    lines = [_flat(law["法規名稱"]), ""]
    found = []  # the clauses of the articles, read article by article
    breaks = 0  # line breaks inside the bodies so far: every other item of lines is one line
    for entry in law["法規內容"]:
        if not isinstance(entry, dict):
            raise ValueError("法規內容 holds something that is neither a chapter nor an article")
        if "編章節" in entry:
            lines.append(_flat(entry["編章節"]))
        else:
            article = _flat(entry.get("條號", ""))
            lines.append(article)
            body = str(entry.get("條文內容", "")).replace("\r\n", "\n").replace("\r", "\n")
            first = len(lines) + breaks + 1  # the body's first line number
            number = "".join(article.split())
            found += clauses((first + i, number, ln) for i, ln in enumerate(body.split("\n")))
            lines.append(body)
            breaks += body.count("\n")
    meta: dict[str, object] = {name: str(law.get(key, "") or "").strip() for key, name in META_FIELDS}
    meta["abolished"] = bool(str(law.get("廢止註記", "") or "").strip())
    if found:
        meta["clauses"] = found
    return "\n".join(lines) + "\n", meta


def _flat(value) -> str:
    return " ".join(str(value or "").split())


def decode_law(data: bytes) -> tuple[str, dict]:
    """Text and metadata of a law file's bytes; raises ValueError with the reason."""
    try:
        law = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise ValueError(f"the file looks truncated: it ends inside a character (byte {exc.start} of "
                             f"{len(data)}); get the complete file again") from None
        raise ValueError(f"a JSON file that is not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} "
                         f"(truncated or damaged?)") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    return law_text(law)
