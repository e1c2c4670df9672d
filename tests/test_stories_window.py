"""Stories stage, speed and memory: the fast tokeniser, MinHash and LSH give what the regex and
datasketch give, compact term counts weigh as Counters do, saved state keeps copy detection,
and annotate settles in bounded windows (one window = one batch)."""
import io
import json
import random
from collections import Counter

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.records import Analysis, Article
from newsgraph.stories import StoryIndex, dupes
from newsgraph.stories.vectors import (
    TOKEN_RE,
    IdfTable,
    OnlineIdf,
    TermCounts,
    raw_tokens,
    tokens,
    weigh,
)

REPORTS = [
    "Crews in Halden cleared fallen trees on Tuesday after a storm brought gusts of 140 km/h to the coast.",
    "The storm cut power to 12,500 homes around Halden; the utility said most would be reconnected by Thursday.",
    "Halden's mayor, Ingrid Solberg, said the sea wall held — \"barely\" — and thanked volunteers.",
    "Two ferries to the islands were cancelled and the harbour stayed shut until the wind dropped.",
    "Shares in Nordvik Shipping fell 3.4% after the company said the storm damaged two cranes at Halden.",
    "Nordvik's chief executive, Lars Berg, told analysts the repairs would cost about NOK 40 million.",
    "Farmers near Halden reported flattened barley fields and a barn roof torn off by the wind.",
    "Forecasters warned of a second, weaker storm arriving over the weekend with heavy rain inland.",
]


def test_the_fast_tokeniser_reads_text_as_the_regex_does():
    cases = ["It's the U.S.-led plan: 1,200 troops (and 3.5bn) — 'well-known' e-mail_x x1 ½ 2nd",
             "Ex-minister O'Neill said “no”… then: “yes!” ...and-- so", "Ünïcödé wörds, ß and 42.", ""]
    for text in cases + REPORTS:
        low = text.lower().replace("’", "'")
        assert raw_tokens(low) == TOKEN_RE.findall(low), text
    alphabet = "ab é1_2'-.,;:!?()“”«»—…/* \n½ß"
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert raw_tokens(text) == TOKEN_RE.findall(text), repr(text)


def test_the_numpy_minhash_is_datasketchs_affine32_minhash():
    rng = np.random.default_rng(3)
    for size in (1, 8, 300):
        hashes = rng.integers(0, 2 ** 32, size, dtype=np.uint64).astype(np.uint32)
        reference = MinHash(num_perm=dupes.NUM_PERM, seed=dupes.SEED, hashfunc=dupes.identity_hash,
                            scheme=dupes.SCHEME)
        reference.update_batch(hashes.tolist())
        assert np.array_equal(dupes.minhash(hashes), reference.hashvalues)


def test_the_band_index_finds_what_datasketchs_lsh_finds():
    rng = np.random.default_rng(5)
    base = rng.integers(0, 2 ** 32, 64, dtype=np.uint64).astype(np.uint32)
    sketches = {}
    for n in range(40):
        sketch = base.copy()
        changed = rng.choice(64, size=int(rng.integers(0, 64)), replace=False)
        sketch[changed] = rng.integers(0, 2 ** 32, len(changed), dtype=np.uint64).astype(np.uint32)
        sketches[f"doc{n}"] = sketch
    ours, theirs = dupes.BandIndex(), MinHashLSH(num_perm=dupes.NUM_PERM, params=dupes.lsh_bands())
    for doc_id, sketch in sketches.items():
        ours.insert(doc_id, ours.band_keys(sketch))
        theirs.insert(doc_id, MinHash(num_perm=dupes.NUM_PERM, hashvalues=sketch, scheme=dupes.SCHEME))
    for sketch in sketches.values():
        query = MinHash(num_perm=dupes.NUM_PERM, hashvalues=sketch, scheme=dupes.SCHEME)
        assert sorted(ours.query(ours.band_keys(sketch))) == sorted(theirs.query(query))


def test_compact_counts_weigh_as_counters_do():
    idf = OnlineIdf()
    counters = [Counter(tokens(text)) for text in REPORTS]
    for counts in counters:
        idf.add(counts)
    table = IdfTable(idf)
    table.fill(term for counts in counters for term in counts)
    for counts in counters:
        compact = idf.compact(counts)
        assert isinstance(compact, TermCounts)
        assert list(compact.items()) == list(counts.items())
        expected = weigh(counts, idf, limit=5)
        assert weigh(compact, idf, limit=5) == expected
        assert weigh(compact, idf, limit=5, table=table) == expected
        assert list(weigh(compact, idf, limit=5, table=table)) == list(expected)


