"""Weapon designations found by the entity-repair component (one test per distinct spelling)."""
from __future__ import annotations

from newsgraph.entities.recognize import is_weapon, weapon_spans
from newsgraph.nlp import get_nlp

TEXT = ("The air force flew two MiG-29 jets and an F-16 over the border; the S-400 battery stayed "
        "silent. A second MiG-29 landed at 10-15 knots in COVID-19 rain near Route 7.")


def test_weapon_spans_are_the_weapon_tokens_in_order():
    doc = get_nlp().make_doc(TEXT)
    spans = weapon_spans(doc)
    assert [(s.start, s.end, s.label_) for s in spans] == \
        [(t.i, t.i + 1, "WEAPON") for t in doc if is_weapon(t.text)]
    assert [s.text for s in spans] == ["MiG-29", "F-16", "S-400", "MiG-29"]


def test_is_weapon_needs_a_hyphenated_designation():
    assert is_weapon("F-16") and is_weapon("S-400")
    assert not is_weapon("F16") and not is_weapon("Route") and not is_weapon("10-15")
