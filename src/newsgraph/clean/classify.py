"""The boilerplate classifier over dump lines: a two-stage gradient-boosted model
(model.joblib, trained by train.py) whose second stage also reads the first stage's
scores of the neighbouring lines. Without a model file a hand-set score is used."""
from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).with_name("model.joblib")
WINDOWS = (1, 2, 4, 8, 16)
IN_CORE, CORE_DISTANCE = 47, 48          # columns of lines.features: inside / distance to the text core


def make_model(seed: int = 0, trees: int = 120, leaves: int = 31, min_leaf: int = 40):
    """Gradient-boosted trees; few of them, since prediction time grows with their number."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(max_iter=trees, learning_rate=0.12, max_leaf_nodes=leaves,
                                          min_samples_leaf=min_leaf, l2_regularization=1.0, random_state=seed)


def context_features(probs) -> list[list[float]]:
    """For each line: mean stage-1 score in windows around it, and the best score before/after."""
    p = np.asarray(probs, dtype=float)
    n = len(p)
    csum = np.concatenate([[0.0], np.cumsum(p)])
    run_max_before = np.maximum.accumulate(np.concatenate([[0.0], p[:-1]])) if n else p
    run_max_after = np.maximum.accumulate(np.concatenate([p[1:], [0.0]])[::-1])[::-1] if n else p
    total = csum[-1] if n else 0.0
    rows = []
    for i in range(n):
        row = [p[i]]
        for w in WINDOWS:
            lo, hi = max(0, i - w), min(n, i + w + 1)
            row.append((csum[hi] - csum[lo] - p[i]) / max(hi - lo - 1, 1))
        row += [run_max_before[i], run_max_after[i], csum[i] / (total + 1e-9),
                (csum[i] - csum[max(0, i - 8)]) / 8.0, (csum[min(n, i + 9)] - csum[i + 1]) / 8.0]
        rows.append(row)
    return rows


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


def body_scores(feats: np.ndarray) -> list[float]:
    """Probability that each line belongs to the article body."""
    if len(feats) == 0:
        return []
    model = load_model()
    if model is None:
        return heuristic_scores(feats)
    X = np.asarray(feats, dtype=float)
    if X.shape[1] != model["stage1"].n_features_in_:
        warn_stale_model(X.shape[1], model["stage1"].n_features_in_)
        return heuristic_scores(feats)
    with single_thread():
        p1 = model["stage1"].predict_proba(X)[:, 1]
        X2 = np.hstack([X, np.asarray(context_features(p1))])
        return model["stage2"].predict_proba(X2)[:, 1].tolist()


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
