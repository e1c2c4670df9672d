"""Quoted ranges used by event triggers: only quotation marks and newlines move the walk."""
from __future__ import annotations

from newsgraph.events.lexicon import cues
from newsgraph.events.triggers import quoted_ranges


def walk_every_character(text):
    marks = cues()["quote_chars"]
    out, opened = [], None
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None and text[i + 1:i + 2] == "\n":
            opened = None
        elif ch in marks:
            if opened is None and ch != "”":
                opened = i
            elif opened is not None:
                if i - opened > 2:
                    out.append((opened, i))
                opened = None
    return out


TEXTS = [
    'The minister said "we will not retreat" and left.',
    "“We condemn the attack,” the ministry said. “It will not go unanswered.”",
    "An unclosed “quote runs on\n\nuntil the paragraph ends. Then “a new one” opens.",
    "A stray ” closing mark, «guillemets» and \"\" an empty pair.",
    "No quotation at all.\n\n\n",
]


def test_quoted_ranges_match_the_character_walk():
    for text in TEXTS:
        assert quoted_ranges(text) == walk_every_character(text)
    assert quoted_ranges(TEXTS[0]) == [(18, 38)]
