"""Normalization of deictic and relative expressions: "yesterday", "last week", "this weekend",
"earlier this month", "on Wednesday" (direction from tense), "two weeks ago", "a year earlier"
(shifted from the discourse focus), clock times and times of day."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.timex import calendar as cal
from newsgraph.timex.grammar import parts
from newsgraph.timex.lexicon import lexicon, number_value
from newsgraph.timex.normalize import Context, Found, g, is_title, month_num, span, unfinished_quarter, weekday_num
from newsgraph.timex.tense import token_at

PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
DAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def norm_deictic(m: re.Match, ctx: Context) -> Found | None:
    if is_title(m, ctx):
        return None
    word = (g(m, "word") or g(m, "word2") or "").lower()
    if not word:
        return _this_part(m, ctx)
    part = (g(m, "part") or "").lower()
    mod = (g(m, "mod") or g(m, "mod2") or "").lower()
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    day = ctx.dct + dt.timedelta(days=DAY_SHIFT[word])
    code = PART.get(part) or ("AF" if "afternoon" in mod else None)
    if word == "tonight" and not part:
        return Found("TIME", f"{cal.fmt_day(day)}TNI", *span(m))
    if code:
        return Found("TIME", f"{cal.fmt_day(day)}T{code}", *span(m))
    return Found("DATE", cal.fmt_day(day), *span(m))


def norm_adjacent_day(m: re.Match, ctx: Context) -> Found | None:
    """'the previous day', 'the next morning': the day before or after the day in focus (the
    last date named); unresolved (None) when no day is in focus, the reference being an event."""
    base = _focus_day(ctx)
    if base is None:
        return Found("DATE", None, *span(m))
    day = base + dt.timedelta(days=-1 if m.group("dir").lower() in ("previous", "prior") else 1)
    code = PART.get(m.group("unit").lower())
    if code:
        return Found("TIME", f"{cal.fmt_day(day)}T{code}", *span(m))
    return Found("DATE", cal.fmt_day(day), *span(m))


def norm_part_of_day(m: re.Match, ctx: Context) -> Found | None:
    """'in the morning', 'during the night' (the words from "the" on): that part of the day in
    focus when the day was named in this sentence or the one before ("Markets fell on Friday.
    In the afternoon, ..."); None otherwise (a habit, or a day too far back to be meant)."""
    day = _focus_day(ctx) if _focus_is_near(ctx, m.start()) else None
    value = f"{cal.fmt_day(day)}T{PART[m.group('unit').lower()]}" if day else None
    return Found("TIME", value, m.start("det"), m.end())


def _focus_is_near(ctx: Context, char: int) -> bool:
    """The date in focus was named in the sentence at `char` or in the sentence before it."""
    if ctx.focus_at is None or ctx.doc is None or not len(ctx.doc):
        return False
    here, there = token_at(ctx.doc, char), token_at(ctx.doc, ctx.focus_at)
    if here is None or there is None:
        return False
    before = ctx.doc[here.sent.start - 1].sent.start if here.sent.start > 0 else here.sent.start
    return before <= there.sent.start <= here.sent.start


def norm_unit_before(m: re.Match, ctx: Context) -> Found | None:
    """'the year before', 'the day after' with no event named after them: one unit before or
    after the date in focus; unresolved (None) when the focus is less precise than the unit."""
    unit = m.group("unit").lower()
    sign = 1 if m.group("dir").lower() == "after" else -1
    value = _shift_focus(ctx, {"day": "D", "night": "D", "week": "W", "month": "M", "year": "Y"}[unit], sign)
    if value and unit == "night":
        return Found("TIME", f"{value}TNI", *span(m))
    return Found("DATE", value, *span(m))


def _shift_focus(ctx: Context, code: str, n: int) -> str | None:
    """The date in focus moved n units (code D/W/M/Y) at that unit's granularity, None when the
    focus is less precise than the unit."""
    gran = cal.granularity_of(ctx.focus) if ctx.focus and ctx.focus[:4].isdigit() else None
    day = _focus_day(ctx) or (_day_of(ctx.day_focus) if gran != "month" else None)   # "in June, ..." frames the story
    if code in ("D", "W") and day is not None:
        return _offset_value(day, code, n)
    if code == "M" and gran in ("day", "time", "month"):
        return cal.fmt_month(*cal.add_months(int(ctx.focus[:4]), int(ctx.focus[5:7]), n))
    if code == "Y" and gran is not None:
        return f"{int(ctx.focus[:4]) + n:04d}"
    return None


def _focus_day(ctx: Context) -> dt.date | None:
    """The date in focus when it names a day ("2021-06-22", "2021-06-22TNI")."""
    return _day_of(ctx.focus)


def _day_of(value: str | None) -> dt.date | None:
    mm = re.match(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    try:
        return dt.date(*map(int, mm.groups())) if mm else None
    except ValueError:
        return None


def _this_part(m: re.Match, ctx: Context) -> Found | None:
    """'this morning', 'last night', 'later this afternoon'."""
    part, d = m.group("part3").lower(), m.group("dir3").lower()
    if d == "last" and part != "night":
        return None
    if ctx.dct is None:
        return Found("TIME", None, *span(m))
    day = ctx.dct - dt.timedelta(days=1 if d == "last" else 0)
    return Found("TIME", f"{cal.fmt_day(day)}T{PART[part]}", *span(m))


def norm_relative(m: re.Match, ctx: Context) -> Found | None:
    if is_title(m, ctx):
        return None
    d = " ".join(m.group("dir").lower().split()).replace("the ", "").replace("this ", "")   # "this past weekend"
    unit = " ".join(m.group("unit").lower().split())
    has_the = m.group("dir").lower().startswith("the ")
    if d == "following" and ctx.focus and ctx.focus[:4].isdigit() and unit in ("year", "month"):
        return _following(m, ctx, unit)
    if unit == "year" and d == "last" and _comparison_with_quarter(m, ctx):
        return Found("DATE", cal.shift_years(_reported_quarter(ctx), -1), *span(m))
    if has_the and d in ("past", "last", "next", "coming", "following") and unit not in ("weekend",):
        if unit == "year" and d in ("past", "last"):
            pass
        else:
            return Found("DURATION", cal.duration_value(1, _unit_code(unit)), *span(m))
    if d == "same":
        return None
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    shift = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[d]
    value = _shift_unit(ctx.dct, unit, shift)
    if value is None:
        return None
    return Found("DATE", value, *span(m))


def _following(m: re.Match, ctx: Context, unit: str) -> Found:
    """'the following year' is the year after the date in focus."""
    y = int(ctx.focus[:4])
    if unit == "year":
        return Found("DATE", f"{y + 1:04d}", *span(m))
    mo = int(ctx.focus[5:7]) if len(ctx.focus) >= 7 and ctx.focus[5:7].isdigit() else None
    if mo is None:
        return Found("DURATION", "P1M", *span(m))
    return Found("DATE", cal.fmt_month(*cal.add_months(y, mo, 1)), *span(m))


COMPARISON = re.compile(r"(?:compared\s+with|from|than|versus|against|period|quarter)\s+[^.;]*$", re.IGNORECASE)


def _comparison_with_quarter(m: re.Match, ctx: Context) -> bool:
    """'earnings of $3 million, compared with a loss last year': with a quarter in focus,
    'last year' is that quarter a year earlier."""
    if _reported_quarter(ctx) is None or m.group("mod"):
        return False
    before = ctx.text[max(0, m.start() - 80):m.start()]
    sentence = re.split(r"[.;]\s", before)[-1]
    return bool(COMPARISON.search(sentence)) and ctx.word_before(m.start()) not in ("in", "since", "during")


def _reported_quarter(ctx: Context) -> str | None:
    """The quarter in focus, else the report's period (none when a whole year is in focus:
    "for this year, up from last year's $3.20")."""
    gran = cal.granularity_of(ctx.focus)
    if gran == "quarter" and not unfinished_quarter(ctx.focus, ctx):
        return ctx.focus
    return None if gran == "year" else ctx.period


def _unit_code(unit: str) -> str:
    return lexicon()["units"].get(unit.split()[-1], "Y")


SHIFT_CODES = {"week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def _shift_unit(dct: dt.date, unit: str, n: int) -> str | None:
    """The value n named units ("last month", "next quarter") from dct."""
    unit = unit.split()[-1]
    if unit in SHIFT_CODES:
        return _offset_value(dct, SHIFT_CODES[unit], n)
    if unit == "weekend":
        return cal.weekend_of(dct + dt.timedelta(weeks=n))
    if unit == "decade":
        return f"{dct.year // 10 + n:03d}"
    if unit == "century":
        return f"{dct.year // 100 + n:02d}"
    return None


def norm_weekday(m: re.Match, ctx: Context) -> Found | None:
    wd = weekday_num(m.group("wd"))
    part = (m.group("part") or "").lower()
    code = PART.get(part)
    if m.group("pl") or m.group("pl2"):
        return Found("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""), *span(m))
    if (m.group("mod") or "").lower() in ("earlier", "later"):
        return None
    day = cal.fmt_day(_weekday_date(m, ctx, wd)) if ctx.dct is not None else f"XXXX-WXX-{wd}"
    if code:                              # "Friday night" is a part of that day: TIME ...TNI
        return Found("TIME", f"{day}T{code}", *span(m))
    return Found("DATE", day, *span(m))


def _weekday_date(m: re.Match, ctx: Context, wd: int) -> dt.date:
    d = (m.group("dir") or "").lower().split()[-1] if m.group("dir") else ""     # "this coming Sunday"
    rel = (m.group("rel") or "").lower()
    if rel:
        monday = ctx.dct - dt.timedelta(days=ctx.dct.isoweekday() - 1)
        monday += dt.timedelta(weeks={"last": -1, "this": 0, "next": 1}[rel])
        return monday + dt.timedelta(days=wd - 1)
    if m.group("dir") and m.group("dir").lower().startswith("the "):
        return _weekday_from_focus(ctx, wd, d)
    if d in ("last", "past"):
        return cal.weekday_near(ctx.dct, wd, "last")
    if d in ("next", "coming"):
        return cal.weekday_near(ctx.dct, wd, "next")
    if ctx.scheduled_present(m.start("wd")):
        return cal.weekday_near(ctx.dct, wd, "future")
    return cal.weekday_near(ctx.dct, wd, ctx.direction(m.start(), cues="strong"))


def _weekday_from_focus(ctx: Context, wd: int, d: str) -> dt.date:
    """'the previous Friday', 'the following Monday': that weekday before or after the day in
    focus (the last date named), else before or after publication."""
    base = _focus_day(ctx) or ctx.dct
    return cal.weekday_near(base, wd, "last" if d in ("previous", "prior", "preceding") else "next")


def norm_ago(m: re.Match, ctx: Context) -> Found | None:
    unit = m.group("unit").lower()
    code = lexicon()["units"][unit]
    amount = _amount(m.group("amount"))
    rel = " ".join(m.group("rel").lower().split())
    sign = -1 if rel in ("ago", "earlier", "back", "previously") else 1
    if code == "Y" and amount is not None and float(amount).is_integer() and ctx.period and rel != "later":
        return Found("DATE", cal.shift_years(ctx.period, sign * int(amount)), *span(m))
    if code == "Y" and amount is not None and float(amount).is_integer() and _focus_applies(ctx, rel):
        base = ctx.focus[:4] if cal.granularity_of(ctx.focus) in ("day", "week", "time", "weekend") else ctx.focus
        return Found("DATE", cal.shift_years(base, sign * int(amount)), *span(m))
    if rel in ("earlier", "later") and amount is not None and float(amount).is_integer() and code in ("D", "W", "M"):
        if ctx.focus and ctx.focus[:4].isdigit():               # "on March 3 ... two days later"
            return Found("DATE", _shift_focus(ctx, code, sign * int(amount)), *span(m))
    if ctx.dct is None:
        return Found("DATE", None, *span(m))
    if amount is None:
        return Found("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", *span(m))
    return Found("DATE", _offset_value(ctx.dct, code, sign * amount), *span(m))


def _focus_applies(ctx: Context, rel: str) -> bool:
    """'a year earlier' shifts the date in focus; 'a year ago' does so when the focus is a
    quarter or month (the comparison period of a report), else it counts from publication."""
    if not ctx.focus:
        return False
    if rel in ("earlier", "later"):
        return True
    return rel == "ago" and cal.granularity_of(ctx.focus) in ("quarter", "half")


def _amount(word: str | None) -> float | None:
    if not word:
        return None
    w = word.lower().strip()
    if w in lexicon()["vague_numbers"] or w in ("some", "several", "few", "many"):
        return None
    return number_value(w)


def _offset_value(dct: dt.date, code: str, n: float) -> str | None:
    """The calendar value n units (code) away from dct, at that unit's granularity."""
    k = int(round(n))
    if code == "D":
        return cal.fmt_day(dct + dt.timedelta(days=k))
    if code in ("W", "2W"):
        return cal.fmt_week(dct + dt.timedelta(weeks=k * (2 if code == "2W" else 1)))
    if code == "M":
        return cal.fmt_month(*cal.add_months(dct.year, dct.month, k))
    if code == "Q":
        y, q = cal.add_quarters(dct.year, cal.quarter_of(dct), k)
        return f"{y}-Q{q}"
    if code == "Y":
        return f"{dct.year + k:04d}"
    if code == "DE":
        return f"{dct.year + 10 * k:04d}"
    if code == "CE" and not float(n).is_integer():              # "half a century ago": a year
        return f"{dct.year + int(round(100 * n)):04d}"
    if code == "CE":
        return f"{(dct.year + 100 * k) // 100:02d}"
    if code in ("H", "MIN", "S"):
        return cal.fmt_day(dct)
    return None


# ---- clock times ----------------------------------------------------------------------------

def norm_clock(m: re.Match, ctx: Context) -> Found | None:
    hhmm = _clock_hhmm(m)
    if hhmm is None:
        return None
    start, end = span(m)
    if (g(m, "approx") or "").lower() in ("after", "before"):
        start = next(m.start(k) for k in ("h", "h2", "h3", "cw") if g(m, k))
    end = _trim_sentence_period(ctx.text, start, end)
    day = _clock_day(m, ctx)
    date_part = cal.fmt_day(day) if day else "XXXX-XX-XX"
    zone = lexicon()["time_zones"].get(g(m, "zone") or "", "")
    return Found("TIME", f"{date_part}T{hhmm}{zone}", start, end)


def _clock_hhmm(m: re.Match) -> str | None:
    if g(m, "cw"):
        return lexicon()["clock_words"][m.group("cw").lower()]
    if g(m, "h2"):
        h, mi = int(m.group("h2")), int(m.group("mi2"))
        return f"{h:02d}:{mi:02d}" if h < 25 and mi < 60 else None
    if g(m, "h3"):
        return f"{m.group('h3')}:{m.group('mi3')}"
    h, mi, ap = int(m.group("h")), int(m.group("mi") or 0), m.group("ap").lower().replace(" ", "")
    if h > 12 or mi > 59 or h == 0:
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    if ap.startswith("a") and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}"


def _trim_sentence_period(text: str, start: int, end: int) -> int:
    """'at 6 a.m. Police said' -> the sentence's period is not part of the time."""
    if text[end - 1] == "." and text[end - 2:end] == "m." and re.match(r"\s+[A-Z\"]|\s*$", text[end:end + 3]):
        return end - 1
    return end


def _clock_day(m: re.Match, ctx: Context) -> dt.date | None:
    ref = g(m, "dayref")
    if not ref:
        hhmm = _clock_hhmm(m)
        parallel = _parallel_clock_day(ctx, m.start(), m.end(), int(hhmm[:2])) if hhmm else None
        return parallel or _day_named_in_sentence(ctx, m.start()) or ctx.dct
    return _day_of_ref(ref, m, ctx)


def _day_named_in_sentence(ctx: Context, char: int) -> dt.date | None:
    """The day in focus when it was named earlier in the same sentence ("On June 3, the first
    shells fell at 6 a.m."): a bare clock time belongs to that day, not to publication."""
    if ctx.focus_at is None or not ctx.same_sentence(ctx.focus_at, char):
        return None
    return _focus_day(ctx)


def _day_of_ref(ref: str, m: re.Match, ctx: Context) -> dt.date | None:
    """The date a clock time's day reference names ("Tuesday", "Nov. 9", "tomorrow")."""
    sub = re.match(r"(?i)(today|tonight|yesterday|tomorrow)$", ref)
    if sub:
        return ctx.dct + dt.timedelta(days=DAY_SHIFT[sub.group(1).lower()]) if ctx.dct else None
    md = re.search(r"([A-Z][a-z]+\.?)\s+(\d{1,2})", ref)
    if md and ctx.dct:
        mon, day = month_num(md.group(1)), int(md.group(2))
        y = re.search(r"\d{4}", ref)
        year = int(y.group(0)) if y else cal.day_year_near(ctx.dct, mon, day, ctx.direction(m.start(), cues=True))
        return cal.safe_date(year, mon, day)
    if ctx.dct:
        scheduled = ctx.scheduled_present(m.start()) or bool(g(m, "dayref") and ctx.scheduled_present(m.start("dayref")))
        direction = "future" if scheduled else ctx.direction(m.start(), cues="strong")   # "polls close at 8 p.m. Sunday"
        return cal.weekday_near(ctx.dct, weekday_num(ref.split()[0].rstrip(",")), direction)
    return None


@lru_cache(maxsize=1)
def _parallel_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A clock time's day given beside it: after a parenthetical ("10:35 a.m. (0735 GMT) Friday"),
    inside the parenthetical after it ("4 a.m. (0900 GMT Thursday)"), or, for a time inside
    parentheses, with the time before them ("1:15 a.m. Tuesday (2315 GMT)")."""
    p = parts()
    clock = r"(?:(?P<ph>\d{1,2})(?:[:.]\d\d)?\s*(?P<pap>[ap]\.\s?m\.?|[ap]m\b)|(?P<ph24>[01]\d|2[0-3])[0-5]\d)"
    zone = rf"(?:\s+(?:{p['zones']}\b|local\s+time))?"
    ref = rf"(?:,?\s*(?:on\s+)?(?P<ref>{p['day_ref']}))"
    tail = rf",?\s*(?:on\s+)?(?P<tail>{p['day_ref']})"
    after = (rf"(?:\s+local\s+time(?=,?\s*(?:on\s+)?{p['day_ref']})|"
             rf"{zone}\s*\((?:[^()]{{0,40}}?(?<![\w.]){clock}{zone}{ref}?)?[^()]{{0,40}}\))(?:{tail})?")
    before = rf"(?<![\w.]){clock}{zone}{ref}?\s*\([^()]{{0,20}}$"
    closing = rf"[^()]{{0,30}}\)\s*{tail}"
    return tuple(re.compile(x, re.IGNORECASE) for x in (after, before, closing))


def _parallel_clock_day(ctx: Context, start: int, end: int, hour: int) -> dt.date | None:
    """The date of a clock time named without a day, from the same moment named beside it in
    another zone: the other time's day, moved by the zone difference the two hours imply
    ("1:15 a.m. Tuesday (2315 GMT)" is 23:15 on Monday in GMT)."""
    after, before, closing = _parallel_patterns()
    m = after.match(ctx.text, end, min(len(ctx.text), end + 120))
    if m and m.group("tail"):
        return _day_of_ref(m.group("tail"), m, ctx)          # the day after the parenthesis is ours
    if m and m.group("ref"):
        return _shifted(_day_of_ref(m.group("ref"), m, ctx), _hour_of(m), hour)
    b = before.search(ctx.text, max(0, start - 120), start)
    if b is None:
        return None
    if b.group("ref"):
        return _shifted(_day_of_ref(b.group("ref"), b, ctx), _hour_of(b), hour)
    c = closing.match(ctx.text, end, min(len(ctx.text), end + 80))
    return _shifted(_day_of_ref(c.group("tail"), c, ctx), _hour_of(b), hour) if c else None


def _hour_of(m: re.Match) -> int:
    if m.group("ph24"):
        return int(m.group("ph24"))
    h, ap = int(m.group("ph")) % 12, m.group("pap").lower()
    return h + 12 if ap.startswith("p") else h


def _shifted(other_day: dt.date | None, other_hour: int, hour: int) -> dt.date | None:
    """The day of `hour` when it is the same moment as `other_hour` on `other_day` in another zone:
    the day shift that keeps the zone difference within UTC-12..UTC+14."""
    if other_day is None:
        return None
    for shift in (0, -1, 1):
        if -14 <= hour - other_hour + 24 * shift <= 14:
            return other_day + dt.timedelta(days=shift)
    return other_day


def norm_clock_part(m: re.Match, ctx: Context) -> Found | None:
    h = number_value(m.group("h"))
    if h is None or not 1 <= h <= 12:
        return None
    hour = int(h) + (12 if m.group("part").lower() in ("afternoon", "evening") and h < 12 else 0)
    day = _parallel_clock_day(ctx, m.start(), m.end(), hour) or ctx.dct
    day = cal.fmt_day(day) if day else "XXXX-XX-XX"
    return Found("TIME", f"{day}T{hour:02d}:00", *span(m))
