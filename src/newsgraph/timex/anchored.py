"""Event-anchored time expressions: "a week before the coup", "the day after the election",
"just over a week before the coup", "on the eve of Armed Forces Day". They are tagged with the
anchor words and no value; `resolve_anchored` computes the value by offset arithmetic from the
anchor event's date once the lead's cross-article step knows it (granularity "approx")."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from newsgraph.timex import calendar as cal
from newsgraph.timex.grammar import fold_case, parts
from newsgraph.timex.lexicon import alternation, lexicon, number_value

UNIT_DAYS = {"D": 1, "W": 7, "2W": 14, "M": 30, "Q": 91, "Y": 365, "DE": 3652, "H": 0, "MIN": 0, "S": 0, "WE": 7}
SIGNAL_SIGN = {"before": -1, "after": 1, "prior to": -1, "following": 1, "ahead of": -1, "since": 1}
ANCHOR_NP = r"(?P<anchor>(?:the|a|an|his|her|its|their|this|that|(?:last|this|next)\s+\w+'s|(?-i:[A-Z])[\w.-]*'s)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+|(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,4})"
ANCHOR_END = r"(?=\s*(?:[,.;:!?)\"]|\s(?:and|but|when|as|in|on|at|of|to|for|by|with|was|were|is|are|had|has|that|which|who|,)\b|$))"


@lru_cache(maxsize=1)
def anchored_patterns() -> list[re.Pattern]:
    p = parts()
    units = alternation(k for k in lexicon()["units"])
    offsets = alternation(lexicon()["anchor_offsets"])
    measure = (rf"(?P<measure>(?:(?P<approx>just\s+over|just\s+under|more\s+than|less\s+than|nearly|almost|about|some|over|"
               rf"barely|only|just)\s+)?(?P<amount>{p['amount']})?[\s-]*(?:(?:trading|business|working|calendar)\s+)?(?P<unit>{units}))")
    signal = r"(?P<signal>before|after|prior\s+to|following|ahead\s+of)"
    return [
        re.compile(rf"(?<![\w])(?:(?P<on>on|in)\s+)?(?P<fixed>(?i:{offsets}))\s+{ANCHOR_NP}{ANCHOR_END}"),
        re.compile(rf"(?<![\w]){measure}\s+(?:or\s+so\s+)?{signal}\s+{ANCHOR_NP}{ANCHOR_END}", re.IGNORECASE),
    ]


@dataclasses.dataclass
class Anchored:
    start: int
    end: int
    anchor: str
    anchor_start: int
    days: Optional[int]


@lru_cache(maxsize=1)
def measure_gate() -> re.Pattern:
    """What every match of the measure pattern contains ("<unit> before"), in lower case, for
    the case-folded text (see `grammar.fold_case`): a text without it is not scanned."""
    units = alternation(k for k in lexicon()["units"])
    return re.compile(rf"(?:{units})\s+(?:or\s+so\s+)?(?:before|after|prior\s+to|following|ahead\s+of)\s")


def find_anchored(text: str) -> list[Anchored]:
    """Anchored expressions in text (whole phrase, anchor words, day offset)."""
    out = []
    fixed, measured = anchored_patterns()
    for rx in (fixed, measured) if measure_gate().search(fold_case(text)) else (fixed,):
        for m in rx.finditer(text):
            parsed = parse_offset(m)
            if parsed is None:
                continue
            start = m.start("fixed") if m.groupdict().get("fixed") else m.start("measure")
            out.append(Anchored(start, m.end("anchor"), m.group("anchor"), m.start("anchor"), parsed))
    return out


def parse_offset(m: re.Match) -> Optional[int]:
    """Signed offset in days for an anchored match (None when it is not one)."""
    gd = m.groupdict()
    if gd.get("fixed"):
        return lexicon()["anchor_offsets"][" ".join(gd["fixed"].lower().split())]
    code = lexicon()["units"].get(gd["unit"].lower())
    if code is None or UNIT_DAYS.get(code) is None:
        return None
    amount_word = (gd.get("amount") or "").lower()
    if not amount_word:
        return None                                   # "days after", "day before": no measure
    amount = number_value(amount_word) if amount_word else 1.0
    if amount is None:
        amount = 3.0 if code in ("D", "W", "M", "Y") else 1.0      # "a few days", "several weeks": approx
    sign = SIGNAL_SIGN[" ".join(gd["signal"].lower().split())]
    return int(round(sign * amount * UNIT_DAYS[code]))


def offset_of_text(text: str) -> Optional[int]:
    """Re-parse a tagged anchored phrase for its day offset."""
    for rx in anchored_patterns():
        m = rx.search(text)
        if m:
            return parse_offset(m)
    return None


def shift_value(anchor_value: str, days: int) -> Optional[str]:
    """Anchor date value (day, month or year granularity) moved by `days`, at day granularity."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", anchor_value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        base = dt.date(year, month, day)
    except ValueError:
        return None
    shifted = base + dt.timedelta(days=days)
    if m.group(3):
        return shifted.isoformat()
    if m.group(2):
        return cal.fmt_month(shifted.year, shifted.month)
    return f"{shifted.year:04d}"
