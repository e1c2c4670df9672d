"""Trains the line classifier of the dump cleaner (model.joblib beside this file) from an
extraction eval set with page dumps (`raw_text`) and gold bodies, and reports a
site-grouped cross-validated figure. Development tool; never run at annotate time.

    python -m newsgraph.clean.train ../shared/eval/extract/dev_text.jsonl.gz [--cv] [--half 0|1]

Labels: for pages with a full gold body, each line's tokens are aligned to the gold token
stream (difflib); a line is body when most of its tokens align. For pages with gold
`with`/`without` segments, lines overlapping a `with` segment are body, lines overlapping a
`without` segment are boilerplate, other lines are left out.

The vocabulary model (classify.fit_vocab) is fitted first; the trees train on its
out-of-fold scores (folds grouped by site), so that they learn how far a vocabulary score
from unseen sites can be trusted. It weighs every page the same: by lines, the long English
pages with full gold bodies would outweigh the German pages with segments (cross-site
segments F1 on half 0: 0.893 by lines, 0.896 by page; body 0.918/0.937 -> 0.919/0.934)."""
from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import math
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .classify import MODEL_PATH, context_features, fit_vocab, make_model, vocab_columns, vocab_logits
from .dump import score_dump
from .lines import WORD_RE

WS_RE = re.compile(r"\s+")
VOCAB_WEIGHT = "page"      # every page the same total weight in the vocabulary model (--vocab-weight)
PAGE_WEIGHT = 500.0        # total training weight of one page's labelled lines (--page-weight)


