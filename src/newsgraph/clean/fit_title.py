"""Fit the headline weights of text dumps (title_weights.json, read by clean.header) from
pages with a known title: a conditional logit, one softmax over each page's candidate lines,
maximising the probability of the candidates that read as the gold title, with an L2 penalty.

    python -m newsgraph.clean.fit_title DEV_TEXT.jsonl.gz [--half 0|1] [--l2 0.5] [--write]

With --half H the weights are fitted on the sites of half H only (clean.train's split) and
the exact-title accuracy of both halves is reported: the other half's is the honest figure.
--write stores the weights fitted on every page. Pages are scored with the shipped line model."""
from __future__ import annotations

import argparse
import json
import unicodedata
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

from . import header
from .dump import score_dump
from .lines import WORD_RE
from .train import half_of, read_rows, site_of


@dataclass
class Page:
    half: int
    gold: str
    doc: object
    traits: dict          # line -> (traits, headline text)


def same_title(a: str, b: str) -> bool:
    """Titles that differ only in case, spacing, dashes, quotes or accents are the same."""
    return title_key(a) == title_key(b)


def title_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return " ".join(WORD_RE.findall("".join(ch for ch in text if not unicodedata.combining(ch))))


def load_pages(path: str) -> list[Page]:
    pages = []
    for row in read_rows(path):
        if not row.get("gold_title") or not row.get("raw_text"):
            continue
        doc = score_dump(row["raw_text"])
        start = header.body_start(doc)
        if start is None:
            continue
        traits = header.title_traits(doc, header.body_anchors(doc, start), header.page_day_first(doc))
        pages.append(Page(half_of(site_of(row)), row["gold_title"], doc, traits))
    return pages


def design(pages: list[Page], keys: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per page with a right candidate: its candidates' trait matrix and which are right."""
    out = []
    for page in pages:
        cands = list(page.traits.values())
        right = np.array([same_title(head, page.gold) for _, head in cands], dtype=float)
        if right.any():
            out.append((np.array([[t.get(k, 0.0) for k in keys] for t, _ in cands]), right))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]], n_keys: int, l2: float) -> np.ndarray:
    def loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for X, right in data:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * right
            total -= np.log(q.sum())
            grad -= X.T @ (q / q.sum()) - X.T @ p
        return total, grad
    return minimize(loss, np.zeros(n_keys), jac=True, method="L-BFGS-B").x


def accuracy(pages: list[Page], weights: dict[str, float]) -> float:
    """Share of pages whose best-scored candidate reads as the gold title (pages without a
    candidate count as misses)."""
    hits = 0
    for page in pages:
        scored = [(header.title_score(t, weights), head) for t, head in page.traits.values()]
        hits += bool(scored) and same_title(max(scored, key=lambda c: c[0])[1], page.gold)
    return hits / len(pages) if pages else 0.0


def trait_keys(pages: list[Page]) -> list[str]:
    return sorted({k for page in pages for t, _ in page.traits.values() for k in t} | set(header.TITLE_WEIGHTS))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--half", type=int, choices=(0, 1))
    ap.add_argument("--l2", type=float, default=0.5)
    ap.add_argument("--write", action="store_true", help="store the weights fitted on every page")
    args = ap.parse_args(argv)
    pages = load_pages(args.data)
    keys = trait_keys(pages)
    train = [p for p in pages if args.half is None or p.half == args.half]
    w = fit(design(train, keys), len(keys), args.l2)
    weights = {k: round(float(c), 2) for k, c in zip(keys, w)}
    halves = {h: accuracy([p for p in pages if p.half == h], weights) for h in (0, 1)}
    print(json.dumps({"fitted_on": "all" if args.half is None else f"half {args.half}", "pages": len(train),
                      "candidate_pick_accuracy": halves, "weights": weights}, indent=1))
    if args.write:
        stored = json.loads(header.TITLE_WEIGHTS_FILE.read_text(encoding="utf-8"))
        stored["weights"] = weights
        header.TITLE_WEIGHTS_FILE.write_text(json.dumps(stored, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
