"""Repetition across the pages of one site (clean.site): lines that other pages of the same
site repeat are chrome; versions of one story keep their body."""
import io
import json
from collections import Counter

import pytest

from newsgraph.clean import clean
from newsgraph.clean import site as sitemod
from newsgraph.clean.site import SiteProfile, build_profile, host_folder, host_of, line_key
from newsgraph.records import RawDoc

NAV = "Home\nNews\nSport\nOpinion\nSubscribe\n"
FOOT = "\nAbout us\nContact\nPrivacy policy\n© 2026 Harbour Gazette\n"
APPEAL = ("Our journalism is funded by readers like you. Every contribution, however small, keeps the "
          "Harbour Gazette independent and free to read for everyone in the valley.")
STORIES = [
    ("Council approves new ferry timetable", [
        "The town council on Tuesday approved a new ferry timetable that adds two evening crossings to the island from next month.",
        "Councillor Maria Delgado said the change answered years of complaints from commuters who work late shifts at the hospital.",
        "The operator will hire four additional deckhands to staff the extra sailings, according to a statement."]),
    ("Storm damages harbour wall", [
        "A winter storm tore a ten-metre gap in the old harbour wall overnight, forcing fishermen to move their boats to the marina.",
        "Engineers inspected the damage on Wednesday morning and said repairs could take until the spring.",
        "The harbour master urged residents to stay away from the breakwater while the sea remained rough."]),
    ("Library reopens after renovation", [
        "The central library reopened on Saturday after an eighteen-month renovation that added a children's wing and a rooftop reading room.",
        "Hundreds of visitors queued outside before the doors opened, and the first loans were a picture book and a local history.",
        "The project was paid for by a regional grant and a fundraising drive led by volunteers."]),
    ("School choir wins national prize", [
        "The choir of St Anne's primary school won first prize at the national youth music festival in the capital on Sunday.",
        "Its conductor, Peter Okafor, said the thirty children had rehearsed every lunchtime since September.",
        "The prize includes a recording session at a professional studio next year."]),
]


def dump(title: str, paragraphs: list[str]) -> str:
    body = "\n\n".join(paragraphs)
    return f"{NAV}\n{title}\n\nBy Staff Reporter\n\n{body}\n\n{APPEAL}\n{FOOT}"


def page(i: int, paragraphs=None, url=None) -> RawDoc:
    title, paras = STORIES[i % len(STORIES)]
    return RawDoc(source=f"p{i}", kind="raw_text", content=dump(title, paragraphs or paras), id=f"p{i}",
                  url=url or f"https://www.harbourgazette.com/news/{i}")


def cleaned(raws: list[RawDoc]) -> list[str]:
    profile = build_profile(raws)
    for raw in raws:
        raw.site_chrome = profile.recurring(raw)
    return [clean(raw, raw.id).text for raw in raws]


def test_site_is_the_host_without_www_and_an_archived_copy_belongs_to_its_site():
    assert host_of("https://www.Harbourgazette.com/news/1") == "harbourgazette.com"
    assert host_of("http://web.archive.org/web/20190102030405/https://www.harbourgazette.com/a") == "harbourgazette.com"
    assert host_of("https://web.archive.org/web/2019id_/http://news.example.org/x") == "news.example.org"
    assert host_of("not a url") is None


def test_a_folder_named_like_a_host_is_the_site_of_the_files_under_it():
    assert host_folder("/crawl/www.harbourgazette.com/news/2026/ferry.txt") == "harbourgazette.com"
    assert host_folder("/home/me/pages/ferry.txt") is None


def test_the_page_alone_keeps_the_appeal_the_classifier_takes_for_body():
    assert APPEAL in clean(page(0), "p0").text


def test_a_line_that_other_pages_of_the_site_repeat_is_removed_and_listed():
    raws = [page(i) for i in range(4)]
    texts = cleaned(raws)
    for (title, paras), text in zip(STORIES, texts):
        assert APPEAL not in text
        assert all(p in text for p in paras)
    assert APPEAL in clean(raws[0], "p0").removed


def test_two_pages_are_not_enough_to_call_a_line_chrome():
    texts = cleaned([page(0), page(1)])
    assert all(APPEAL in t for t in texts)


def test_other_sites_do_not_count():
    raws = [page(0), page(1, url="https://another-paper.org/a"), page(2, url="https://third.net/b")]
    assert all(APPEAL in t for t in cleaned(raws))


def test_the_same_page_twice_counts_once():
    profile = SiteProfile()
    for _ in range(3):
        profile.add(page(0))
    assert profile.recurring(page(0)) == frozenset()


