"""Exports of the store's knowledge base: the contract's JSON / JSONL (SCHEMA.md), and the
event formats PLOVER JSONL, GDELT 2.0 event TSV and ACLED-style CSV."""
from __future__ import annotations

import csv
import json
from typing import Iterator

from newsgraph.records import to_dict
from newsgraph.store import Store

SECTIONS = ("articles", "entities", "events", "quotes", "claims", "timexes", "stories")


def knowledge_base(store: Store) -> Iterator[tuple[str, dict]]:
    """(section, record) pairs of the whole knowledge base, streamed."""
    for art in store.articles():
        yield "articles", to_dict(art)
    for ent in store.entities():
        yield "entities", to_dict(ent)
    for ev in store.events():
        yield "events", to_dict(ev)
    for key, section in (("quotes", "quotes"), ("claims", "claims"), ("timexes", "timexes"), ("story_records", "stories")):
        for rec in store.get_state(key) or []:
            yield section, rec


def export(store: Store, fmt: str, path: str) -> int:
    if fmt == "json":
        kb = {s: [] for s in SECTIONS}
        for section, rec in knowledge_base(store):
            kb[section].append(rec)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(kb, f, ensure_ascii=False, indent=1)
        return sum(len(v) for v in kb.values())
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
    events = list(store.events())
    if fmt == "plover":
        rows = list(export_plover(events))
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    if fmt == "gdelt":
        articles = {a.id: a for a in store.articles()}
        lines = list(export_gdelt(events, articles))
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(line.rstrip("\n") + "\n" for line in lines)
        return len(lines)
    rows = list(export_acled(events))
    with open(path, "w", encoding="utf-8", newline="") as f:
        if rows:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
    return len(rows)
