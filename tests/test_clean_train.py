"""Labelling of dump lines for training the boilerplate classifier (no eval data needed)."""
from newsgraph.clean.lines import split_lines
from newsgraph.clean.train import half_of, labels_from_body, labels_from_segments, site_of

DUMP = """Home
News
Sport

Council approves new budget

The city council approved the budget for next year on Monday evening after a long debate.

Opposition members criticised cuts to libraries and promised to raise the issue again.

Share
Related stories
"""
GOLD = ("The city council approved the budget for next year on Monday evening after a long debate.\n\n"
        "Opposition members criticised cuts to libraries and promised to raise the issue again.")


def test_labels_from_full_body():
    lines = split_lines(DUMP)
    labels = labels_from_body(lines, GOLD)
    kept = [ln.text for ln, y in zip(lines, labels) if y == 1.0]
    assert kept == GOLD.split("\n\n")
    assert labels[0] == 0.0 and labels[-1] == 0.0


def test_labels_from_segments_leave_unknown_lines_out():
    lines = split_lines(DUMP)
    labels = labels_from_segments(lines, ["approved the budget for next year"], ["Related stories"])
    by_text = {ln.text: y for ln, y in zip(lines, labels)}
    assert by_text[GOLD.split("\n\n")[0]] == 1.0
    assert by_text["Related stories"] == 0.0
    assert by_text["Home"] is None


def test_sites_split_deterministically():
    row = {"id": "x", "url": "https://www.example.org/a/b"}
    assert site_of(row) == "example.org"
    assert half_of("example.org") == half_of("example.org") in (0, 1)


def test_two_stage_training_runs_and_separates_body():
    import numpy as np

    from newsgraph.clean.classify import context_features
    from newsgraph.clean.train import TrainSettings, fit_two_stage, page_examples

    pages, sites = [], []
    for k in range(6):
        menu = "\n".join(f"Section {k}-{j}" for j in range(8))
        raw = f"{menu}\n\n{DUMP.split(chr(10) + chr(10), 1)[1]}"
        pages.append(page_examples({"id": str(k), "raw_text": raw, "gold_body": GOLD}))
        sites.append(f"site{k}.example")
    from threadpoolctl import threadpool_limits
    with threadpool_limits(limits=1):           # tiny fits: threads only cost here
        model = fit_two_stage(pages, range(6), sites, TrainSettings(leaves=4, min_leaf=2, trees=8))
    feats = pages[0][0]
    p1 = model["stage1"].predict_proba(feats)[:, 1]
    p2 = model["stage2"].predict_proba(np.hstack([feats, context_features(p1, feats)]))[:, 1]
    labels = pages[0][1]
    assert all((p >= 0.5) == (y == 1.0) for p, y in zip(p2, labels) if y is not None)
