"""The headline-weight fitter (clean.fit_title): title matching, and a conditional logit that
learns which traits mark the right candidate of a page."""
from __future__ import annotations

import json

from newsgraph.clean import fit_title, header
from newsgraph.clean.fit_title import Page, accuracy, design, fit, same_title


def test_titles_match_across_case_spacing_quotes_and_accents():
    assert same_title("Zürich votes  “yes” – again", "zurich votes yes again")
    assert not same_title("Council approves budget", "Council rejects budget")


def synthetic_pages(n=12):
    """Pages whose right line is the one set apart as a paragraph; the wrong ones are longer."""
    pages = []
    for k in range(n):
        traits = {0: ({"paragraph": 1.0, "long": 0.0}, f"Headline {k}"),
                  1: ({"paragraph": 0.0, "long": 1.0}, f"Menu line {k}"),
                  2: ({"paragraph": 0.0, "long": 1.0}, f"Teaser {k}")}
        pages.append(Page(k % 2, f"headline {k}", None, traits))
    return pages


def test_the_fit_rewards_the_trait_of_the_right_candidates():
    pages = synthetic_pages()
    keys = ["long", "paragraph"]
    w = dict(zip(keys, fit(design(pages, keys), len(keys), l2=0.1)))
    assert w["paragraph"] > 0 > w["long"]
    assert accuracy(pages, w) == 1.0
    assert accuracy(pages, {"long": 1.0}) == 0.0


def test_shipped_weights_are_the_file_the_fitter_writes():
    stored = json.loads(header.TITLE_WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert stored["weights"] == header.TITLE_WEIGHTS and "lede_overlap" in header.TITLE_WEIGHTS
    assert fit_title.__doc__ and "--write" in fit_title.__doc__
