"""The per-article pipeline: clean -> nlp -> entities -> timex -> events -> quotes -> main event
-> story features (the story index's per-article part; the index itself runs in the parent).

`analyze_stream` is a pure function of its input records: RawDoc in, Analysis (or
InputFailure) out, in input order. Work is spread over worker processes, each loading the
spaCy model once and calling `nlp.pipe` on a chunk of articles; at most a few chunks are in
flight, so a corpus is streamed, never held in memory."""
from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator, Union

from newsgraph.ingest import InputFailure
from newsgraph.records import Analysis, Article, RawDoc

CHUNK = 16
Result = Union[Analysis, InputFailure]


def article_id(raw: RawDoc) -> str:
    """Stable id: the given id, else a hash of the page's URL, else of its file's last two path
    parts ("seeds/000.txt"), which do not depend on how or where the path was typed."""
    if raw.id:
        return raw.id
    return "a-" + hashlib.sha1(identity_key(raw).encode("utf-8")).hexdigest()[:16]


def identity_key(raw: RawDoc) -> str:
    if raw.url:
        return raw.url
    path, sep, rest = raw.source.partition("#")
    where, colon, line = path.rpartition(":")
    if colon and line.isdigit():          # a JSONL row without an id: "file.jsonl:12"
        path, rest = where, line
    parts = os.path.abspath(path).split(os.sep)
    return "/".join(parts[-2:]) + (("#" + rest) if rest else "")


def raw_hash(raw: RawDoc) -> str:
    """What decides 'unchanged' on re-ingest: the input content and the metadata given with it."""
    h = hashlib.sha1()
    for part in (raw.kind, raw.content, raw.published or "", raw.title or "", raw.url or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def analyze_chunk(raws: list[RawDoc]) -> list[Result]:
    """Clean, parse (one nlp.pipe call) and run every extraction stage on a chunk of pages."""
    from newsgraph.clean import CleanError, clean
    from newsgraph.nlp import get_nlp

    results: list[Result] = []
    articles: list[Article] = []
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    for raw in raws:
        try:
            art = clean(raw, article_id(raw))
            art.content_hash = art.content_hash or hashlib.sha1(art.text.encode("utf-8")).hexdigest()
            articles.append(art)
            results.append(Analysis(article=art))
        except CleanError as e:
            results.append(InputFailure(raw.source, str(e), raw.id))
        except Exception as e:  # a broken page must not stop the batch
            results.append(InputFailure(raw.source, f"cannot clean ({type(e).__name__}: {e})", raw.id))
    timings["clean"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(get_nlp().pipe([a.text for a in articles], batch_size=CHUNK))
    timings["nlp"] = time.perf_counter() - t0
    analyses = [r for r in results if isinstance(r, Analysis)]
    for analysis, doc in zip(analyses, docs):
        try:
            run_stages(analysis, doc, timings)
        except Exception as e:  # a stage that fails on one article fails that article only
            art = analysis.article
            failed = InputFailure(art.source, f"analysis failed ({type(e).__name__}: {e})", art.id)
            results[next(i for i, r in enumerate(results) if r is analysis)] = failed
    analyses = [r for r in results if isinstance(r, Analysis)]
    for analysis in analyses:
        analysis.timings = {k: v / max(1, len(analyses)) for k, v in timings.items()}
    return results


def run_stages(analysis: Analysis, doc, timings: dict[str, float]) -> None:
    """Every extraction stage on one parsed article, timing each."""
    from newsgraph.entities import extract_entities
    from newsgraph.events import extract_events
    from newsgraph.events.main_event import main_event
    from newsgraph.quotes import extract_quotes
    from newsgraph.stories.features import story_features
    from newsgraph.timex import extract_timexes

    from newsgraph.nlp import reading

    art = analysis.article

    def timed(name, fn, *args):
        t0 = time.perf_counter()
        out = fn(*args)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        return out

    with reading(doc):    # the stages share one build of the Doc's text, entities and sentences
        analysis.entities = timed("entities", extract_entities, art, doc)
        analysis.timexes = timed("timex", extract_timexes, art, doc)
        analysis.events = timed("events", extract_events, art, doc, analysis.entities, analysis.timexes)
        analysis.quotes, analysis.claims = timed("quotes", extract_quotes, art, doc, analysis.entities)
        art.main_event = timed("main_event", main_event, art, doc, analysis.entities, analysis.events,
                               analysis.timexes)
    analysis.story_features = timed("stories", story_features, art, analysis.entities)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


WARM_UP = RawDoc(source="warm-up", kind="text", id="warm-up",
                 content="The foreign minister of France said on Monday that talks in Geneva would resume.")


def warm_up() -> None:
    """Load the model and every stage's lexicons and gazetteers once, in this process, so
    forked workers share them instead of loading their own: the stages that can load theirs
    on request do, and one short article runs through all of them for the rest."""
    from newsgraph import entities, events, timex
    from newsgraph.events import main_event

    for preload in (entities.preload, events.preload, main_event.preload, timex.preload):
        preload()
    analyze_chunk([WARM_UP])


def analyze_stream(items: Iterable[Union[RawDoc, InputFailure]], processes: int | None = None,
                   chunk: int = CHUNK) -> Iterator[Result]:
    """Analyses in input order; failures from ingest pass straight through."""
    from newsgraph.nlp import default_processes
    processes = default_processes() if processes is None else processes
    if processes <= 1:
        for batch in _chunks(items, chunk):
            yield from _analyze_mixed(batch)
        return
    # Workers are forked after the warm-up, so they share the loaded model and data.
    # ProcessPoolExecutor, not Pool: a worker that dies raises BrokenProcessPool instead of hanging.
    warm_up()
    with ProcessPoolExecutor(processes, mp_context=mp.get_context("fork")) as pool:
        pending: deque = deque()
        for batch in _chunks(items, chunk):
            pending.append(pool.submit(_analyze_mixed, batch))
            while len(pending) > processes * 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _analyze_mixed(batch: list) -> list[Result]:
    """Analyze the RawDocs of a batch, keeping ingest failures in their place."""
    raws = [x for x in batch if isinstance(x, RawDoc)]
    done = iter(analyze_chunk(raws)) if raws else iter(())
    return [next(done) if isinstance(x, RawDoc) else x for x in batch]
