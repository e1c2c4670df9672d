"""Ingest: decoding, input discovery, JSONL rows, WARC streaming and truncation (unit tests),
then every bad input of issue #2 through the real CLI on a real store (end to end)."""
from __future__ import annotations

import gzip
import io
import json
import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import EXAMPLES, copy_store, run_cli
from newsgraph.ingest import InputFailure, decode, iter_inputs, iter_warc, kind_of, looks_binary
from newsgraph.records import RawDoc

WARC = EXAMPLES / "wire-archive.warc.gz"

BODY = ("The port workers' union in Saltmere extended its strike into a third week on Thursday, "
        "after talks with the harbour authority broke down over pay and night shifts. ")
CP1252_HTML = ("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
               "<title>Caf\u00e9 owners protest \u2013 city hall responds</title>"
               "<meta property=\"og:site_name\" content=\"The Quayside Echo\"></head><body><article>"
               "<h1>Caf\u00e9 owners protest \u2013 city hall responds</h1>"
               "<p>Owners of 40 caf\u00e9s in the old town marched to city hall on Monday against a new \u20ac2,000 "
               "licence fee. \u201cWe cannot pay this and keep our staff,\u201d said Ren\u00e9e Fournel, who runs a "
               "bakery on the harbour front.</p>"
               "<p>The deputy mayor, J\u00fcrgen Albrecht, said the council would review the fee next month but "
               "defended the decision as necessary to balance the budget after last year's floods.</p>"
               "<p>The council expects the fee to raise about \u20ac900,000 a year, according to its own estimate, "
               "and says that small businesses with fewer than five employees will pay half.</p>"
               "</article></body></html>")


# --- decoding ---------------------------------------------------------------------
def test_cp1252_page_declared_latin1_keeps_quotes_dashes_and_euro():
    text = decode(CP1252_HTML.encode("cp1252"), html=True)
    assert "Caf\u00e9 owners protest \u2013 city hall" in text
    assert "\u201cWe cannot pay this" in text and "\u20ac2,000" in text and "J\u00fcrgen" in text


def test_undeclared_cp1252_text_falls_back_to_cp1252_not_mojibake():
    data = "Minister\u2019s \u201cfinal offer\u201d \u2013 Z\u00fcrich talks".encode("cp1252")
    assert decode(data) == "Minister\u2019s \u201cfinal offer\u201d \u2013 Z\u00fcrich talks"


def test_pure_latin1_bytes_outside_cp1252_still_decode():
    data = b"Se\xf1or Ib\xe1\xf1ez \x81 said"           # 0x81 is unassigned in cp1252
    assert decode(data) == "Se\u00f1or Ib\u00e1\u00f1ez \x81 said"


def test_utf8_wins_over_a_wrong_declaration_and_bom_is_dropped():
    page = '<meta charset="iso-8859-1"><p>Stra\u00dfe in K\u00f6ln</p>'
    assert "Stra\u00dfe in K\u00f6ln" in decode(page.encode("utf-8"), html=True)
    assert decode(b"\xef\xbb\xbfHello") == "Hello"
    assert decode("Za\u017c\u00f3\u0142\u0107".encode("utf-16")) == "Za\u017c\u00f3\u0142\u0107"   # with its BOM


def test_declared_non_western_charset_is_honoured():
    page = '<meta charset="koi8-r"><p>\u041c\u043e\u0441\u043a\u0432\u0430</p>'
    assert "\u041c\u043e\u0441\u043a\u0432\u0430" in decode(page.encode("koi8-r"), html=True)


