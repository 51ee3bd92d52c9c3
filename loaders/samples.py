"""The bundled sample corpus (data/seeds), kept parsed in data/samples.json.

Commands that find no store read the samples as a store: ``data/samples.json`` is a
store file (:mod:`graph_model.store.store` format) holding the seeds' parsed records, so that
reading them needs no parsing — and the store needs no loader.  It is derived data:
``python -m loaders.samples`` rewrites it from the seeds, and a test fails when it is
out of date with the loaders.
"""
from __future__ import annotations

import sys
from pathlib import Path

from graph_model.records.records import to_dict
from graph_model.store.store import FORMAT, SAMPLES_STORE, VERSION, encode

from . import doc_id_for, load_path

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"


def sample_paths() -> list[Path]:
    """The seed documents, in file-name order."""
    return sorted(SEEDS.glob("*.txt"))


def samples_store_bytes() -> bytes:
    """The samples store as :func:`main` writes it: the seeds parsed now, paths relative to the repository."""
    documents = {}
    for p in sample_paths():
        parsed = load_path(p)
        parsed.document.path = f"data/seeds/{p.name}"
        documents[doc_id_for(p)] = to_dict(parsed)
    return encode({"format": FORMAT, "version": VERSION, "documents": documents})


def main() -> None:
    SAMPLES_STORE.write_bytes(samples_store_bytes())
    print(f"wrote {SAMPLES_STORE} ({len(sample_paths())} documents)", file=sys.stderr)


if __name__ == "__main__":
    main()