def read_rows(path: str) -> list[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def site_of(row: dict) -> str:
    host = urlparse(row.get("url") or "").netloc.lower()
    return host[4:] if host.startswith("www.") else host or row["id"]


def half_of(site: str) -> int:
    """Deterministic split of sites into two halves."""
    return int(hashlib.sha256(site.encode()).hexdigest(), 16) % 2


def labels_from_body(lines, gold_body: str) -> list[float | None]:
    raw_tokens, owner = [], []
    for i, ln in enumerate(lines):
        toks = WORD_RE.findall(ln.text)
        raw_tokens += toks
        owner += [i] * len(toks)
    gold_tokens = WORD_RE.findall(gold_body)
    matched = [0] * len(lines)
    sm = difflib.SequenceMatcher(None, raw_tokens, gold_tokens, autojunk=False)
    for a, _, size in sm.get_matching_blocks():
        if size == 0:
            continue
        span_lines = set(owner[a:a + size])
        whole = all(sum(1 for o in owner if o == li) <= size for li in span_lines) if size < 4 else True
        if size >= 4 or whole:
            for k in range(a, a + size):
                matched[owner[k]] += 1
    out = []
    for i, ln in enumerate(lines):
        n = len(WORD_RE.findall(ln.text))
        out.append(None if n == 0 else float(matched[i] / n >= 0.5))
    return out


def labels_from_segments(lines, with_segs, without_segs) -> list[float | None]:
    starts, pos, parts = [], 0, []
    for ln in lines:
        t = WS_RE.sub(" ", ln.text).strip()
        starts.append(pos)
        parts.append(t)
        pos += len(t) + 1
    doc = " ".join(parts)
    out: list[float | None] = [None] * len(lines)

    def mark(seg, value):
        seg = WS_RE.sub(" ", seg).strip()
        if not seg:
            return
        at = doc.find(seg)
        if at < 0:
            return
        end = at + len(seg)
        for i, s in enumerate(starts):
            e = s + len(parts[i])
            if s < end and e > at:
                out[i] = None if (out[i] is not None and out[i] != value) else value

    for seg in with_segs:
        mark(seg, 1.0)
    for seg in without_segs:
        mark(seg, 0.0)
    return out


def page_examples(row: dict):
    """(features, labels, weights, line texts) of one page."""
    doc = score_dump(row["raw_text"], with_scores=False)
    lines = doc.lines
    if not lines:
        return np.zeros((0, 0)), [], [], []
    feats = doc.features
    if row.get("gold_body"):
        labels = labels_from_body(lines, row["gold_body"])
    else:
        labels = labels_from_segments(lines, row.get("gold_with") or [], row.get("gold_without") or [])
    weights = [math.sqrt(1 + len(WORD_RE.findall(ln.text))) for ln in lines]
    return feats, labels, weights, [ln.text for ln in lines]


def build_dataset(rows):
    """Per page: features, labels (None = unlabeled), weights."""
    return [page_examples(r) for r in rows]


@dataclass
class TrainSettings:
    leaves: int = 31               # tree shape of both stages
    min_leaf: int = 40
    page_weight: bool = False      # every page the same total weight (off: fully labelled pages weigh more)
    trees: int = 120               # stage 2; stage 1 (which only feeds stage 2's context) has half
    seed: int = 0
    members: tuple = ((31, 40, False), (15, 80, False), (15, 80, True))   # (leaves, min_leaf, page_weight)
                                   # of the models whose scores are averaged (fit_members)


def page_weights(labels, weights, settings: TrainSettings) -> list[float]:
    """Line weights, scaled when asked so that every page weighs the same in training."""
    if not settings.page_weight:
        return list(weights)
    total = sum(wt for lab, wt in zip(labels, weights) if lab is not None) or 1.0
    return [wt * PAGE_WEIGHT / total for wt in weights]


def stack(pages, idx, settings: TrainSettings):
    X, y, w = [], [], []
    for p in idx:
        feats, labels, weights = pages[p][:3]
        for f, lab, wt in zip(feats, labels, page_weights(labels, weights, settings)):
            if lab is not None:
                X.append(f); y.append(lab); w.append(wt)
    return np.vstack(X), np.array(y), np.array(w)


def model_for(settings: TrainSettings, stage: int):
    trees = settings.trees if stage == 2 else max(1, settings.trees // 2)
    return make_model(settings.seed, trees, settings.leaves, settings.min_leaf)


def out_of_fold_scores(pages, idx, groups, settings: TrainSettings) -> dict:
    """Stage-1 scores of every page from a model that did not see its site."""
    from sklearn.model_selection import GroupKFold
    oof = {}
    for tr, te in GroupKFold(n_splits=3).split(idx, groups=[groups[p] for p in idx]):
        m = model_for(settings, 1)
        X, y, w = stack(pages, [idx[k] for k in tr], settings)
        m.fit(X, y, sample_weight=w)
        for k in te:
            if len(pages[idx[k]][0]):
                oof[idx[k]] = m.predict_proba(pages[idx[k]][0])[:, 1]
    return oof


def fit_two_stage(pages, idx, groups, settings: TrainSettings):
    """Stage 1 on line features; stage 2 adds the neighbours' out-of-fold stage-1 scores."""
    idx = list(idx)
    m1 = model_for(settings, 1)
    X, y, w = stack(pages, idx, settings)
    m1.fit(X, y, sample_weight=w)
    oof = out_of_fold_scores(pages, idx, groups, settings)
    X2, y2, w2 = [], [], []
    for p in idx:
        feats, labels, weights = pages[p][:3]
        if not len(feats):
            continue
        full = np.hstack([feats, context_features(oof[p], feats)])
        for f, lab, wt in zip(full, labels, page_weights(labels, weights, settings)):
            if lab is not None:
                X2.append(f); y2.append(lab); w2.append(wt)
    m2 = model_for(settings, 2)
    m2.fit(np.vstack(X2), np.array(y2), sample_weight=np.array(w2))
    return {"stage1": m1, "stage2": m2}


def fit_members(pages, idx, groups, settings: TrainSettings) -> dict:
    """Two-stage models of different tree shapes and page weightings, averaged at prediction
    time: on unseen sites none is reliably better, and their mean scores steadier than any."""
    return {"members": [fit_two_stage(pages, idx, groups, replace(settings, leaves=leaves, min_leaf=min_leaf,
                                                                  page_weight=weighted))
                        for leaves, min_leaf, weighted in settings.members]}


def labelled_texts(pages, idx, weight_groups=None):
    """Texts, labels and weights of the labelled lines of the pages `idx`; with weight_groups
    (a key per page) the weights are scaled so that every group weighs the same in total,
    the overall total kept."""
    texts, y, w, group = [], [], [], []
    for p in idx:
        _, labels, weights, lines = pages[p]
        for text, lab, wt in zip(lines, labels, weights):
            if lab is not None:
                texts.append(text); y.append(lab); w.append(wt)
                group.append(weight_groups[p] if weight_groups is not None else 0)
    w = np.array(w, dtype=float)
    if weight_groups is not None and len(w):
        _, inv = np.unique(np.array(group), return_inverse=True)
        totals = np.bincount(inv, weights=w)
        w = w / totals[inv] * (w.sum() / len(totals))
    return texts, np.array(y), w


def with_vocab_scores(pages, idx, groups, folds: int = 5, weight_groups=None):
    """The vocabulary model fitted on the pages `idx`, and those pages with its scores
    appended to their features, each page's from a fold that did not see its site
    (weight_groups: see labelled_texts)."""
    from sklearn.model_selection import GroupKFold
    idx = list(idx)
    out = list(pages)
    for tr, te in GroupKFold(n_splits=folds).split(idx, groups=[groups[p] for p in idx]):
        vocab = fit_vocab(*labelled_texts(pages, [idx[k] for k in tr], weight_groups))
        for k in te:
            feats, labels, weights, lines = pages[idx[k]]
            if len(feats):
                out[idx[k]] = (np.hstack([feats, vocab_columns(vocab_logits(vocab, lines))]), labels, weights, lines)
    return fit_vocab(*labelled_texts(pages, idx, weight_groups)), out


def cached_dataset(rows, cache: str | None):
    import pickle
    if cache and Path(cache).exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    pages = build_dataset(rows)
    if cache:
        with open(cache, "wb") as f:
            pickle.dump(pages, f)
    return pages


def main(argv=None) -> int:
    import joblib
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--half", type=int, choices=(0, 1), help="train on this half of the sites only")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--leaves", type=int, help="train one model of this shape instead of the default members")
    ap.add_argument("--min-leaf", type=int)
    ap.add_argument("--page-weight", action="store_true", help="one model, every page the same total weight")
    ap.add_argument("--vocab-weight", choices=("lines", "page", "source"), default=VOCAB_WEIGHT,
                    help="vocabulary model weights: as the lines weigh, every page the same, or both sources the same")
    ap.add_argument("--cache", help="pickle of the computed features and labels, reused when present")
    args = ap.parse_args(argv)
    settings = TrainSettings()
    if args.leaves or args.min_leaf or args.page_weight:
        settings.members = ((args.leaves or settings.leaves, args.min_leaf or settings.min_leaf, args.page_weight),)
    rows = read_rows(args.gold)
    sites = [site_of(r) for r in rows]
    pages = cached_dataset(rows, args.cache)
    idx = [i for i in range(len(rows)) if args.half is None or half_of(sites[i]) == args.half]
    weight_groups = {"lines": None, "page": list(range(len(rows))),
                     "source": ["body" if r.get("gold_body") else "segments" for r in rows]}[args.vocab_weight]
    vocab, pages = with_vocab_scores(pages, idx, sites, weight_groups=weight_groups)
    model = fit_members(pages, idx, sites, settings) | {"vocab": vocab}
    joblib.dump(model, args.out, compress=3)
    print(f"trained on {len(idx)} pages from {len({sites[i] for i in idx})} sites -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
