"""Finding time expressions in a text: every grammar rule proposes spans, the longest valid
non-overlapping spans win (leftmost-longest, rule order breaks ties), then the survivors are
normalized in reading order so that each can lean on the discourse focus before it (the last
date named) and on the report's period (the last recent quarter named, for "a year ago")."""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc

from newsgraph.timex import calendar as cal
from newsgraph.timex import measure, normalize, relative
from newsgraph.timex.grammar import compiled_gates, compiled_rules, fold_case
from newsgraph.timex.normalize import Context, Found

NORMALIZERS: dict[str, Callable[[re.Match, Context], Optional[Found]]] = {
    "clock": relative.norm_clock, "clock_part": relative.norm_clock_part,
    "mdy": normalize.norm_mdy, "dmy": normalize.norm_dmy, "month_year": normalize.norm_month_year,
    "month": normalize.norm_month, "quarter": normalize.norm_quarter, "quarter_ref": normalize.norm_quarter_ref,
    "year_ago_adj": normalize.norm_year_ago_adj, "qn": normalize.norm_qn, "decade": normalize.norm_decade,
    "century": normalize.norm_century, "season": normalize.norm_season, "fiscal_year": normalize.norm_fiscal_year,
    "year": normalize.norm_year, "spelled_year": normalize.norm_spelled_year,
    "numeric_date": normalize.norm_numeric_date, "relative": relative.norm_relative,
    "deictic": relative.norm_deictic, "weekday": relative.norm_weekday, "ago": relative.norm_ago,
    "duration": measure.norm_duration, "bare_units": measure.norm_bare_units, "set": measure.norm_set,
    "set_adverb": measure.norm_set_adverb, "ref": measure.norm_ref, "holiday": normalize.norm_holiday,
    "the_unit": measure.norm_the_unit, "adjacent_day": relative.norm_adjacent_day, "that_unit": measure.norm_that_unit,
    "part_of_day": relative.norm_part_of_day,
    "unit_before": relative.norm_unit_before, "edge_unit": measure.norm_edge_unit, "long_unit": measure.norm_long_unit,
    "year_end": measure.norm_year_end,
    "vague_duration": measure.norm_vague_duration,
}


DERIVED_RULES = {"year_ago_adj", "ago", "quarter_ref", "that_unit", "year_end", "adjacent_day", "unit_before",
                 "part_of_day"}   # values computed from the focus do not move it


PERIOD_RULES = {"quarter", "qn"}


ANAPHORS = {"that_unit", "part_of_day"}    # "that day", "in the morning" with no date named before them: no time expression


def is_reported_period(value: str, dct) -> bool:
    """A quarter or half that ended within the year before the publication quarter (a period
    a news report reports on; "the third quarter of 1984" is history, not the report's period)."""
    m = re.match(r"^(\d{4})-([QH])(\d)$", value)
    if not m:
        return False
    if dct is None:
        return True
    q = int(m.group(3)) * (2 if m.group(2) == "H" else 1)
    ago = (dct.year * 4 + cal.quarter_of(dct)) - (int(m.group(1)) * 4 + q)
    return 0 < ago <= 4


def candidates(text: str) -> list[tuple[int, int, int, str, re.Match]]:
    """(start, end, priority, rule, match) for every rule match in text (a gated rule only
    when its gate is in the text)."""
    folded, gates = fold_case(text), compiled_gates()
    out = []
    for prio, (name, rx) in enumerate(compiled_rules()):
        gate = gates.get(name)
        if gate is not None and gate.search(folded) is None:
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), prio, name, m))
    return out


def select(text: str, ctx: Context) -> list[tuple[str, re.Match]]:
    """The longest valid non-overlapping matches (a rule's normalizer may reject its match)."""
    cands = sorted(candidates(text), key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, _, name, m in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        found = NORMALIZERS[name](m, ctx)
        if found is None:
            continue
        if any(found.start < e and s < found.end for s, e in taken):
            continue
        taken.append((found.start, found.end))
        chosen.append((found.start, name, m))
    chosen.sort(key=lambda c: c[0])
    return [(name, m) for _, name, m in chosen]


def find_timexes(text: str, published: Optional[str], doc: Optional[Doc] = None) -> list[Found]:
    """Every time expression in text, normalized against `published`."""
    dct, _ = cal.parse_published(published)
    ctx = Context(text=text, dct=dct, doc=doc)
    results = []
    for name, m in select(text, ctx):
        found = NORMALIZERS[name](m, ctx)
        if found is None or (name in ANAPHORS and found.value is None):
            continue
        found.rule = name
        found.start, found.end = without_spaces(text, found.start, found.end)
        results.append(found)
        dated = found.type == "DATE" or (found.type == "TIME" and name == "weekday")    # "Friday night" too
        if dated and found.value and re.match(r"\d{4}", found.value) and name not in DERIVED_RULES:
            ctx.focus = found.value
            ctx.focus_at = found.start
            if re.match(r"\d{4}-\d\d-\d\d", found.value):
                ctx.day_focus = found.value
            if name in PERIOD_RULES and is_reported_period(found.value, ctx.dct):
                ctx.period = found.value
    return results


def without_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the blanks and line breaks a rule took in at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
