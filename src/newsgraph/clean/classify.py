"""The boilerplate classifier over dump lines: two-stage gradient-boosted models
(model.joblib, trained by train.py) whose second stage also reads the first stage's
scores of the neighbouring lines; the file holds members of different tree shapes whose
scores are averaged. Before them, a linear model over the hashed words and word pairs of
each line (the vocabulary of page chrome, "Share", "Newsletter", "Kommentare", is much the
same across sites) gives every line a vocabulary score that the trees read beside the
layout features. Without a model file a hand-set score is used."""
from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from .lines import DIGIT_RE, WORD_RE, WORDS_COL, best_run

MODEL_PATH = Path(__file__).with_name("model.joblib")
WINDOWS = (1, 2, 4, 8, 16)
IN_CORE, CORE_DISTANCE = 47, 48          # columns of lines.features: inside / distance to the text core
VOCAB_BITS = 18                          # hashed vocabulary size (2**18 buckets)
VOCAB_RADIUS = 3                         # lines either side whose vocabulary scores are averaged
VOCAB_C = 2.0                            # inverse regularisation of the vocabulary model


def make_model(seed: int = 0, trees: int = 120, leaves: int = 31, min_leaf: int = 40):
    """Gradient-boosted trees; few of them, since prediction time grows with their number."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.12, max_leaf_nodes=leaves,
                                          min_samples_leaf=min_leaf, l2_regularization=1.0, random_state=seed)


def context_features(probs, feats) -> np.ndarray:
    """For each line: mean stage-1 score in windows around it, the best score before/after,
    and where the run of lines stage 1 likes best lies (see `best_run_features`)."""
    return np.hstack([window_scores(probs), best_run_features(probs, feats)])


def window_scores(probs) -> np.ndarray:
    """Per line: its score, mean scores in WINDOWS, best before/after, share of the score mass
    before it, and mean scores of the eight lines before and after."""
    p = np.asarray(probs, dtype=float)
    n = len(p)
    if n == 0:
        return np.zeros((0, 1 + len(WINDOWS) + 5))
    csum = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)
    cols = [p]
    for w in WINDOWS:
        lo, hi = np.maximum(idx - w, 0), np.minimum(idx + w + 1, n)
        cols.append((csum[hi] - csum[lo] - p) / np.maximum(hi - lo - 1, 1))
    cols += [np.maximum.accumulate(np.concatenate([[0.0], p[:-1]])),
             np.maximum.accumulate(np.concatenate([p[1:], [0.0]])[::-1])[::-1],
             csum[:-1] / (csum[-1] + 1e-9),
             (csum[idx] - csum[np.maximum(0, idx - 8)]) / 8.0,
             (csum[np.minimum(n, idx + 9)] - csum[idx + 1]) / 8.0]
    return np.stack(cols, axis=1)


def best_run_features(probs, feats) -> np.ndarray:
    """Inside the run of lines that stage 1 scores best (lines weighted by their length in
    words), the signed log distance to it, and that run's share of all positive evidence:
    an article body is mostly one contiguous stretch."""
    p = np.asarray(probs, dtype=float)
    n = len(p)
    gain = (p - 0.5) * np.asarray(feats, dtype=float)[:, WORDS_COL]
    lo, hi, best = best_run(gain)
    positive = float(np.clip(gain, 0, None).sum()) or 1.0
    idx = np.arange(n)
    dist = np.where(idx < lo, idx - lo, np.where(idx > hi, idx - hi, 0))
    return np.stack([((idx >= lo) & (idx <= hi)).astype(float), np.sign(dist) * np.log1p(np.abs(dist)),
                     np.full(n, best / positive)], axis=1)


def line_terms(text: str) -> list[str]:
    """A line's words and word pairs (case and digits folded), and its first and last word
    marked as such: "Reply", "Share this", "0 comments" mean chrome on any site."""
    words = WORD_RE.findall(DIGIT_RE.sub("0", text.casefold()))
    if not words:
        return ["<no words>"]
    return words + [a + " " + b for a, b in zip(words, words[1:])] + ["^" + words[0], words[-1] + "$"]


@lru_cache(maxsize=1)
def vocab_hasher():
    from sklearn.feature_extraction.text import HashingVectorizer
    return HashingVectorizer(analyzer=line_terms, n_features=2 ** VOCAB_BITS, alternate_sign=False, norm="l2")


def fit_vocab(texts: list[str], labels, weights) -> dict:
    """The vocabulary model: a regularised logistic regression over hashed line terms."""
    from sklearn.linear_model import LogisticRegression
    m = LogisticRegression(C=VOCAB_C, solver="liblinear", max_iter=200)
    m.fit(vocab_hasher().transform(texts), labels, sample_weight=weights)
    return {"coef": m.coef_[0].astype(np.float32), "intercept": float(m.intercept_[0])}


def vocab_logits(vocab: dict, texts: list[str]) -> np.ndarray:
    return np.asarray(vocab_hasher().transform(texts) @ vocab["coef"], dtype=float) + vocab["intercept"]


def vocab_columns(logits) -> np.ndarray:
    """Per line: its vocabulary logit, the previous and next line's, and their mean over the
    lines within VOCAB_RADIUS (the line itself left out)."""
    z = np.asarray(logits, dtype=float)
    n = len(z)
    if n == 0:
        return np.zeros((0, 4))
    prev = np.concatenate([[0.0], z[:-1]])
    nxt = np.concatenate([z[1:], [0.0]])
    csum = np.concatenate([[0.0], np.cumsum(z)])
    idx = np.arange(n)
    lo, hi = np.maximum(idx - VOCAB_RADIUS, 0), np.minimum(idx + VOCAB_RADIUS + 1, n)
    near = (csum[hi] - csum[lo] - z) / np.maximum(hi - lo - 1, 1)
    return np.stack([z, prev, nxt, near], axis=1)


def with_vocab(model: dict, feats, texts) -> np.ndarray:
    """The line features, followed by the vocabulary columns when the model has a vocabulary."""
    X = np.asarray(feats, dtype=float)
    if not model.get("vocab") or texts is None:
        return X
    return np.hstack([X, vocab_columns(vocab_logits(model["vocab"], list(texts)))])


@lru_cache(maxsize=4)
def load_model(path: str | None = None):
    """The trained model, or None when the file is missing or unreadable."""
    path = path or os.environ.get("NEWSGRAPH_CLEAN_MODEL") or str(MODEL_PATH)
    try:
        import joblib
        return joblib.load(path)
    except Exception:
        return None


def heuristic_scores(feats: list[list[float]]) -> list[float]:
    """Fallback: long, sentence-ending, stop-word-rich lines near the text core are body."""
    out = []
    for f in feats:
        z = 1.2 * (f[1] - math.log1p(10)) + 1.5 * f[2] + 4.0 * f[7] - 4.0 * f[22] + 1.0 * f[12] \
            + 1.5 * f[IN_CORE] - 0.5 * f[CORE_DISTANCE]
        out.append(1.0 / (1.0 + math.exp(-z)))
    return out


def body_scores(feats: np.ndarray, texts: list[str] | None = None) -> list[float]:
    """Probability that each line (of these features and texts) belongs to the article body."""
    if len(feats) == 0:
        return []
    model = load_model()
    if model is None:
        return heuristic_scores(feats)
    X = with_vocab(model, feats, texts)
    members = model.get("members") or [model]
    if X.shape[1] != members[0]["stage1"].n_features_in_:
        warn_stale_model(X.shape[1], members[0]["stage1"].n_features_in_)
        return heuristic_scores(feats)
    with single_thread():
        return np.mean([two_stage_scores(m, X) for m in members], axis=0).tolist()


def two_stage_scores(member: dict, X: np.ndarray) -> np.ndarray:
    """One member's scores: stage 2 reads the lines and stage 1's scores around them."""
    p1 = member["stage1"].predict_proba(X)[:, 1]
    return member["stage2"].predict_proba(np.hstack([X, context_features(p1, X)]))[:, 1]


@lru_cache(maxsize=1)
def warn_stale_model(have: int, want: int) -> None:
    import logging
    logging.getLogger(__name__).warning(
        "clean model expects %d line features, code gives %d: retrain with newsgraph.clean.train; "
        "using the hand-set fallback score", want, have)


def single_thread():
    """Tree prediction on a few hundred rows is faster without OpenMP threads (and kinder
    to a shared machine)."""
    return thread_controller().limit(limits=1, user_api="openmp")


@lru_cache(maxsize=1)
def thread_controller():
    from threadpoolctl import ThreadpoolController
    return ThreadpoolController()
