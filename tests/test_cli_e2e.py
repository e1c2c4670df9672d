"""The `make demo` flow on examples/ through the real CLI: ingest, articles, show, entities,
entity, export json/jsonl with the contract's field names (SCHEMA.md), and annotate."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, run_cli

ARTICLE_FIELDS = {"id", "source", "url", "outlet", "original_outlet", "title", "subtitle", "authors", "published",
                  "language", "text", "removed", "story_id", "duplicate_of", "main_event"}
ENTITY_FIELDS = {"id", "name", "type", "aliases", "country", "actor_code", "roles", "mentions"}
ROLE_FIELDS = {"title", "organization", "country", "first_seen", "last_seen"}
MENTION_FIELDS = {"article_id", "start", "end", "text"}
EVENT_FIELDS = {"id", "type", "mode", "cameo", "source", "target", "date", "place", "modality", "attribution",
                "quantities", "evidence"}
ACTOR_FIELDS = {"entity_id", "name", "actor_code"}
EVIDENCE_FIELDS = {"article_id", "start", "end", "sentence"}
QUOTE_FIELDS = {"id", "article_id", "start", "end", "text", "speaker", "cue", "direct", "via", "date"}
CLAIM_FIELDS = {"id", "article_id", "start", "end", "value", "unit", "what", "period", "attribution"}
TIMEX_FIELDS = {"article_id", "start", "end", "text", "type", "value"}
STORY_FIELDS = {"id", "title", "article_ids", "entity_ids", "event_ids"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WEAPON", "LAW", "OTHER"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "planned", "negated", "hypothetical", "reported-claim"}
EXAMPLE_PAGES = 7          # 5 files + 2 HTML responses in the WARC

pytestmark = pytest.mark.slow


def has_fields(record: dict, fields: set, what: str) -> None:
    missing = fields - set(record)
    assert not missing, f"{what} lacks {sorted(missing)}: {json.dumps(record)[:300]}"


def no_empty_strings(record, path="") -> list[str]:
    """Unknown is null, never "": the paths of empty strings in a record."""
    if isinstance(record, dict):
        return [p for k, v in record.items() for p in no_empty_strings(v, f"{path}.{k}")]
    if isinstance(record, list):
        return [p for i, v in enumerate(record) for p in no_empty_strings(v, f"{path}[{i}]")]
    return [path] if record == "" else []


def test_ingest_of_examples_is_clean(examples_store):
    run = examples_store.ingest
    assert run.summary == {"ingested": EXAMPLE_PAGES, "unchanged": 0, "updated": 0, "failed": 0}
    assert run.error_lines == [] and "Traceback" not in run.stderr


def test_reingesting_examples_changes_nothing(examples_copy):
    run = run_cli(examples_copy, "ingest", "--processes", "1", "examples/")
    assert run.rc == 0
    assert run.summary == {"ingested": 0, "unchanged": EXAMPLE_PAGES, "updated": 0, "failed": 0}


def test_articles_lists_every_example(examples_store, examples_kb):
    run = run_cli(examples_store.db, "articles")
    assert run.rc == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "outlet", "title"]
    assert len(lines) == 1 + EXAMPLE_PAGES
    listed = {line.split()[0] for line in lines[1:]}
    assert listed == {a["id"] for a in examples_kb["articles"]}


def test_show_prints_metadata_marked_text_and_removed_lines(examples_store, examples_kb):
    art = next(a for a in examples_kb["articles"] if a["source"].endswith("northern-ledger-castell-detained.html"))
    run = run_cli(examples_store.db, "show", art["id"][:10])
    assert run.rc == 0, run.stderr
    assert f"id               {art['id']}" in run.stdout
    unmarked = re.sub(r"\[([^\[\]|]*)\|[A-Z]+\]", r"\1", run.stdout)
    assert "Security forces in Oskara detained opposition leader Mira Castell on Tuesday" in unmarked
    assert "|PERSON]" in run.stdout and "\nremoved lines:\n" in run.stdout
    assert run_cli(examples_store.db, "show", "no-such-article").rc != 0


def test_entities_filter_by_type(examples_store):
    run = run_cli(examples_store.db, "entities", "--type", "PERSON")
    assert run.rc == 0
    rows = run.stdout.splitlines()[1:]
    assert rows and all(row.split()[1] == "PERSON" for row in rows)
    names = run.stdout
    for person in ("Mira Castell", "Hana Moreau", "Tomas Reyk", "Anselm Koray"):
        assert person in names


def test_entity_profile_cites_mentions_in_several_articles(examples_store):
    run = run_cli(examples_store.db, "entity", "Mira Castell")
    assert run.rc == 0, run.stderr
    assert run.stdout.startswith("Mira Castell")
    articles_line = next(line for line in run.stdout.splitlines() if line.strip().startswith("articles:"))
    assert len(articles_line.split(",")) >= 4           # she is named in at least four of the pages
    assert "[Castell]" in run.stdout or "[Mira Castell]" in run.stdout
    assert run_cli(examples_store.db, "entity", "Nobody Byname").rc != 0


def test_export_json_follows_the_contract(examples_kb):
    kb = examples_kb
    assert set(kb) >= {"articles", "entities", "events", "quotes", "claims", "timexes", "stories"}
    assert len(kb["articles"]) == EXAMPLE_PAGES
    texts = {a["id"]: a["text"] for a in kb["articles"]}
    for a in kb["articles"]:
        has_fields(a, ARTICLE_FIELDS, "article")
        assert a["text"] and a["title"] and a["published"], a["source"]
        assert not no_empty_strings(a), no_empty_strings(a)
    for e in kb["entities"]:
        has_fields(e, ENTITY_FIELDS, "entity")
        assert e["type"] in ENTITY_TYPES
        for r in e["roles"]:
            has_fields(r, ROLE_FIELDS, "role")
        for m in e["mentions"]:
            has_fields(m, MENTION_FIELDS, "mention")
            assert texts[m["article_id"]][m["start"]:m["end"]] == m["text"]
    for v in kb["events"]:
        has_fields(v, EVENT_FIELDS, "event")
        assert v["type"] in PLOVER_TYPES and v["modality"] in MODALITIES
        for actor in v["source"] + v["target"]:
            has_fields(actor, ACTOR_FIELDS, "actor")
        assert v["evidence"]
        for ev in v["evidence"]:
            has_fields(ev, EVIDENCE_FIELDS, "evidence")
            assert 0 <= ev["start"] < ev["end"] <= len(texts[ev["article_id"]])
        if v["date"] is not None:
            has_fields(v["date"], {"value", "text", "granularity"}, "event date")
    for q in kb["quotes"]:
        has_fields(q, QUOTE_FIELDS, "quote")
        assert texts[q["article_id"]][q["start"]:q["end"]] == q["text"]
    for c in kb["claims"]:
        has_fields(c, CLAIM_FIELDS, "claim")
        assert isinstance(c["value"], (int, float)) and isinstance(c["attribution"], list)
    for t in kb["timexes"]:
        has_fields(t, TIMEX_FIELDS, "timex")
        assert texts[t["article_id"]][t["start"]:t["end"]] == t["text"]
    for s in kb["stories"]:
        has_fields(s, STORY_FIELDS, "story")
    assert {a["story_id"] for a in kb["articles"]} <= {s["id"] for s in kb["stories"]}


def test_examples_yield_the_facts_a_reader_sees(examples_kb):
    """What an analyst reads out of examples/ (our own pages): the WARC pages carry their
    URLs, the syndicated copy names its source outlet and shares the story of the original."""
    arts = {Path(a["source"]).name: a for a in examples_kb["articles"] if "#" not in a["source"]}
    warc = [a for a in examples_kb["articles"] if "#" in a["source"]]
    assert sorted(a["url"] for a in warc) == [
        "https://reliefdaily.example/news/2024/03/27/belmora-border-camp-convoy",
        "https://www.meridianwire.example/world/2024/03/25/oskara-geneva-talks-suspended"]
    assert all(a["outlet"] for a in examples_kb["articles"]), [(a["source"], a["outlet"]) for a in examples_kb["articles"]]
    ledger = arts["northern-ledger-castell-detained.html"]
    herald = arts["coastline-herald-castell-arrest.txt"]
    assert ledger["outlet"] == "The Northern Ledger"
    assert ledger["published"].startswith("2024-03-12")
    assert herald["outlet"] == "Coastline Herald"
    assert herald["title"] == "Opposition leader arrested in Oskara as army accuses her of inciting unrest"
    assert herald["original_outlet"] == "La Voz de Telvar"   # "Source: lavoztelvar", spelled as the page names it
    assert herald["published"].startswith("2024-03-13T09:15")
    assert ledger["story_id"] == herald["story_id"]
    assert "Leave a Reply" not in herald["text"] and "Trends 24h" not in herald["text"]
    assert "Most read" not in ledger["text"] and "Share on Facebook" not in ledger["text"]
    claims = {c["value"] for c in examples_kb["claims"] if c["article_id"] == ledger["id"]}
    assert 27 in claims


def test_export_jsonl_tags_each_record_with_its_kind(examples_store, examples_kb, tmp_path):
    out = tmp_path / "kb.jsonl"
    run = run_cli(examples_store.db, "export", "--format", "jsonl", "-o", str(out))
    assert run.rc == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {}
    for r in records:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    expected = {"article": "articles", "entity": "entities", "event": "events", "quote": "quotes",
                "claim": "claims", "timex": "timexes", "story": "stories"}
    assert {k: kinds.get(k, 0) for k in expected} == {k: len(examples_kb[s]) for k, s in expected.items()}
    for r in records:
        if r["kind"] == "article":
            has_fields(r, ARTICLE_FIELDS, "article")


@pytest.mark.parametrize("fmt", ["plover", "gdelt", "acled"])
def test_event_exports_write_a_file(examples_store, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    run = run_cli(examples_store.db, "export", "--format", fmt, "-o", str(out))
    assert run.rc == 0, run.stderr[-2000:]
    assert out.exists() and out.stat().st_size > 0


def test_annotate_html_raw_text_and_text_rows(tmp_path):
    ledger = (EXAMPLES / "northern-ledger-castell-detained.html").read_text(encoding="utf-8")
    dump = (EXAMPLES / "eastern-courier-kerrin-ambush.txt").read_text(encoding="utf-8")
    rows = [
        {"id": "doc-html", "html": ledger},
        {"id": "doc-dump", "raw_text": dump},
        {"id": "doc-text", "text": "Protesters blocked the main bridge in Saltmere on Friday. Police said 12 people "
                                   "were arrested, according to a statement by the regional police chief, Anna Holm.",
         "published": "2024-04-12", "title": "Bridge blockade in Saltmere"},
        {"id": "doc-bad"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = run_cli(None, "annotate", str(src), "-o", str(out), "--processes", "1")
    assert run.rc == 0, run.stderr[-2000:]
    assert len([ln for ln in run.stderr.splitlines() if ln.startswith("error: ")]) == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["doc-html", "doc-dump", "doc-text", "doc-bad"]
    assert recs.pop() == {"id": "doc-bad", "error": 'no "html", "raw_text" or "text" field'}
    for r in recs:
        has_fields(r, ARTICLE_FIELDS | {"entities", "events", "quotes", "claims", "timexes"}, "annotate record")
        for key in ("entities", "quotes", "claims", "timexes"):
            for x in r[key]:
                ids = {m["article_id"] for m in x["mentions"]} if key == "entities" else {x["article_id"]}
                assert ids == {r["id"]}
    assert recs[2]["text"].startswith("Protesters blocked the main bridge") and recs[2]["title"] == "Bridge blockade in Saltmere"
    assert recs[2]["published"] == "2024-04-12"
    assert "Leave a Reply" not in recs[1]["text"] and "Be the first to comment" not in recs[1]["text"]
    assert "Rebels ambush army convoy" in (recs[1]["title"] or "")
