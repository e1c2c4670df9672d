"""What the CLI, the API and the UI share: ingest a batch into the store and rebuild the
knowledge base, and annotate a JSONL stream without a store."""
from __future__ import annotations

import json
import tempfile
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, TextIO

from newsgraph import kb as kbmod
from newsgraph.clean.site import SiteProfile, build_profile, host_folder
from newsgraph.ingest import InputFailure, iter_file, iter_inputs, iter_jsonl, iter_paths, kind_of
from newsgraph.pipeline import analyze_stream, article_id, raw_hash
from newsgraph.records import Analysis, RawDoc, to_dict
from newsgraph.store import Store


@dataclass
class IngestReport:
    ingested: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"ingested {self.ingested}, unchanged {self.unchanged}, updated {self.updated}, failed {self.failed}"


def ingest(store: Store, specs: Iterable[str], on_failure: Callable[[str], None] = lambda s: None,
           progress: Optional[Callable[[], None]] = None, processes: Optional[int] = None) -> IngestReport:
    """Analyze new or changed pages into the store, one transaction per article, then
    rebuild the cross-article knowledge base. Page dumps are cleaned against the other pages
    of their site, in this batch and stored before. Story placements settle every SETTLE_WINDOW
    articles and at the end of the run. Unchanged pages are skipped before analysis;
    a page named twice in one batch is analyzed once. A store left dirty by an interrupted
    ingest is repaired (story index replayed, knowledge base rebuilt) even if nothing changed."""
    from newsgraph.stories import SETTLE_WINDOW, StoryIndex

    report = IngestReport()
    hashes: dict[str, str] = {}
    specs = list(specs)
    sites = site_profile(specs, store)

    def new_or_changed() -> Iterator:
        for item in iter_inputs(specs):
            if isinstance(item, RawDoc):
                item.id = article_id(item)
                if item.id in hashes:
                    continue
                hashes[item.id] = raw_hash(item)
                if store.raw_hash_of(item.id) == hashes[item.id]:
                    report.unchanged += 1
                    if progress:
                        progress()
                    continue
                item.site_chrome = sites.recurring(item)     # only for pages that will be cleaned
            yield item

    was_dirty = bool(store.get_state("dirty"))
    index = replay_stories(store) if was_dirty else StoryIndex(store.get_state("stories"))
    for result in analyze_stream(new_or_changed(), processes=processes):
        if progress:
            progress()
        if isinstance(result, InputFailure):
            report.failed += 1
            report.failures.append(str(result))
            on_failure(str(result))
            continue
        if not (report.ingested or report.updated):
            store.set_state("dirty", True)
        story_id, duplicate_of = index.add(result.article, result.entities, result.events, result.timexes,
                                           features=result.story_features)
        status = store.put_analysis(result, hashes[result.article.id], story_id=story_id, duplicate_of=duplicate_of)
        setattr(report, status, getattr(report, status) + 1)
        if len(index.pending) >= SETTLE_WINDOW:      # a long run settles in windows, as annotate does
            write_settled_stories(store, index)
    store.put_site_history(sites.changed_sites())
    if report.ingested or report.updated or was_dirty:
        write_settled_stories(store, index)
        store.set_state("stories", index.to_state())
        rebuild(store)
        store.set_state("dirty", False)
    return report


def site_profile(specs: list[str], store: Optional[Store] = None) -> SiteProfile:
    """First pass over a batch: which lines recur across the page dumps of each site
    (clean.site), counted on top of the pages of the same sites stored before. Only files
    that can hold page dumps are read; HTML and WARC pages go through trafilatura, which has
    its own boilerplate model."""
    def may_hold_site_dumps(path) -> bool:
        kind = kind_of(path)
        return kind == "jsonl" or kind == "raw_text" and host_folder(str(path)) is not None

    dumps = (item for path in iter_paths(specs) if not isinstance(path, InputFailure)
             and may_hold_site_dumps(path) for item in iter_file(path))
    return build_profile(dumps, history=store.site_history if store is not None else None)


