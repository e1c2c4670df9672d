"""The store: one SQLite file in WAL mode behind this one module (a PostgreSQL backend can
replace it with the same methods). It keeps each article with its own analysis (one
transaction per article), the story index's state, and the cross-article knowledge base
(resolved entities, merged events, each article's quotes, claims and time expressions,
stories) that `newsgraph.kb` rebuilds after an ingest, and each site's line counts (clean.site).
Reads of records stream row by row."""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from newsgraph.records import (Analysis, Article, ArticleFacts, Claim, Entity, Event, Quote, Story, Timex, from_dict,
                               to_dict)

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
CREATE TABLE IF NOT EXISTS quotes (id TEXT, article_id TEXT NOT NULL, speaker_id TEXT, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE TABLE IF NOT EXISTS claims (id TEXT, article_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timexes (article_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE TABLE IF NOT EXISTS site_pages (site TEXT NOT NULL, fingerprint BLOB NOT NULL, PRIMARY KEY (site, fingerprint));
CREATE TABLE IF NOT EXISTS site_lines (site TEXT NOT NULL, line INTEGER NOT NULL, pages INTEGER NOT NULL,
    PRIMARY KEY (site, line));
"""
KB_TABLES = ("entities", "entity_map", "events", "quotes", "claims", "timexes", "stories")
ANALYSIS_PARTS = ("entities", "events", "quotes", "claims", "timexes")
PART_TYPES = {"entities": Entity, "events": Event, "quotes": Quote, "claims": Claim, "timexes": Timex}
HEAD_OF_RECORD = "json_set(record, '$.text', '', '$.removed', json('[]'))"   # an article record, text left out
LEGACY_KB_STATE = ("quotes", "claims", "timexes", "story_records")   # kept as state blobs before the tables


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
        if self.db.execute(f"SELECT 1 FROM state WHERE key IN ({','.join('?' * len(LEGACY_KB_STATE))})",
                           LEGACY_KB_STATE).fetchone():
            self.set_state("dirty", True)     # a store from before the KB tables: the next ingest rebuilds it

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
        body = {k: to_dict(getattr(analysis, k)) for k in ANALYSIS_PARTS}
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

    def articles(self, with_text: bool = True) -> Iterator[Article]:
        """Articles by date; without their text and removed lines when `with_text` is False."""
        column = "record" if with_text else HEAD_OF_RECORD
        for (rec,) in self.db.execute(f"SELECT {column} FROM articles ORDER BY published, seq"):
            yield from_dict(Article, json.loads(rec))

    def article(self, article_id: str) -> Optional[Article]:
        """The article with this id, else the first whose id starts with it (ids are long)."""
        return self.by_id_or_prefix(Article, "articles", article_id, "seq")

    def by_id_or_prefix(self, cls, table: str, record_id: str, order: str):
        """The record of `table` with this id, else the first (by `order`) whose id starts with it."""
        row = (self.db.execute(f"SELECT record FROM {table} WHERE id=?", (record_id,)).fetchone()
               or self.db.execute(f"SELECT record FROM {table} WHERE substr(id, 1, ?)=? ORDER BY {order}",
                                  (len(record_id), record_id)).fetchone())
        return from_dict(cls, json.loads(row[0])) if row else None

    def article_head(self, article_id: str) -> Optional[Article]:
        """The article's metadata without its text and removed lines."""
        row = self.db.execute(f"SELECT {HEAD_OF_RECORD} FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(Article, json.loads(row[0])) if row else None

    def analyses(self, parts: tuple[str, ...] = ANALYSIS_PARTS, with_text: bool = True) -> Iterator[Analysis]:
        """Every article with its own (article-local) analysis, in ingest order, streamed; only
        the named `parts` are read (the others stay empty), the text only `with_text`."""
        column = "record" if with_text else HEAD_OF_RECORD
        for rec, body in self.db.execute(f"SELECT {column}, analysis FROM articles ORDER BY seq"):
            yield analysis_from_json(rec, body, parts)

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

    # --- site history (clean.site) -------------------------------------------
    def site_history(self, site: str) -> tuple[set[bytes], Counter]:
        """The fingerprints of a site's pages seen so far and how many carry each line key."""
        pages = {fp for (fp,) in self.db.execute("SELECT fingerprint FROM site_pages WHERE site=?", (site,))}
        lines = Counter({unsigned(k): n for k, n in self.db.execute("SELECT line, pages FROM site_lines WHERE site=?", (site,))})
        return pages, lines

    def put_site_history(self, sites: Iterable[tuple[str, set[bytes], Counter]]) -> None:
        """Replace the history of these sites, in one transaction."""
        with self.transaction():
            for site, pages, lines in sites:
                self.db.execute("DELETE FROM site_pages WHERE site=?", (site,))
                self.db.execute("DELETE FROM site_lines WHERE site=?", (site,))
                self.db.executemany("INSERT INTO site_pages VALUES (?,?)", ((site, fp) for fp in pages))
                self.db.executemany("INSERT INTO site_lines VALUES (?,?,?)", ((site, signed(k), n) for k, n in lines.items()))

    # --- knowledge base -----------------------------------------------------
    def replace_kb(self, entities: Iterable[Entity], entity_map: dict[str, str], events: Iterable[Event],
                   facts: Iterable[ArticleFacts] = (), stories: Iterable[Story] = ()) -> None:
        """Swap in a rebuilt cross-article knowledge base in one transaction: readers see the
        old one or the new one, never a mix. `facts` and `stories` are consumed as they come."""
        with self.transaction():
            for table in KB_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            for key in LEGACY_KB_STATE:
                self.db.execute("DELETE FROM state WHERE key=?", (key,))
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?)", (
                (e.id, e.name, e.type, e.country, dumps(e)) for e in entities))
            self.db.executemany("INSERT INTO entity_map VALUES (?,?)", entity_map.items())
            self.db.executemany("INSERT INTO events VALUES (?,?,?,?)", (
                (v.id, v.type, (v.date.value if v.date else None), dumps(v)) for v in events))
            for f in facts:
                self.put_facts(f)
            self.db.executemany("INSERT INTO stories VALUES (?,?,?)", (
                (st.id, n, dumps(st)) for n, st in enumerate(stories)))

    def put_facts(self, facts: ArticleFacts) -> None:
        aid = facts.article_id
        self.db.executemany("INSERT INTO quotes VALUES (?,?,?,?)", (
            (q.id, aid, q.speaker.entity_id if q.speaker else None, dumps(q)) for q in facts.quotes))
        self.db.executemany("INSERT INTO claims VALUES (?,?,?)", ((c.id, aid, dumps(c)) for c in facts.claims))
        self.db.executemany("INSERT INTO timexes VALUES (?,?)", ((aid, dumps(t)) for t in facts.timexes))

    def entities(self) -> Iterator[Entity]:
        for (rec,) in self.db.execute("SELECT record FROM entities ORDER BY type, name"):
            yield from_dict(Entity, json.loads(rec))

    def entity(self, entity_id: str) -> Optional[Entity]:
        row = self.db.execute("SELECT record FROM entities WHERE id=?", (entity_id,)).fetchone()
        return from_dict(Entity, json.loads(row[0])) if row else None

    def event(self, event_id: str) -> Optional[Event]:
        """The event with this id, else the first whose id starts with it."""
        return self.by_id_or_prefix(Event, "events", event_id, "id")

    def events(self) -> Iterator[Event]:
        for (rec,) in self.db.execute("SELECT record FROM events ORDER BY date, id"):
            yield from_dict(Event, json.loads(rec))

    def entity_map(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT local_id, global_id FROM entity_map"))

    def quotes(self, speaker_ids: Optional[set[str]] = None) -> Iterator[Quote]:
        """Quotes in ingest order; with `speaker_ids`, only those whose speaker is one of them."""
        if speaker_ids is None:
            rows = self.db.execute("SELECT record FROM quotes ORDER BY rowid")
        else:
            ids = sorted(speaker_ids)
            rows = self.db.execute(f"SELECT record FROM quotes WHERE speaker_id IN ({','.join('?' * len(ids))}) "
                                   "ORDER BY rowid", ids)
        for (rec,) in rows:
            yield from_dict(Quote, json.loads(rec))

    def claims(self) -> Iterator[Claim]:
        for (rec,) in self.db.execute("SELECT record FROM claims ORDER BY rowid"):
            yield from_dict(Claim, json.loads(rec))

    def timexes(self) -> Iterator[Timex]:
        for (rec,) in self.db.execute("SELECT record FROM timexes ORDER BY rowid"):
            yield from_dict(Timex, json.loads(rec))

    def stories(self) -> Iterator[Story]:
        for (rec,) in self.db.execute("SELECT record FROM stories ORDER BY seq"):
            yield from_dict(Story, json.loads(rec))

    def story(self, story_id: str) -> Optional[Story]:
        """The story with this id, else the first whose id starts with it."""
        return self.by_id_or_prefix(Story, "stories", story_id, "seq")


def signed(key: int) -> int:
    """A 64-bit unsigned line key as SQLite's signed INTEGER."""
    return key - (1 << 64) if key >= 1 << 63 else key


def unsigned(key: int) -> int:
    return key + (1 << 64) if key < 0 else key


def dumps(record) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False)


def analysis_from_json(record: str, body: str, parts: tuple[str, ...] = ANALYSIS_PARTS) -> Analysis:
    data = json.loads(body)
    analysis = Analysis(article=from_dict(Article, json.loads(record)))
    for part in parts:
        setattr(analysis, part, [from_dict(PART_TYPES[part], x) for x in data.get(part, [])])
    return analysis
