"""Normalization of durations ("the past three months" P3M, "two-hour" PT2H, "several years" PXY),
sets ("daily" P1D, "each Thursday" XXXX-WXX-4, "$5 million a year" P1Y) and the reference words
of TimeML ("now" PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF)."""
from __future__ import annotations

import datetime as dt
import re

from newsgraph.timex import calendar as cal
from newsgraph.timex.lexicon import lexicon
from newsgraph.timex.normalize import Context, Found, month_num, span, weekday_num
from newsgraph.timex.tense import token_at
from newsgraph.timex.relative import PART, _amount, _focus_day

RATE_BEFORE = re.compile(r"(?:\d|million|billion|thousand|hundred|percent|%|times|twice|once|cents?|dollars?|"
                         r"barrels|tons|miles|hours)\W*$", re.IGNORECASE)


def _outside_modifiers() -> set[str]:
    return set(lexicon()["modifiers_outside_span"])


def norm_duration(m: re.Match, ctx: Context) -> Found | None:
    unit_word = m.group("unit").lower()
    code = lexicon()["units"][unit_word]
    amount_word = (m.group("amount") or "").lower()
    start, end = span(m)
    det = (m.group("det") or "").lower()
    if det in ("a", "an") and amount_word in ("a", "an"):
        return None
    if _is_age_or_fraction(m, ctx, unit_word):
        return None
    if amount_word in ("a", "an", "a half", "half a", "half an") and unit_word.endswith("s") and code != "2W":
        return None
    if amount_word in ("some",) and not unit_word.endswith("s"):
        return None
    if _is_one_day_adverb(m, ctx):
        return Found("DATE", "FUTURE_REF", *span(m))
    amount = _amount(amount_word)
    if amount_word == "a half":
        amount = 0.5
    if m.group("half") and amount is not None:
        amount += 0.5
    adjectival = m.group("sep").startswith("-") or (amount is not None and amount > 1 and not unit_word.endswith("s")
                                                     and code not in ("2W",))
    if det and (adjectival or (det in ("a", "an") and amount_word not in ("few", "couple", "dozen"))):
        start = _after_det(m)
    start = _drop_outside_modifier(m, start)
    start = _drop_verb_last(m, ctx, start)
    if amount_word in ("a", "an") and m.group("adj") and start == m.start("amount"):
        start = m.start("unit")           # "a decade-long war": the article belongs to the noun
    if amount_word in ("a", "an") and not det and RATE_BEFORE.search(ctx.text[max(0, start - 25):start]):
        return Found("SET", cal.duration_value(1, code), start, end)
    if code in ("SU", "WI", "SP", "FA", "SEASON") and not unit_word.endswith("s"):
        return None
    value = _duration_value(amount, code, m.group("half"))
    return Found("DURATION", value, start, end)


DURATION_PREPOSITIONS = {"for", "in", "within", "after", "than", "of", "every", "per", "by", "over", "about",
                         "a", "the", "only", "just", "around", "nearly", "almost", "last", "first", "each"}


def _is_one_day_adverb(m: re.Match, ctx: Context) -> bool:
    """'will one day be the largest': "one day" as a bare adverb of a future or modal clause
    is an indefinite future (FUTURE_REF), not a duration ("for one day", "one day later")."""
    if " ".join(m.group(0).lower().split()) != "one day" or ctx.word_before(m.start()) in DURATION_PREPOSITIONS:
        return False
    return ctx.tense(m.start()) in ("FUTURE", "MODAL")


FRACTION_OF = re.compile(r"\s+of\s+(?!(?:fiscal\s+|calendar\s+)?(?:the\s+)?(?:\d{4}|(?:this|last|next|that|the\s+same|the\s+current|the\s+previous)\s+(?:fiscal\s+)?year)\b)", re.IGNORECASE)


def _is_age_or_fraction(m: re.Match, ctx: Context, unit_word: str) -> bool:
    """'six-year-old', '37 years old' (ages), 'three-quarters' (a fraction), 'a second group'."""
    if (m.group("adj") or "").lower() == "-old" or re.match(r"[\s-]+old\b", ctx.text[m.end():m.end() + 6]):
        return True
    if unit_word == "quarters" and m.group("sep").startswith("-"):
        return True
    if (unit_word in ("quarter", "quarters") and (m.group("amount") or "").lower() in ("a", "an", "one", "three")
            and FRACTION_OF.match(ctx.text, m.end())):
        return True                       # "more than a quarter of the market", "three quarters of voters"
    return unit_word == "second" and (m.group("amount") or "").lower() in ("a", "an")


def _after_det(m: re.Match) -> int:
    for name in ("approx", "dir", "approx2", "amount"):
        if m.group(name):
            return m.start(name)
    return m.start()


