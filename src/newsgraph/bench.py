"""`make bench`: throughput of annotate on clean article bodies against the bare spaCy model
on the same texts, measured in one run, with each stage's share of annotate time and the
story-clustering stage alone. Bodies come from ../shared/eval/extract (gold bodies) when it
is there, else from examples/. Prints ratios and the absolute figures beside them."""
from __future__ import annotations

import gzip
import json
import os
import sys
import time
from pathlib import Path

from newsgraph.records import Analysis, RawDoc

ROOT = Path(__file__).resolve().parents[2]
EXTRACT_DEV = ROOT.parent / "shared" / "eval" / "extract" / "dev.jsonl.gz"


def bodies(limit: int) -> tuple[list[str], str]:
    if EXTRACT_DEV.exists():
        out = []
        with gzip.open(EXTRACT_DEV, "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                body = row.get("gold_body") or "\n\n".join(row.get("gold_with") or [])
                if len(body.split()) >= 50:
                    out.append(body)
                if len(out) >= limit:
                    break
        return out, f"gold bodies of {EXTRACT_DEV.relative_to(ROOT.parent)}"
    from newsgraph.clean import clean
    from newsgraph.ingest import iter_inputs
    texts = [clean(r, f"ex{i}").text for i, r in enumerate(x for x in iter_inputs([str(ROOT / "examples")]) if isinstance(x, RawDoc))]
    return (texts * (limit // max(1, len(texts)) + 1))[:limit], "examples/ (../shared absent)"


def bare_spacy(texts: list[str], processes: int) -> float:
    import spacy
    from newsgraph.nlp import MODEL
    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - t0


def ours(texts: list[str], processes: int) -> tuple[float, dict[str, float], list]:
    from newsgraph.pipeline import analyze_stream, warm_up
    warm_up()   # model and data loads are outside the clock, as spacy.load is for the bare run
    raws = (RawDoc(source=f"bench-{i}", kind="text", content=t, id=f"bench-{i}") for i, t in enumerate(texts))
    stages: dict[str, float] = {}
    analyses = []
    t0 = time.perf_counter()
    for result in analyze_stream(raws, processes=processes):
        for k, v in getattr(result, "timings", {}).items():
            stages[k] = stages.get(k, 0.0) + v
        analyses.append(result)
    return time.perf_counter() - t0, stages, analyses


def main() -> int:
    limit = int(os.environ.get("BENCH_DOCS", 300))
    processes = int(os.environ.get("NEWSGRAPH_PROCESSES", 2))
    texts, origin = bodies(limit)
    words = sum(len(t.split()) for t in texts)
    print(f"bench: {len(texts)} clean bodies ({words} words) from {origin}, {processes} processes")
    bare = bare_spacy(texts, processes)
    ours_s, stages, analyses = ours(texts, processes)
    print(f"bare en_core_web_sm nlp.pipe(n_process={processes}): {len(texts) / bare:8.1f} articles/s  ({bare:.1f} s)")
    print(f"newsgraph annotate pipeline:                {len(texts) / ours_s:8.1f} articles/s  ({ours_s:.1f} s)")
    print(f"ratio annotate / bare spaCy:                {bare / ours_s:8.2f}   (spine bar >= 0.8)")
    total = sum(stages.values()) or 1.0
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  stage {name:12s} {100 * secs / total:5.1f}% of annotate time  ({secs:.2f} s summed over workers)")
    print(f"events stage share: {100 * stages.get('events', 0) / total:.1f}%  (bar <= 25%)")
    print_story_stage([a for a in analyses if isinstance(a, Analysis)], processes)
    return 0


def print_story_stage(analyses: list, processes: int) -> None:
    """The story stage as annotate runs it: per-article features in the analysis workers (in
    parallel), idf counts, copy lookup and settle in the parent (serial). Its throughput on
    `processes` cores is bounded by the slower of the two."""
    from newsgraph.stories import bench as stories_bench
    whole = stories_bench(analyses, repeat=3, precomputed=False)
    parent = stories_bench(analyses, repeat=3)
    feature_secs = max(1 / whole - 1 / parent, 0.0)
    on_cores = 1 / max(1 / parent, feature_secs / processes)
    print(f"story clustering stage alone: {on_cores:8.1f} articles/s on {processes} cores  (bar >= 1000)")
    print(f"  in one process {whole:.1f} articles/s; the parent's serial part {parent:.1f} articles/s")


if __name__ == "__main__":
    sys.exit(main())
