"""Exports of the store's knowledge base: the contract's JSON / JSONL (SCHEMA.md), and the
event formats PLOVER JSONL, GDELT 2.0 event TSV and ACLED-style CSV."""
from __future__ import annotations

import csv
import functools
import json
from typing import Iterator

from newsgraph.records import to_dict
from newsgraph.store import Store

SECTIONS = ("articles", "entities", "events", "quotes", "claims", "timexes", "stories")


def sections(store: Store) -> Iterator[tuple[str, Iterator[dict]]]:
    """Each section of the knowledge base (SECTIONS order) with its records, streamed."""
    for section in SECTIONS:        # each section is read by the store method of its name
        yield section, (to_dict(r) for r in getattr(store, section)())


def knowledge_base(store: Store) -> Iterator[tuple[str, dict]]:
    """(section, record) pairs of the whole knowledge base, streamed."""
    for section, records in sections(store):
        for rec in records:
            yield section, rec


def write_json(store: Store, f) -> int:
    """The contract's one JSON object {section: [records]}, written record by record."""
    n = 0
    f.write("{")
    for i, (section, records) in enumerate(sections(store)):
        f.write(("," if i else "") + f'\n "{section}": [')
        for j, rec in enumerate(records):
            f.write(("," if j else "") + "\n  " + json.dumps(rec, ensure_ascii=False))
            n += 1
        f.write("]")
    f.write("\n}\n")
    return n


def export(store: Store, fmt: str, path: str) -> int:
    if fmt == "json":
        with open(path, "w", encoding="utf-8") as f:
            return write_json(store, f)
    if fmt == "jsonl":
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for section, rec in knowledge_base(store):
                f.write(json.dumps({"kind": {"stories": "story", "entities": "entity", "timexes": "timex"}.get(section, section[:-1]), **rec}, ensure_ascii=False) + "\n")
                n += 1
        return n
    return export_events(store, fmt, path)


def export_events(store: Store, fmt: str, path: str) -> int:
    from newsgraph.events import export_acled, export_gdelt, export_plover
    if fmt == "plover":
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for row in export_plover(store.events()):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        return n
    if fmt == "gdelt":
        n = 0
        with open(path, "w", encoding="utf-8") as f:
            for line in export_gdelt(store.events(), StoredArticles(store)):
                f.write(line.rstrip("\n") + "\n")
                n += 1
        return n
    rows = list(export_acled(store.events()))
    with open(path, "w", encoding="utf-8", newline="") as f:
        if rows:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    return len(rows)


class StoredArticles:
    """Articles looked up by id in the store as an exporter asks for them (without their
    text), the last few kept: events of one article come together."""
    def __init__(self, store: Store, keep: int = 64):
        self.head = functools.lru_cache(maxsize=keep)(store.article_head)

    def get(self, article_id: str, default=None):
        return self.head(article_id) or default
