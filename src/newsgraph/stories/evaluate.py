"""Dev driver for the stories stage alone: feeds an ECB+-style JSONL set (id, title, text,
date, cluster) to StoryIndex in file order and in shuffled orders, with entities from the
shared spaCy model (cached as JSON, since parsing dominates), and scores pairwise and B-cubed
F1 with the set's own scorer. The data is read where it lies; nothing is copied.

    python -m newsgraph.stories.evaluate ../shared/eval/clusters/dev.jsonl.gz --shuffles 4
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import time
from pathlib import Path

from newsgraph.records import Article, Entity, Mention
from newsgraph.stories.index import StoryIndex


def read_rows(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def parsed_entities(rows: list[dict], cache: Path) -> dict[str, list[list[str]]]:
    """(text, label) of every spaCy entity per article id, parsed once and cached."""
    if cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    from newsgraph.nlp import parse
    texts = [(r.get("title") or "") + "\n\n" + (r.get("text") or "") for r in rows]
    found = {r["id"]: [[e.text, e.label_] for e in doc.ents] for r, doc in zip(rows, parse(texts))}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(found), encoding="utf-8")
    return found


def to_entities(article_id: str, spans: list[list[str]]) -> list[Entity]:
    counts: dict[tuple[str, str], int] = {}
    for text, label in spans:
        counts[(text, label)] = counts.get((text, label), 0) + 1
    return [Entity(id=f"{article_id}#e{n}", name=text, type=label,
                   mentions=[Mention(article_id, 0, 0, text)] * count)
            for n, ((text, label), count) in enumerate(counts.items())]


def cluster(rows: list[dict], entities: dict[str, list[Entity]]) -> dict[str, str]:
    index = StoryIndex()
    for r in rows:
        article = Article(id=r["id"], source=r["id"], text=r.get("text") or "", title=r.get("title"),
                          published=r.get("date"))
        index.add(article, entities.get(r["id"], []), [])
    return {aid: story for aid, (story, _) in index.assignments().items()}


def load_scorer(gold_path: Path):
    spec = importlib.util.spec_from_file_location("clusters_score", gold_path.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--shuffles", type=int, default=0, help="also score this many shuffled orders")
    ap.add_argument("--no-entities", action="store_true")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/stories/entities.json"))
    args = ap.parse_args()
    rows = read_rows(args.gold)
    score = load_scorer(args.gold)
    spans = {} if args.no_entities else parsed_entities(rows, args.cache)
    entities = {aid: to_entities(aid, s) for aid, s in spans.items()}
    gold = {r["id"]: r["cluster"] for r in rows}
    orders = [("file", rows)] + [(f"seed {s}", random.Random(s).sample(rows, len(rows))) for s in range(1, args.shuffles + 1)]
    f1s = []
    for name, order in orders:
        started = time.perf_counter()
        res = score(gold, cluster(order, entities))
        pw, b3 = res["pairwise"], res["bcubed"]
        f1s.append(pw["f1"])
        print(f"{name:8s} pairwise P {pw['p']:.4f} R {pw['r']:.4f} F1 {pw['f1']:.4f}  B3 F1 {b3['f1']:.4f}  "
              f"stories {res['pred_clusters']}  {len(rows) / (time.perf_counter() - started):.0f} articles/s")
    if len(f1s) > 1:
        print(f"pairwise F1 mean {sum(f1s) / len(f1s):.4f}  spread {max(f1s) - min(f1s):.4f}")


if __name__ == "__main__":
    main()
