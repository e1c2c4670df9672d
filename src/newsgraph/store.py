"""The store: one SQLite file in WAL mode behind this one module (a PostgreSQL backend can
replace it with the same methods). It keeps each article with its own analysis (one
transaction per article), the story index's state, and the cross-article knowledge base
(resolved entities, merged events) that `newsgraph.kb` rebuilds after an ingest."""
from __future__ import annotations

import json
import os
import sqlite3
from contextlib import contextmanager
from typing import Iterator, Optional

from newsgraph.records import Analysis, Article, Claim, Entity, Event, Quote, Timex, from_dict, to_dict

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, raw_hash TEXT NOT NULL,
    published TEXT, outlet TEXT, title TEXT, seq INTEGER NOT NULL,
    record TEXT NOT NULL, analysis TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, name TEXT, type TEXT, country TEXT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_map (local_id TEXT PRIMARY KEY, global_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, type TEXT, date TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
"""


def default_path() -> str:
    return os.environ.get("NEWSGRAPH_DB", "newsgraph.db")


class Store:
    def __init__(self, path: Optional[str] = None):
        self.path = path or default_path()
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA busy_timeout=30000")   # a second writer waits instead of failing
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- articles -----------------------------------------------------------
    def raw_hash_of(self, article_id: str) -> Optional[str]:
        row = self.db.execute("SELECT raw_hash FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def put_analysis(self, analysis: Analysis, raw_hash: str, **article_fields) -> str:
        """Insert or update one article with its analysis in one transaction: 'ingested' or
        'updated'. `article_fields` (story_id=..., duplicate_of=...) are set on the stored
        record in the same transaction. An updated article keeps its place (seq)."""
        art = analysis.article
        record = to_dict(art)
        record.update(article_fields)
        body = {k: to_dict(getattr(analysis, k)) for k in ("entities", "events", "quotes", "claims", "timexes")}
        with self.transaction():
            old = self.db.execute("SELECT seq FROM articles WHERE id=?", (art.id,)).fetchone()
            seq = old[0] if old else self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
            self.db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)",
                (art.id, art.source, raw_hash, art.published, art.outlet, art.title, seq,
                 json.dumps(record, ensure_ascii=False), json.dumps(body, ensure_ascii=False)))
        return "updated" if old else "ingested"

    def set_article_fields(self, article_id: str, **fields) -> None:
        """Set fields of a stored article record (read-modify-write in one transaction)."""
        with self.transaction():
            row = self.db.execute("SELECT record FROM articles WHERE id=?", (article_id,)).fetchone()
            if row:
                rec = json.loads(row[0])
                rec.update(fields)
                self.db.execute("UPDATE articles SET record=? WHERE id=?", (json.dumps(rec, ensure_ascii=False), article_id))

    def articles(self) -> Iterator[Article]:
        for (rec,) in self.db.execute("SELECT record FROM articles ORDER BY published, seq"):
            yield from_dict(Article, json.loads(rec))

    def article(self, article_id: str) -> Optional[Article]:
        """The article with this id, else the first whose id starts with it (ids are long)."""
        row = (self.db.execute("SELECT record FROM articles WHERE id=?", (article_id,)).fetchone()
               or self.db.execute("SELECT record FROM articles WHERE substr(id, 1, ?)=? ORDER BY seq",
                                  (len(article_id), article_id)).fetchone())
        return from_dict(Article, json.loads(row[0])) if row else None

    def analyses(self) -> Iterator[Analysis]:
        """Every article with its own (article-local) analysis, in ingest order, streamed."""
        for rec, body in self.db.execute("SELECT record, analysis FROM articles ORDER BY seq"):
            yield analysis_from_json(rec, body)

    def analysis(self, article_id: str) -> Optional[Analysis]:
        row = self.db.execute("SELECT record, analysis FROM articles WHERE id=?", (article_id,)).fetchone()
        return analysis_from_json(*row) if row else None

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # --- state --------------------------------------------------------------
    def get_state(self, key: str) -> Optional[dict]:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO state VALUES (?,?)", (key, json.dumps(value, ensure_ascii=False)))

    # --- knowledge base -----------------------------------------------------
    def replace_kb(self, entities: list[Entity], entity_map: dict[str, str], events: list[Event], extra: dict) -> None:
        """Swap in a rebuilt cross-article knowledge base in one transaction."""
        with self.transaction():
            self.db.execute("DELETE FROM entities")
            self.db.execute("DELETE FROM entity_map")
            self.db.execute("DELETE FROM events")
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?)", [
                (e.id, e.name, e.type, e.country, json.dumps(to_dict(e), ensure_ascii=False)) for e in entities])
            self.db.executemany("INSERT INTO entity_map VALUES (?,?)", list(entity_map.items()))
            self.db.executemany("INSERT INTO events VALUES (?,?,?,?)", [
                (v.id, v.type, (v.date.value if v.date else None), json.dumps(to_dict(v), ensure_ascii=False)) for v in events])
            for key, value in extra.items():
                self.set_state(key, value)

    def entities(self) -> Iterator[Entity]:
        for (rec,) in self.db.execute("SELECT record FROM entities ORDER BY type, name"):
            yield from_dict(Entity, json.loads(rec))

    def events(self) -> Iterator[Event]:
        for (rec,) in self.db.execute("SELECT record FROM events ORDER BY date, id"):
            yield from_dict(Event, json.loads(rec))

    def entity_map(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT local_id, global_id FROM entity_map"))


def analysis_from_json(record: str, body: str) -> Analysis:
    data = json.loads(body)
    return Analysis(
        article=from_dict(Article, json.loads(record)),
        entities=[from_dict(Entity, x) for x in data.get("entities", [])],
        events=[from_dict(Event, x) for x in data.get("events", [])],
        quotes=[from_dict(Quote, x) for x in data.get("quotes", [])],
        claims=[from_dict(Claim, x) for x in data.get("claims", [])],
        timexes=[from_dict(Timex, x) for x in data.get("timexes", [])],
    )