def test_versions_of_one_story_keep_their_body():
    paras = STORIES[0][1]
    versions = [page(0, paras), page(5, paras + ["Update: the first evening crossing runs on the 3rd."]),
                page(6, paras + ["Update: the first evening crossing runs on the 3rd.", "Tickets go on sale on Friday."])]
    for text in cleaned(versions):
        assert all(p in text for p in paras)


def test_memory_stays_bounded_by_forgetting_lines_seen_once(monkeypatch):
    monkeypatch.setattr(sitemod, "MAX_KEYS_PER_SITE", 50)
    profile = SiteProfile()
    for i in range(30):
        lines = [f"Unique line number {i} {j} of this crawl page here" for j in range(5)]
        profile.add(RawDoc(source=f"u{i}", kind="raw_text", url="https://harbourgazette.com/x",
                           content="\n\n".join(lines + [APPEAL])))
    counts = profile.line_pages["harbourgazette.com"]
    assert len(counts) <= 50 + 6
    assert counts[line_key(APPEAL)] >= 3


@pytest.mark.slow
def test_annotate_and_ingest_use_the_batch_s_site_profile(tmp_path):
    from newsgraph.service import annotate, ingest
    from newsgraph.store import Store

    rows = [{"id": f"p{i}", "url": f"https://www.harbourgazette.com/news/{i}", "raw_text": dump(*STORIES[i])}
            for i in range(4)]
    src = tmp_path / "site.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = io.StringIO()
    annotate(str(src), out, processes=1)
    texts = [json.loads(line)["text"] for line in out.getvalue().splitlines()]
    assert len(texts) == 4 and all(APPEAL not in t for t in texts)

    folder = tmp_path / "www.harbourgazette.com"
    folder.mkdir()
    for i in range(4):
        (folder / f"{i}.txt").write_text(dump(*STORIES[i]), encoding="utf-8")
    store = Store(str(tmp_path / "kb.db"))
    report = ingest(store, [str(tmp_path / "www.harbourgazette.com")], processes=1)
    assert report.ingested == 4
    assert all(APPEAL not in a.text for a in store.articles())
    again = ingest(store, [str(folder)], processes=1)
    assert (again.unchanged, again.ingested, again.updated) == (4, 0, 0)


def test_a_profile_starts_from_the_site_s_history():
    history = build_profile([page(0), page(1)])
    stored = {site: (set(pages), Counter(lines)) for site, pages, lines in history.changed_sites()}
    later = build_profile([page(2)], history=lambda site: stored.get(site, (set(), Counter())))
    alone = page(2)
    alone.site_chrome = later.recurring(alone)
    assert line_key(APPEAL) in alone.site_chrome
    assert APPEAL not in clean(alone, alone.id).text
    assert list(later.changed_sites())[0][0] == "harbourgazette.com"
    again = build_profile([page(0)], history=lambda site: stored.get(site, (set(), Counter())))
    assert list(again.changed_sites()) == []          # a page seen before is not counted twice


def test_store_keeps_site_history_with_64_bit_keys(tmp_path):
    from newsgraph.store import Store

    store = Store(str(tmp_path / "kb.db"))
    big, small = (1 << 64) - 5, 7
    store.put_site_history([("harbourgazette.com", {b"\x01" * 16, b"\x02" * 16}, Counter({big: 3, small: 1}))])
    pages, lines = store.site_history("harbourgazette.com")
    assert pages == {b"\x01" * 16, b"\x02" * 16} and lines == Counter({big: 3, small: 1})
    assert store.site_history("other.org") == (set(), Counter())
    store.close()


@pytest.mark.slow
def test_a_page_ingested_alone_loses_the_chrome_its_site_s_earlier_pages_share(tmp_path):
    from newsgraph.service import ingest
    from newsgraph.store import Store

    folder = tmp_path / "www.harbourgazette.com"
    folder.mkdir()
    store = Store(str(tmp_path / "kb.db"))
    for i in range(2):
        (folder / f"{i}.txt").write_text(dump(*STORIES[i]), encoding="utf-8")
    ingest(store, [str(folder)], processes=1)
    assert all(APPEAL in a.text for a in store.articles())          # two pages: not yet a pattern
    (folder / "2.txt").write_text(dump(*STORIES[2]), encoding="utf-8")
    report = ingest(store, [str(folder / "2.txt")], processes=1)
    assert report.ingested == 1
    third = next(a for a in store.articles() if a.title == STORIES[2][0])
    assert APPEAL not in third.text and APPEAL in third.removed
    assert STORIES[2][1][0] in third.text
    history = store.site_history("harbourgazette.com")
    assert len(history[0]) == 3
    again = ingest(store, [str(folder)], processes=1)
    assert (again.unchanged, again.ingested, again.updated) == (3, 0, 0)
    assert store.site_history("harbourgazette.com") == history
    store.close()