def test_binary_detection():
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert looks_binary(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert not looks_binary("Plain news text \u2013 with dashes.".encode("cp1252"))
    assert not looks_binary("utf-16 text".encode("utf-16"))


# --- discovering inputs -----------------------------------------------------------------
@pytest.mark.parametrize("name,kind", [("a.html", "html"), ("a.HTM", "html"), ("a.html.gz", "html"), ("a.txt", "raw_text"),
                                       ("a.jsonl", "jsonl"), ("a.jsonl.gz", "jsonl"), ("a.warc", "warc"),
                                       ("a.warc.gz", "warc"), ("a.pdf", None), ("a.gz", None)])
def test_kind_of(name, kind):
    assert kind_of(Path(name)) == kind


def test_folder_is_walked_sorted_skipping_hidden_and_unknown(tmp_path):
    (tmp_path / "b.txt").write_text(BODY)
    (tmp_path / "a.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY)
    (tmp_path / ".draft.txt").write_text(BODY)
    sub = tmp_path / "sub"
    sub.mkdir()
    with gzip.open(sub / "c.txt.gz", "wt") as f:
        f.write(BODY)
    items = list(iter_inputs([str(tmp_path)]))
    assert [Path(x.source).name for x in items] == ["a.html", "b.txt", "c.txt.gz"]
    assert [x.kind for x in items] == ["html", "raw_text", "raw_text"]
    assert items[2].content == BODY


def test_missing_path_and_empty_glob_are_failures(tmp_path):
    items = list(iter_inputs([str(tmp_path / "nope.html"), str(tmp_path / "*.warc")]))
    assert all(isinstance(x, InputFailure) and x.reason == "no such file" for x in items) and len(items) == 2


def test_txt_that_is_really_html_is_read_as_html(tmp_path):
    (tmp_path / "saved.txt").write_text(f"<!DOCTYPE html><html><body><p>{BODY}</p></body></html>")
    [doc] = iter_inputs([str(tmp_path / "saved.txt")])
    assert doc.kind == "html"


def test_page_over_the_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr("newsgraph.ingest.MAX_BYTES", 1000)
    (tmp_path / "big.txt").write_text(BODY * 20)
    with gzip.open(tmp_path / "bomb.txt.gz", "wt") as f:   # small on disk, large unpacked
        f.write(BODY * 20)
    items = list(iter_inputs([str(tmp_path)]))
    assert [x.reason.split(" (")[0] for x in items] == ["too large", "too large"]


# --- JSONL --------------------------------------------------------------------------
def test_jsonl_rows_and_each_bad_line_named(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join([
        json.dumps({"id": "r1", "text": BODY, "published": "2024-04-04", "title": "Strike goes on"}),
        '{"id": "r2", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "r4", "body": BODY}),
        json.dumps({"id": 5, "html": f"<p>{BODY}</p>", "url": "https://quayside.example/strike"}),
        "",
        json.dumps({"id": "r7", "raw_text": "   "}),
    ]), encoding="utf-8")
    items = list(iter_inputs([str(rows)]))
    assert isinstance(items[0], RawDoc) and (items[0].id, items[0].kind, items[0].published) == ("r1", "text", "2024-04-04")
    assert str(items[1]).startswith(f"{rows}:2: invalid JSON")
    assert str(items[2]) == f"{rows}:3: not a JSON object"
    assert str(items[3]).startswith(f"{rows}:4: no ")
    assert (items[4].id, items[4].kind, items[4].url) == ("5", "html", "https://quayside.example/strike")
    assert str(items[5]) == f"{rows}:7: empty raw_text"
    assert len(items) == 6


def test_binary_jsonl_is_one_failure(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 5000)
    assert [str(x) for x in iter_inputs([str(path)])] == [f"{path}: binary content, not a text or HTML page"]


# --- WARC -----------------------------------------------------------------------------
def test_example_warc_gives_its_two_html_responses_with_urls():
    docs = list(iter_warc(WARC))
    assert all(isinstance(d, RawDoc) and d.kind == "html" for d in docs)
    assert [d.url for d in docs] == [
        "https://www.meridianwire.example/world/2024/03/25/oskara-geneva-talks-suspended",
        "https://reliefdaily.example/news/2024/03/27/belmora-border-camp-convoy"]
    assert "Geneva talks on Oskara suspended" in docs[0].content
    assert docs[0].source.startswith(f"{WARC}#<urn:uuid:")


@pytest.mark.parametrize("compressed", [True, False])
def test_every_cut_of_a_warc_gives_exactly_one_failure_line(tmp_path, compressed):
    """Cut the real example archive at many points: never silent, never more than one line."""
    data = WARC.read_bytes() if compressed else gzip.decompress(WARC.read_bytes())
    path = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    silent = []
    for cut in range(1, len(data) - 8, 37):
        path.write_bytes(data[:cut])
        items = list(iter_inputs([str(path)]))
        failures = [x for x in items if isinstance(x, InputFailure)]
        if len(failures) != 1:
            silent.append((cut, items))
        elif not any(w in failures[0].reason for w in ("truncated", "broken", "not a WARC")):
            silent.append((cut, failures[0].reason))
    # a cut exactly between two records leaves a valid, shorter archive: at most a few such points
    assert len(silent) <= 4, silent[:5]


def make_warc(path: Path, pages: int, page_bytes: int) -> None:
    """A WARC of `pages` HTML responses of about `page_bytes` each (written with warcio)."""
    para = f"<p>{BODY}</p>\n"
    body = ("<html><head><title>Strike</title></head><body>" + para * (page_bytes // len(para)) + "</body></html>").encode()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for i in range(pages):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://quayside.example/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=http))


def peak_memory_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    count = 0
    for item in iter_warc(path):
        assert isinstance(item, RawDoc)
        count += 1
        del item
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def test_warc_is_streamed_memory_does_not_grow_with_the_archive(tmp_path):
    small, big = tmp_path / "small.warc.gz", tmp_path / "big.warc.gz"
    make_warc(small, 5, 200_000)
    make_warc(big, 150, 200_000)            # 30 MB of pages
    n_small, peak_small = peak_memory_while_reading(small)
    n_big, peak_big = peak_memory_while_reading(big)
    assert (n_small, n_big) == (5, 150)
    assert peak_big < 3 * peak_small + 2_000_000, (peak_small, peak_big)
    assert peak_big < 10_000_000


def test_warc_charset_from_http_header(tmp_path):
    path = tmp_path / "latin.warc"
    body = "<html><body><p>\u201cNo comment,\u201d said the Ministry of D\u00e9fense.</p></body></html>".encode("cp1252")
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=ISO-8859-1")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://quayside.example/d", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    [doc] = iter_warc(path)
    assert "\u201cNo comment,\u201d said the Ministry of D\u00e9fense." in doc.content


def test_text_file_named_warc_is_not_a_warc(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text(BODY)
    assert [x.reason for x in iter_inputs([str(path)])] == ["not a WARC file (no WARC/1.x header)"]


# --- every bad input of issue #2 through the real CLI -------------------------------------
GOOD_DUMP = """Saltmere Gazette

Port strike enters third week as talks collapse

Published: Apr 4, 2024, 06:20 PM (CET)

{body}

Union leader Marta Keane told reporters on Thursday that the 1,400 members of the dockers' union would stay out "until the harbour authority puts a real offer on the table". The authority said the strike had cost the port about 12 million euros since it began last month, according to its chief executive, Owen Pratt.

Ships have been diverted to the neighbouring port of Lunhaven, where officials said on Wednesday that traffic had risen by a third.

READ  Council approves new ferry timetable

Related Articles

Leave a Reply

Your email address will not be published. Required fields are marked *

© 2024 Saltmere Gazette
"""

BROKEN_HTML = """<html><head><title>Border crossing reopens after two-week closure</title>
<meta property="og:site_name" content=Frontier Daily>
<body><div class="page"><div class=article>
<h1>Border crossing reopens after two-week closure
<p>The main crossing between the two provinces reopened on Tuesday after a two-week closure that left hundreds of lorries stranded, the regional transport authority said.
<p>Drivers had waited for up to nine days on the motorway & the service roads, according to the hauliers' association, which said its members lost about 3 million euros.</div>
<p>The governor of the northern province, Ada Weller, said the closure had been "a necessary response to the smuggling of weapons" and that checks would remain in place for another month.</span></b>
<p>Customs officers found 14 rifles and ammunition hidden in a lorry carrying fruit last month, the authority said.
<div class="footer">&copy; 2024 Frontier Daily
"""


def sqlite_rows(db: Path) -> dict:
    con = sqlite3.connect(db)
    try:
        return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("articles", "entities", "entity_map", "events", "state")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def bad_batch(examples_store, tmp_path_factory):
    """A store holding examples/, then one ingest of a batch mixing every bad input with good
    pages, then the same batch again. Returns what each step did."""
    tmp = tmp_path_factory.mktemp("bad-batch")
    db = copy_store(examples_store.db, tmp / "store.db")
    before = sqlite_rows(db)
    batch = tmp / "batch"
    batch.mkdir()
    bad = {
        "empty.html": "empty",
        "photo.html": "binary",
        "scan.bin": "binary",
        "huge.txt": "too large",
        "cut.warc.gz": "truncated",
        "rows.jsonl:2": "invalid JSON",
        "rows.jsonl:3": "invalid JSON",
    }
    (batch / "empty.html").write_bytes(b"")
    (batch / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (batch / "scan.bin").write_bytes(bytes(range(256)) * 40)
    with open(batch / "huge.txt", "wb") as f:       # 200 MB, sparse: fast to make
        f.write(GOOD_DUMP.format(body=BODY).encode())
        f.truncate(200 * 1024 * 1024)
    data = WARC.read_bytes()
    (batch / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    (batch / "rows.jsonl").write_text("\n".join([
        json.dumps({"id": "quayside-cafes", "text": "Owners of 40 cafés marched to city hall on Monday against a new "
                    "licence fee. The deputy mayor said the council would review it next month.", "published": "2024-04-08"}),
        '{"id": "quayside-2", "text": "The harbour',
        "{'id': 'single-quoted'}",
    ]) + "\n", encoding="utf-8")
    good = {"good.txt": "Marta Keane told reporters on Thursday", "latin1.html": "Caf\u00e9 owners protest",
            "cp1252.txt": "the offer \u2013 a 12% cut in the cod quota \u2013 would", "broken.html": "Border crossing reopens", "rows.jsonl:1": None}
    (batch / "good.txt").write_text(GOOD_DUMP.format(body=BODY), encoding="utf-8")
    (batch / "latin1.html").write_bytes(CP1252_HTML.encode("cp1252"))
    (batch / "cp1252.txt").write_bytes(("Quayside Echo\n\nFishermen reject ministry\u2019s \u201cfinal offer\u201d on quotas\n\n"
                                        "Published: Apr 5, 2024, 08:00 AM (CET)\n\n" + BODY * 3 +
                                        "\n\nThe fishermen\u2019s federation said the offer \u2013 a 12% cut in the cod quota \u2013 "
                                        "would put 300 boats out of business, according to its president, S\u00f8ren Vik.\n\n"
                                        "\u00a9 2024 Quayside Echo\n").encode("cp1252"))
    (batch / "broken.html").write_text(BROKEN_HTML, encoding="utf-8")
    paths = [str(batch / name) for name in sorted({n.split(":")[0] for n in [*bad, *good]})]
    first = run_cli(db, "ingest", "--processes", "1", *paths)
    after_first = sqlite_rows(db)
    second = run_cli(db, "ingest", "--processes", "1", *paths)
    after_second = sqlite_rows(db)
    return dict(db=db, batch=batch, bad=bad, good=good, first=first, second=second,
                before=before, after_first=after_first, after_second=after_second)


@pytest.mark.slow
def test_each_bad_input_gets_exactly_one_error_line_naming_it(bad_batch):
    lines = bad_batch["first"].error_lines
    for name, reason in bad_batch["bad"].items():
        named = [ln for ln in lines if f"{bad_batch['batch'] / name}:" in ln]
        assert len(named) == 1, f"{name}: {named or lines}"
        assert reason in named[0], named[0]
    assert len(lines) == len(bad_batch["bad"]), lines


@pytest.mark.slow
def test_exit_code_says_some_failed_and_summary_counts(bad_batch):
    first = bad_batch["first"]
    assert first.rc != 0
    assert first.summary == {"ingested": len(bad_batch["good"]), "unchanged": 0, "updated": 0,
                             "failed": len(bad_batch["bad"])}, first.stdout + first.stderr[-2000:]
    assert "Traceback" not in first.stderr


@pytest.mark.slow
def test_good_pages_in_the_batch_are_ingested_and_decoded(bad_batch):
    con = sqlite3.connect(bad_batch["db"])
    records = [json.loads(r) for (r,) in con.execute("SELECT record FROM articles")]
    con.close()
    by_name = {Path(r["source"]).name: r for r in records}
    for name, words in bad_batch["good"].items():
        if words is None:
            continue
        assert name in by_name, f"{name} not stored"
        assert words in (by_name[name]["title"] or "") + by_name[name]["text"], (name, by_name[name]["title"])
    latin = by_name["latin1.html"]["text"]
    assert "\u201cWe cannot pay this and keep our staff,\u201d said Ren\u00e9e Fournel" in latin
    assert "\u20ac2,000" in latin and "\u00c3" not in latin          # no UTF-8/Latin-1 mojibake
    assert "S\u00f8ren Vik" in by_name["cp1252.txt"]["text"]
    assert "Ada Weller" in by_name["broken.html"]["text"]
    assert any(r["id"] == "quayside-cafes" and "caf\u00e9s" in r["text"] for r in records)


@pytest.mark.slow
def test_store_keeps_its_earlier_content(bad_batch):
    before = {row[0]: row for row in bad_batch["before"]["articles"]}
    after = {row[0]: row for row in bad_batch["after_first"]["articles"]}
    assert before and all(after.get(aid) == row for aid, row in before.items())
    assert len(after) == len(before) + len(bad_batch["good"])


@pytest.mark.slow
def test_reingesting_the_same_batch_changes_nothing(bad_batch):
    second = bad_batch["second"]
    assert second.summary == {"ingested": 0, "unchanged": len(bad_batch["good"]), "updated": 0,
                              "failed": len(bad_batch["bad"])}
    assert len(second.error_lines) == len(bad_batch["bad"])
    assert bad_batch["after_second"] == bad_batch["after_first"]


@pytest.mark.slow
def test_changed_page_is_updated_not_doubled(bad_batch, tmp_path):
    db = copy_store(bad_batch["db"], tmp_path / "store.db")
    page = bad_batch["batch"] / "good.txt"
    count = len(sqlite_rows(db)["articles"])
    page.write_text(GOOD_DUMP.format(body=BODY + "\n\nA mediator appointed by the labour ministry will meet both sides on Monday."),
                    encoding="utf-8")
    try:
        run = run_cli(db, "ingest", "--processes", "1", str(page))
    finally:
        page.write_text(GOOD_DUMP.format(body=BODY), encoding="utf-8")
    assert run.rc == 0, run.stderr[-2000:]
    assert run.summary == {"ingested": 0, "unchanged": 0, "updated": 1, "failed": 0}
    rows = sqlite_rows(db)["articles"]
    assert len(rows) == count
    [text] = [json.loads(r[7])["text"] for r in rows if r[1] == str(page)]
    assert "A mediator appointed by the labour ministry" in text


@pytest.mark.slow
def test_ids_are_stable_across_runs_and_warc_ids_follow_the_url(examples_store, tmp_path):
    """The same inputs give the same ids in a fresh store; a WARC record's id comes from its
    URL, so a copy of the archive elsewhere gives the same ids."""
    elsewhere = tmp_path / "moved" / "archive.warc.gz"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(WARC.read_bytes())
    db = tmp_path / "fresh.db"
    run = run_cli(db, "ingest", "--processes", "1", str(elsewhere))
    assert run.rc == 0, run.stderr[-2000:]
    con = sqlite3.connect(examples_store.db)
    original = dict(con.execute("SELECT json_extract(record, '$.url'), id FROM articles WHERE source LIKE '%warc.gz#%'"))
    con.close()
    con = sqlite3.connect(db)
    moved = dict(con.execute("SELECT json_extract(record, '$.url'), id FROM articles"))
    con.close()
    assert len(moved) == 2 and moved == original


def test_annotate_names_a_missing_input_in_one_line(tmp_path):
    run = run_cli(None, "annotate", str(tmp_path / "absent.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert run.rc == 1
    lines = run.stderr.strip().splitlines()
    assert lines == [f"error: {tmp_path / 'absent.jsonl'}: no such file"]


def test_annotate_writes_an_error_record_under_the_input_id(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "blank-7", "text": "  "}\n{"id": 42, "html": 5}\n'
                    '{"id": "ok-1", "text": "Police arrested two men in the port city on Monday."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = run_cli(None, "annotate", "--processes", "1", str(rows), "-o", str(out))
    assert run.rc == 0, run.stderr[-2000:]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0] == {"id": "blank-7", "error": "empty text"}
    assert records[1]["id"] == "42" and "error" in records[1]
    assert records[2]["id"] == "ok-1" and "error" not in records[2]
    assert len(run.stderr.strip().splitlines()) == 3          # two error lines and the summary
    strict = run_cli(None, "annotate", "--processes", "1", "--strict", str(rows), "-o", str(out))
    assert strict.rc == 1
