"""Development driver for the timex stage (not used by the pipeline): runs extract_timexes on
the TempEval-3 dev set (../shared/eval/timex/dev.jsonl), writes the scorer's PRED jsonl and
scores it. Parsed Docs are cached in a DocBin so the dev loop does not re-parse.

    python -m newsgraph.timex.deveval [--limit N] [--offset K] [--cache /tmp/timex/dev.spacy] [--errors 30]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.records import Article

DEFAULT_GOLD = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "timex" / "dev.jsonl"


def load_docs(cache: Path, texts: list[str]):
    """Parsed Docs for texts, from the DocBin cache (built on first use)."""
    import spacy
    from spacy.tokens import DocBin
    if cache.exists():
        nlp = spacy.blank("en")
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    from newsgraph.nlp import parse
    docs = list(parse(texts))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(cache)
    return docs


def main(argv=None) -> int:
    from newsgraph.timex import extract_timexes
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/timex/dev.spacy"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("/tmp/timex/pred.jsonl"))
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    docs = load_docs(args.cache, [r["text"] for r in rows])
    sel = list(zip(rows, docs))[args.offset:]
    if args.limit:
        sel = sel[:args.limit]
    t0 = time.time()
    gold_subset = args.out.with_suffix(".gold.jsonl")
    with open(args.out, "w", encoding="utf-8") as out, open(gold_subset, "w", encoding="utf-8") as gout:
        for row, doc in sel:
            art = Article(id=row["doc_id"], source="tempeval3", text=row["text"], published=row.get("dct"))
            tx = extract_timexes(art, doc)
            out.write(json.dumps({"doc_id": row["doc_id"], "timexes": [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in tx]}) + "\n")
            gout.write(json.dumps(row) + "\n")
    print(f"timex: {len(sel)} docs in {time.time() - t0:.2f}s", file=sys.stderr)
    scorer = args.gold.parent / "score.py"
    cmd = [sys.executable, str(scorer), str(gold_subset), str(args.out), "--show-errors", str(args.errors)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
