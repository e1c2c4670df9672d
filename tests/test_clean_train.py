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


CHROME_LINES = ["Share this article", "Leave a comment", "Sign up for our newsletter", "Read more", "Follow us",
                "Subscribe now", "Related articles", "Most popular", "Share on Facebook", "Comments (12)"]
BODY_LINES = ["The ministry said on Tuesday that the talks would resume next week in the capital.",
              "Farmers in the region have waited for rain since the spring, officials said.",
              "He told reporters that the bridge would remain closed until the repairs are finished.",
              "The company said its profits had fallen by a third compared with the previous year.",
              "Police said the two men were arrested after a search of the building on Sunday."]


def test_vocabulary_model_scores_unseen_lines_by_their_words():
    from newsgraph.clean.classify import fit_vocab, vocab_logits

    texts = CHROME_LINES + BODY_LINES
    labels = [0.0] * len(CHROME_LINES) + [1.0] * len(BODY_LINES)
    vocab = fit_vocab(texts, labels, [1.0] * len(texts))
    z = vocab_logits(vocab, ["Share this story on Twitter",
                             "The minister said the talks had been delayed because of the storm."])
    assert z[0] < 0 < z[1]


def test_line_terms_fold_digits_and_mark_ends():
    from newsgraph.clean.classify import line_terms

    terms = line_terms("Comments (12)")
    assert "comments 00" in terms and "^comments" in terms and "00$" in terms
    assert line_terms("—") == ["<no words>"]


def test_vocabulary_columns_read_the_neighbours():
    from newsgraph.clean.classify import vocab_columns

    cols = vocab_columns([1.0, -2.0, 3.0])
    assert cols.shape == (3, 4)
    assert list(cols[1, :3]) == [-2.0, 1.0, 3.0]
    assert cols[1, 3] == 2.0          # mean of the other lines within the radius


def test_out_of_fold_vocabulary_scores_are_appended_to_the_features():
    from newsgraph.clean.train import page_examples, with_vocab_scores

    pages = [page_examples({"id": str(k), "raw_text": DUMP, "gold_body": GOLD}) for k in range(4)]
    vocab, scored = with_vocab_scores(pages, range(4), [f"site{k}.example" for k in range(4)], folds=2)
    assert scored[0][0].shape[1] == pages[0][0].shape[1] + 4
    assert vocab["coef"].shape == (2 ** 18,)


def test_vocabulary_weights_can_give_every_page_the_same_total():
    import numpy as np

    from newsgraph.clean.train import labelled_texts
    long_page = (None, [1.0, 0.0, 1.0, None], [1.0, 2.0, 3.0, 4.0], ["a", "b", "c", "d"])
    short_page = (None, [1.0], [2.0], ["e"])
    pages = [long_page, short_page]
    texts, y, w = labelled_texts(pages, [0, 1])
    assert texts == ["a", "b", "c", "e"] and list(w) == [1.0, 2.0, 3.0, 2.0]
    _, _, w = labelled_texts(pages, [0, 1], weight_groups=[0, 1])
    assert np.isclose(w[:3].sum(), w[3]) and np.isclose(w.sum(), 8.0)
    assert np.allclose(w[:3] / w[0], [1.0, 2.0, 3.0])      # within a page the lines keep their ratio
    _, _, w = labelled_texts(pages, [0, 1], weight_groups=["body", "body"])
    assert list(w) == [1.0, 2.0, 3.0, 2.0]