def _drop_outside_modifier(m: re.Match, start: int) -> int:
    """'about two weeks' -> 'two weeks': TimeBank leaves these modifiers outside the span."""
    approx = (m.group("approx") or "").lower()
    if approx and m.start("approx") == start and " ".join(approx.split()) in _outside_modifiers():
        nxt = [m.start(n) for n in ("dir", "approx2", "amount") if m.group(n)]
        return min(nxt) if nxt else start
    return start


def _drop_verb_last(m: re.Match, ctx: Context, start: int) -> int:
    """'the talks will last two weeks': "last" the verb is not part of the duration."""
    if (m.group("dir") or "").lower() != "last" or m.start("dir") != start or ctx.doc is None:
        return start
    tok = token_at(ctx.doc, start)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return start
    return next(m.start(n) for n in ("approx2", "amount") if m.group(n))


def _duration_value(amount, code: str, half) -> str:
    if amount is not None and not float(amount).is_integer():
        lower = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("MIN", 60), "W": ("D", 7), "MIN": ("S", 60)}
        if code in lower:
            sub, k = lower[code]
            whole = int(amount)
            frac = int(round((amount - whole) * k))
            head = cal.duration_value(whole, code) if whole else ("PT" if sub in ("H", "MIN") else "P")
            tail = cal.duration_value(frac, sub)
            if whole:
                sep = "T" if sub in ("H", "MIN") and "T" not in head else ""
                return head + sep + tail.split("T")[-1].lstrip("P")
            return tail
    return cal.duration_value(amount, code)


def norm_bare_units(m: re.Match, ctx: Context) -> Found | None:
    unit = m.group("unit").lower()
    d = (m.group("dir") or "").lower()
    det = m.group("det")
    if not d and not m.group("adj"):
        if ctx.word_before(m.start()) not in ("for", "in", "within", "over", "after", "took", "take", "takes",
                                              "lasted", "last", "spent", "than", "and", "or"):
            return None
    if det and not d:
        return None
    code = lexicon()["units"][unit]
    return Found("DURATION", cal.duration_value(None, code), *span(m))


def norm_set(m: re.Match, ctx: Context) -> Found | None:
    unit = m.group("unit")
    low = unit.lower()
    season = lexicon()["seasons"].get(low)
    if season and not m.group("amount"):                  # "every summer": each summer, XXXX-SU
        return Found("SET", f"XXXX-{season}", *span(m))
    if low in lexicon()["units"]:
        amount = _amount(m.group("amount")) if m.group("amount") else 1
        return Found("SET", cal.duration_value(amount, lexicon()["units"][low]), *span(m))
    if low in ("morning", "evening", "night"):
        return Found("SET", f"XXXX-XX-XXT{ {'morning': 'MO', 'evening': 'EV', 'night': 'NI'}[low]}", *span(m))
    if low.rstrip("s") in lexicon()["weekdays"] or low in lexicon()["weekdays"]:
        return Found("SET", f"XXXX-WXX-{weekday_num(unit)}", *span(m))
    return Found("SET", f"XXXX-{month_num(unit):02d}", *span(m))


def norm_set_adverb(m: re.Match, ctx: Context) -> Found | None:
    word = m.group("adv").lower()
    if ctx.doc is not None:
        from newsgraph.timex.tense import token_at
        tok = token_at(ctx.doc, m.start())
        if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("npadvmod", "advmod"):
            return None
        if tok is not None and tok.dep_ == "amod" and word != "daily":
            return None
        if tok is not None and _is_a_newspaper(tok):
            return None
    return Found("SET", lexicon()["set_adverbs"][word], *span(m))


