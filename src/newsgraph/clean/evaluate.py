"""Development driver: runs clean() over an extraction eval set (HTML or text dumps),
writes a prediction file and scores it with the set's own score.py. Reads ../shared;
nothing here runs at annotate time.

    python -m newsgraph.clean.evaluate ../shared/eval/extract/dev_text.jsonl.gz [--limit N]
        [--half 0|1] [--model PATH] [--pred OUT.jsonl]"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.records import RawDoc


def rows_of(path: str):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def raw_doc(row: dict) -> RawDoc:
    if "html" in row:
        return RawDoc(source=row["id"], kind="html", content=row["html"], id=row["id"], url=row.get("url"))
    return RawDoc(source=row["id"], kind="raw_text", content=row["raw_text"], id=row["id"])


def predict(rows, clean_fn) -> tuple[list[dict], float, float]:
    """Predictions, wall seconds and CPU seconds spent in clean()."""
    preds, spent, cpu = [], 0.0, 0.0
    for row in rows:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            art = clean_fn(raw_doc(row), row["id"])
            pred = {"id": row["id"], "body": art.text, "title": art.title, "date": art.published,
                    "author": "; ".join(art.authors) or None}
        except Exception as e:  # CleanError or a bug: an empty prediction, counted as such
            pred = {"id": row["id"], "body": "", "error": repr(e)}
        spent += time.perf_counter() - t0
        cpu += time.process_time() - c0
        preds.append(pred)
    return preds, spent, cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--half", type=int, choices=(0, 1), help="score only this half of the sites")
    ap.add_argument("--model", help="classifier model file (default: the shipped one)")
    ap.add_argument("--pred", default="/tmp/clean_pred.jsonl")
    ap.add_argument("--show-worst", default="0")
    args = ap.parse_args(argv)
    if args.model:
        os.environ["NEWSGRAPH_CLEAN_MODEL"] = args.model
    from newsgraph.clean import clean
    from newsgraph.clean.train import half_of, site_of
    rows = [r for r in rows_of(args.gold) if args.half is None or half_of(site_of(r)) == args.half]
    rows = rows[: args.limit] if args.limit else rows
    preds, spent, cpu = predict(rows, clean)
    with open(args.pred, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    gold_subset = args.pred + ".gold.jsonl"
    with open(gold_subset, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: v for k, v in r.items() if k not in ("html", "raw_text")}, ensure_ascii=False) + "\n")
    errors = sum(1 for p in preds if "error" in p)
    print(f"{len(rows)} pages, {len(rows) / spent:.1f} pages/s wall, {len(rows) / cpu:.1f} pages/s CPU, "
          f"{errors} errors", file=sys.stderr)
    scorer = Path(args.gold).resolve().parent / "score.py"
    return subprocess.call([sys.executable, str(scorer), gold_subset, args.pred, "--show-worst", args.show_worst])


if __name__ == "__main__":
    sys.exit(main())