def test_a_copy_is_still_found_after_the_index_is_saved_and_loaded():
    body = " ".join(REPORTS[:4])
    index = StoryIndex()
    index.add(Article(id="wire", source="test://wire", text=body, title="Storm hits Halden"), [], [])
    state = json.loads(json.dumps(index.to_state()))
    assert isinstance(state["dupes"]["docs"]["wire"]["text_mh"], list)
    reloaded = StoryIndex(state)
    copy = Article(id="reprint", source="test://reprint", text=body + " Reporting by staff.", title="Storm hits Halden")
    story, original = reloaded.add(copy, [], [])
    assert original == "wire" and story == reloaded.assignments_of("wire")[0]
    assert json.loads(json.dumps(reloaded.to_state()))["dupes"]["docs"]["wire"] == state["dupes"]["docs"]["wire"]


TOPICS = {
    "storm": REPORTS[:4] + REPORTS[6:8],
    "shares": [REPORTS[4], REPORTS[5],
               "Nordvik Shipping's results showed crane repairs at Halden would weigh on second-quarter profit.",
               "Analysts cut their targets for Nordvik Shipping, citing storm damage to Halden cranes."],
}


def stubbed_input(tmp_path, monkeypatch, seen_pending):
    """The topic articles as a JSONL input, with the service's analysis stubbed to hand back
    their Analysis records and a StoryIndex that records how many articles wait at each add."""
    import newsgraph.stories as stories_pkg
    from newsgraph import service

    ids, analyses = [], {}
    for topic, texts in TOPICS.items():
        for n, text in enumerate(texts):
            aid = f"{topic}-{n}"
            ids.append(aid)
            analyses[aid] = Analysis(article=Article(id=aid, source=f"test://{aid}", text=text, title=None))

    class Watched(StoryIndex):
        def add(self, *args, **kwargs):
            seen_pending.append(len(self.pending))
            return super().add(*args, **kwargs)

    monkeypatch.setattr(service, "analyze_stream", lambda docs, processes=None: (analyses[d.id] for d in docs))
    monkeypatch.setattr(service, "article_id", lambda raw: raw.id)
    monkeypatch.setattr(stories_pkg, "StoryIndex", Watched)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": aid, "text": analyses[aid].article.text}) + "\n" for aid in ids))
    return ids, src


def annotate_with(tmp_path, monkeypatch, settle_every, seen_pending):
    """annotate over the topic articles (analysis stubbed), recording how many articles waited."""
    from newsgraph import service

    ids, src = stubbed_input(tmp_path, monkeypatch, seen_pending)
    out = io.StringIO()
    service.annotate(str(src), out, stories=True, settle_every=settle_every)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ids
    return {r["id"]: (r["story_id"], r["duplicate_of"]) for r in rows}


def test_a_window_larger_than_the_input_is_one_batch(tmp_path, monkeypatch):
    seen = []
    windowed = annotate_with(tmp_path, monkeypatch, 1000, seen)
    index = StoryIndex()
    for topic, texts in TOPICS.items():
        for n, text in enumerate(texts):
            index.add(Article(id=f"{topic}-{n}", source=f"test://{topic}-{n}", text=text, title=None), [], [],
                      place=False)
    index.settle()
    assert windowed == index.assignments()
    assert max(seen) == len(windowed) - 1


def test_annotate_settles_every_window_so_few_articles_wait(tmp_path, monkeypatch):
    seen = []
    assigned = annotate_with(tmp_path, monkeypatch, 3, seen)
    assert max(seen) <= 2                      # a window of 3 settles as its third article comes
    assert all(story for story, _ in assigned.values())
    assert len(seen) == sum(len(texts) for texts in TOPICS.values())


def test_shingle_hashes_are_the_rolling_crc_hashes():
    words = tokens(" ".join(REPORTS * 2))
    expected = set()
    for start in range(len(words) - dupes.SHINGLE_WORDS + 1):
        value = 0
        for word in words[start:start + dupes.SHINGLE_WORDS]:
            value = (value * dupes.ROLL + dupes.word_hashes([word])[0]) & 0xFFFFFFFF
        expected.add(value)
    assert dupes.shingle_hashes(words).tolist() == sorted(expected)
    assert len(dupes.shingle_hashes(words[:3])) == 0


def test_a_long_ingest_run_settles_in_windows_and_stores_the_settled_ids(tmp_path, monkeypatch):
    """Ingest into a real SQLite store (analysis stubbed as in annotate_with): with a window of 3
    no more than 2 articles wait unsettled, and every stored story id is the index's final one."""
    import newsgraph.stories as stories_pkg
    from newsgraph import service
    from newsgraph.store import Store

    seen = []
    ids, src = stubbed_input(tmp_path, monkeypatch, seen)
    monkeypatch.setattr(stories_pkg, "SETTLE_WINDOW", 3)
    store = Store(str(tmp_path / "ng.db"))
    report = service.ingest(store, [str(src)])
    assert report.ingested == len(ids) and max(seen) <= 2
    final = StoryIndex(store.get_state("stories")).assignments()
    stored = {a.id: (a.story_id, a.duplicate_of) for a in store.articles()}
    assert stored == {aid: final[aid] for aid in ids}
