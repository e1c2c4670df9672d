"""The timex gates: a rule is skipped on a text only when it could not match there, so the
gated candidates are exactly those of every rule run on the whole text."""
from __future__ import annotations

import pytest

from newsgraph.timex.anchored import anchored_patterns, find_anchored, measure_gate
from newsgraph.timex.extract import candidates
from newsgraph.timex.grammar import compiled_gates, compiled_rules, fold_case

SENTENCES = [
    "The ceasefire took effect at 6 a.m. on Monday, March 4, two weeks after the talks collapsed.",
    "Troops withdrew in the morning, three days before the referendum.",
    "Exports fell 4 percent in the third quarter of fiscal 2019 from the year-earlier period.",
    "The agency reported Q3 2021 figures on 12th of June and again in June 2021.",
    "Protests spread through the 1990s and the nineteen-eighties, the worst unrest of the 20th century.",
    "Every Friday since last spring, the families have gathered at noon outside the ministry.",
    "The deal, signed in 2018, expires at year-end; the 2020 fiscal year ended on 9/30/20.",
    "Nineteen ninety-nine was a hard year, and two thousand and one was harder.",
    "Officials said the curfew would be lifted tomorrow night or later this week.",
    "The commission meets weekly and publishes its figures quarterly, a while after each session.",
    "Markets were closed for Christmas Day and reopened the same week.",
    "The rebels had held the town for six months or so before the army retook it last year.",
    "The vote is due on 2024-05-12, some five days ahead of the deadline.",
    "Fighting resumed a few hours after midnight, the second time that month.",
    "Three years ago the year-ago figures were released at 7 in the evening, and revised 10 days later.",
    "No date has been set for the inquiry.",
]
VARIANTS = SENTENCES + [s.upper() for s in SENTENCES] + [s.swapcase() for s in SENTENCES]


def ungated(text):
    out = []
    for prio, (name, rx) in enumerate(compiled_rules()):
        out += [(m.start(), m.end(), prio, name) for m in rx.finditer(text) if m.end() > m.start()]
    return out


@pytest.mark.parametrize("text", VARIANTS)
def test_gated_candidates_equal_ungated(text):
    assert [c[:4] for c in candidates(text)] == ungated(text)


@pytest.mark.parametrize("text", VARIANTS)
def test_every_rule_match_contains_its_gate(text):
    rules = dict(compiled_rules())
    for name, gate in compiled_gates().items():
        for m in rules[name].finditer(text):
            assert gate.search(fold_case(m.group())), (name, m.group())


def test_gates_skip_rules_on_texts_without_their_words():
    gates = compiled_gates()
    folded = fold_case(SENTENCES[-1])
    assert not any(gates[n].search(folded) for n in ("ago", "century", "quarter", "clock", "holiday"))


def test_fold_case_equates_what_ignorecase_equates():
    assert fold_case("\u0130STANBUL \u212aIEV \u017fIX ıZMIR") == "istanbul kiev six izmir"
    assert len(fold_case("\u0130\u212a\u017f\u0131")) == 4


@pytest.mark.parametrize("text", VARIANTS)
def test_anchored_measure_gate(text):
    m = anchored_patterns()[1].search(text)
    if m:
        assert measure_gate().search(fold_case(m.group()))


def test_anchored_found_through_the_gate():
    found = find_anchored("The rebels struck three days before the election, officials said.")
    assert [(a.anchor, a.days) for a in found] == [("the election", -3)]