def _is_a_newspaper(tok) -> bool:
    """'the ruling party's daily Northern Voice', 'the state-run daily said': "daily" (or "weekly") the
    newspaper, a noun naming a paper, not a frequency."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return True
    return tok.head.pos_ == "PROPN" and tok.head.i > tok.i


def norm_ref(m: re.Match, ctx: Context) -> Found | None:
    word = " ".join(m.group("ref").lower().split())
    typ, value = lexicon()["ref_words"][word]
    if word in ("current", "future", "recent") and not _modifies_noun(m, ctx):
        return None
    if word == "soon" and (re.match(r"\s+(?:as|after|before)\b", ctx.text[m.end():m.end() + 8]) or ctx.word_before(m.start()) == "as"):
        return None                                   # "as soon as" is a conjunction
    if word == "soon" and _told_in_the_past(m, ctx):
        return None                                   # "the trickle soon became a flood": soon after a past time
    return Found(typ, value, *span(m))


def _told_in_the_past(m: re.Match, ctx: Context) -> bool:
    """The clause is a simple past narrative ("he was soon released"): an adverb such as "soon"
    then counts from the narrated time, not from publication, and FUTURE_REF would be false."""
    return ctx.tense(m.start()) == "PAST" and not ctx.present_perfect(m.start()) and not ctx.past_perfect(m.start())


def _modifies_noun(m: re.Match, ctx: Context) -> bool:
    if ctx.doc is None:
        return True
    from newsgraph.timex.tense import token_at
    tok = token_at(ctx.doc, m.start())
    if tok is None:
        return True
    if tok.lower_ == "future" and tok.i > 0 and ctx.doc[tok.i - 1].lower_ == "the":
        return True
    return tok.dep_ == "amod" or tok.pos_ == "ADJ"


def norm_the_unit(m: re.Match, ctx: Context) -> Found | None:
    unit = m.group("unit").lower()
    before = ctx.word_before(m.start())
    if unit == "day":
        return None
    if unit == "year":
        if re.match(r"\s+(?:ended|ending|to\s+date)\b", ctx.text[m.end():m.end() + 12]) or before in ("throughout",):
            return Found("DURATION", "P1Y", *span(m))
        if ctx.dct is None:
            return None
        return Found("DATE", str(ctx.dct.year), *span(m))
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    direction = ctx.direction(m.start())
    dow = ctx.dct.isoweekday()
    if direction == "past" and dow <= 5:
        day = ctx.dct - dt.timedelta(weeks=1)
    else:
        day = ctx.dct
    return Found("DATE", cal.weekend_of(day), *span(m))


def norm_long_unit(m: re.Match, ctx: Context) -> Found | None:
    """'a year-long inquiry', 'a weeklong strike': one unit's duration."""
    return Found("DURATION", cal.duration_value(1, lexicon()["units"][m.group("unit").lower()]), *span(m))


def norm_edge_unit(m: re.Match, ctx: Context) -> Found | None:
    """'the end of the month', 'the beginning of the year': the publication's week, month or year."""
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    unit = m.group("unit").lower()
    value = {"week": cal.fmt_week(ctx.dct), "month": cal.fmt_month(ctx.dct.year, ctx.dct.month),
             "year": f"{ctx.dct.year:04d}"}[unit]
    return Found("DATE", value, *span(m))


def norm_that_unit(m: re.Match, ctx: Context) -> Found | None:
    """'that year', 'that same day', 'earlier that day': the unit of the date in focus, with the
    parts the focus does not name left as X ("1998-10-XX" after "in October 1998") in a past
    narrative; the value is None when no date is in focus (see `extract.ANAPHORS`)."""
    unit = m.group("unit").lower()
    value = focus_unit(ctx, unit)
    if value and "X" in value and ctx.tense(m.start()) != "PAST":
        value = None                      # "you see redemptions that day": a generic day, not one in the focus period
    part = PART.get(unit)
    if part and value:
        return Found("TIME", f"{value}T{part}", *span(m))
    return Found("DATE", value, *span(m))


FOCUS_CUT = {"year": 4, "month": 7, "day": 10, "morning": 10, "night": 10, "evening": 10, "afternoon": 10}
UNNAMED_PARTS = "-XX-XX"                  # month and day the focus leaves open


def focus_unit(ctx: Context, unit: str) -> str | None:
    """The date in focus cut to `unit` ("2021-06-22" -> "2021-06" for "month"); when the focus
    is less precise than the unit, the focus's own parts with the rest unspecified ("2015" ->
    "2015-XX-XX" for "day", "2015-WXX" for "week"). None when no calendar date is in focus."""
    if ctx.focus is None or not ctx.focus[:4].isdigit():
        return None
    gran = cal.granularity_of(ctx.focus)
    year = ctx.focus[:4]
    if unit == "quarter":
        return _quarter_of_focus(ctx.focus, gran)
    if unit == "week":
        day = _focus_day(ctx)
        return cal.fmt_week(day) if day else f"{year}-WXX"
    cut = FOCUS_CUT[unit]
    named = ctx.focus[:10] if gran in ("day", "time") else ctx.focus[:7] if gran == "month" else year
    return named[:cut] + UNNAMED_PARTS[:max(0, cut - len(named))]


def _quarter_of_focus(focus: str, gran: str | None) -> str:
    """The quarter in focus, or the quarter that holds the month or day in focus ("1998-QX"
    when only the year is known)."""
    if gran == "quarter":
        return focus
    if gran in ("day", "time", "month"):
        return f"{focus[:4]}-Q{(int(focus[5:7]) - 1) // 3 + 1}"
    return f"{focus[:4]}-QX"


def norm_year_end(m: re.Match, ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    year = ctx.focus[:4] if ctx.focus and ctx.focus[:4].isdigit() else str(ctx.dct.year)
    return Found("DATE", f"{year}-12-31" if "-" in m.group("w") else year, *span(m))


def norm_vague_duration(m: re.Match, ctx: Context) -> Found | None:
    return Found("DURATION", lexicon()["vague_durations"][" ".join(m.group("vd").lower().split())], *span(m))