def write_settled_stories(store: Store, index) -> None:
    """Settle the articles the index placed in this run and store the story ids (and copy
    links) of those that settle moved."""
    placed = {aid: index.assignments_of(aid) for aid in index.pending}
    index.settle()
    for aid, before in placed.items():
        after = index.assignments_of(aid)
        if after != before:
            store.set_article_fields(aid, story_id=after[0], duplicate_of=after[1])


def replay_stories(store: Store):
    """The story index rebuilt by adding every stored article again, in ingest order."""
    from newsgraph.stories import StoryIndex

    index = StoryIndex()
    for analysis in store.analyses():
        story_id, duplicate_of = index.add(analysis.article, analysis.entities, analysis.events, analysis.timexes)
        store.set_article_fields(analysis.article.id, story_id=story_id, duplicate_of=duplicate_of)
    return index


def rebuild(store: Store) -> kbmod.KnowledgeBase:
    """Recompute the cross-article knowledge base from every stored analysis, in two streamed
    passes: resolution first, then each article's quotes, claims and time expressions written
    as they are read."""
    from newsgraph.stories import StoryIndex

    kb = kbmod.build(store.analyses(parts=("entities", "events", "timexes"), with_text=False))
    stories = kbmod.story_records(StoryIndex(store.get_state("stories")).stories(), kb)
    facts = kbmod.all_facts(store.analyses(parts=("quotes", "claims", "timexes"), with_text=False), kb)
    store.replace_kb(kb.entities, kb.entity_map, kb.events, facts, stories)
    return kb


def annotation_record(analysis: Analysis) -> dict:
    """One annotate output line: the Article plus this document's own extractions."""
    rec = to_dict(analysis.article)
    for key in ("entities", "events", "quotes", "claims", "timexes"):
        rec[key] = to_dict(getattr(analysis, key))
    return rec


def annotate(in_path: str, out: TextIO, stories: bool = False, processes: Optional[int] = None,
             on_failure: Callable[[str], None] = lambda s: None, settle_every: Optional[int] = None) -> IngestReport:
    """Stateless batch mode: one output line per input document, in input order. A document
    that cannot be analyzed gives a line with its id and an `error`, so ids stay aligned.
    With `stories`, lines wait in a temporary file until the whole input is in and the story
    index has settled, then get their final story_id and duplicate_of. The index settles
    every `settle_every` articles (default stories.SETTLE_WINDOW), as if each window were an
    ingest run, so that the articles waiting for settle stay bounded."""
    from pathlib import Path
    from newsgraph.stories import SETTLE_WINDOW, StoryIndex

    report = IngestReport()
    index = StoryIndex() if stories else None
    window = settle_every or SETTLE_WINDOW
    sites = build_profile(iter_jsonl(Path(in_path)))

    def tagged() -> Iterator:
        for item in iter_jsonl(Path(in_path)):
            if isinstance(item, RawDoc):
                item.id = article_id(item)
                item.site_chrome = sites.recurring(item)
            yield item

    held = tempfile.TemporaryFile("w+", encoding="utf-8") if index is not None else nullcontext(out)
    with held as sink:
        for result in analyze_stream(tagged(), processes=processes):
            if isinstance(result, InputFailure):
                report.failed += 1
                on_failure(str(result))
                if result.article_id is not None:
                    sink.write(json.dumps({"id": result.article_id, "error": result.reason}, ensure_ascii=False) + "\n")
                continue
            kbmod.date_anchored(result, result.events)
            rec = annotation_record(result)
            if index is not None:
                index.add(result.article, result.entities, result.events, result.timexes, place=False,
                          features=result.story_features)
                if len(index.pending) >= window:
                    index.settle()
            report.ingested += 1
            sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
        if index is not None:
            index.settle()
            sink.seek(0)
            write_with_stories(sink, out, index.assignments())
    return report


def write_with_stories(lines: Iterable[str], out: TextIO, assigned: dict[str, tuple[str, str | None]]) -> None:
    """Copy annotate lines to `out`, each article line given its settled story id and copy link."""
    for line in lines:
        rec = json.loads(line)
        if "error" not in rec:
            rec["story_id"], rec["duplicate_of"] = assigned.get(rec["id"], (None, None))
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
