"""Publication dates as pages print them -> ISO 8601: dates in several languages and
orders, a clock time (12/24 h), and a zone (abbreviation from tz_abbrev.json, a UTC
offset, or Z). A time without a zone stays without offset; nothing is guessed."""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
# a year may run into the next date or a clock time ("201914. Januar", "202221:25"); a four-digit
# "year" right before ":mm" is a two-digit year glued to the hour ("28.09.1912:44")
YEAR_END = r"(?:(?!\d|:\d)|(?=\d{1,2}[.\s:]))"
NUMERIC_RE = re.compile(r"(?<![\d.])(?:(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{4})"
                        r"|(\d{2})\.(\d{2})\.(\d{2})(?:(?![\d.])|(?=\d{1,2}:\d{2}))"
                        r"|(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/]))" + YEAR_END)
TIME_RE = re.compile(r"(?<![\d.:/-])(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(?:(a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z]))?(?:\s*uhr)?", re.I)
ZONE_RE = re.compile(r"^[\s(,]*(?:(?:GMT|UTC)\s*([+-]\d{1,2}(?::?\d{2})?)|([+-]\d{2}:?\d{2})|\b([A-Z]{1,5})\b)")


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    return json.loads(Path(__file__).with_name("months.json").read_text(encoding="utf-8"))["months"]


@lru_cache(maxsize=1)
def zones() -> dict[str, str]:
    return json.loads(Path(__file__).with_name("tz_abbrev.json").read_text(encoding="utf-8"))["zones"]


@lru_cache(maxsize=1)
def month_date_res() -> tuple[re.Pattern, re.Pattern]:
    names = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
    year = rf"(\d{{4}}|[’']\d{{2}}){YEAR_END}"
    month_first = re.compile(rf"\b({names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", re.I)
    day_first = re.compile(rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th)?(?:\.\s*|\s+)(?:de\s+)?({names})\.?,?\s+(?:del?\s+)?{year}", re.I)
    return month_first, day_first


@lru_cache(maxsize=1)
def dotted_month_re() -> re.Pattern:
    """Day, month name and year joined by dots ("03.Mär.19", "3.Okt.2019")."""
    names = "|".join(sorted((re.escape(m) for m in months()), key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s?({names})\.\s?(\d{{4}}|\d{{2}})(?![\d.:])", re.I)


def find_calendar_date(text: str, day_first: bool | None = None) -> tuple[date, int, int] | None:
    """The first calendar date in text, with its span. `day_first` reads 03/05/2022 (True: 3 May,
    False: March 5); None leaves such a date out unless one number is over 12."""
    found = []
    month_first, day_first_re = month_date_res()
    for m in month_first.finditer(text):
        found.append((m.start(), m.end(), safe_date(year_of(m.group(3)), months()[m.group(1).lower()], int(m.group(2)))))
    for m in day_first_re.finditer(text):
        found.append((m.start(), m.end(), safe_date(year_of(m.group(3)), months()[m.group(2).lower()], int(m.group(1)))))
    for m in NUMERIC_RE.finditer(text):
        found.append((m.start(), m.end(), numeric_date(m.groups(), day_first)))
    for m in dotted_month_re().finditer(text):
        found.append((m.start(), m.end(), safe_date(year_of(m.group(3)), months()[m.group(2).lower()], int(m.group(1)))))
    found = [f for f in found if f[2] is not None]
    if not found:
        return None
    start, end, d = min(found, key=lambda f: f[0])
    return d, start, end


def year_of(text: str) -> int:
    """A printed year: 2019, or '19 / ’19 (this century)."""
    digits = text.lstrip("'’")
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def numeric_date(g: tuple, day_first: bool | None) -> date | None:
    if g[0]:
        day, month = int(g[0]), int(g[1])
        if month > 12 >= day:                 # "01.21.2020": month first, as US pages print it
            day, month = month, day
        return safe_date(int(g[2]), month, day)
    if g[3]:
        return safe_date(int(g[3]), int(g[4]), int(g[5]))
    if g[9]:
        return safe_date(2000 + int(g[11]), int(g[10]), int(g[9]))
    a, b, y = (int(g[6]), int(g[7]), int(g[8])) if g[6] else (int(g[12]), int(g[13]), 2000 + int(g[14]))
    if a > 12 or (day_first and b <= 12):
        return safe_date(y, b, a)
    if b > 12 or day_first is False:
        return safe_date(y, a, b)
    return None


def slash_order(texts) -> bool | None:
    """Whether the page writes slashed dates day first (31/12/2021), month first (12/31/2021),
    or gives no unambiguous example."""
    votes = [0, 0]
    for text in texts:
        for m in NUMERIC_RE.finditer(text):
            g = m.groups()
            a, b = (g[6], g[7]) if g[6] else (g[12], g[13])
            if a and (int(a) > 12) != (int(b) > 12):
                votes[int(a) > 12] += 1
    if votes[0] == votes[1]:
        return None
    return votes[1] > votes[0]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d) if 1900 <= y <= 2100 else None
    except ValueError:
        return None


def find_time(text: str, skip: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """(hour, minute, second, end offset) of the first clock time outside `skip`."""
    for m in TIME_RE.finditer(text):
        if skip[0] <= m.start() < skip[1]:
            continue
        h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        ampm = (m.group(4) or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and h < 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60 and s < 60 and (m.group(4) or ":" in m.group(0) or "uhr" in m.group(0).lower()):
            return h, mi, s, m.end()
    return None


def find_zone(rest: str, day: date, hour: int, minute: int) -> timezone | None:
    m = ZONE_RE.match(rest)
    if not m:
        return None
    offset = m.group(1) or m.group(2)
    if offset:
        return parse_offset(offset)
    target = zones().get(m.group(3))
    if target is None:
        return None
    if target[0] in "+-":
        return parse_offset(target)
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(target))
    return timezone(local.utcoffset())


def parse_offset(text: str) -> timezone | None:
    m = re.match(r"([+-])(\d{1,2}):?(\d{2})?$", text)
    if not m:
        return None
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return timezone(-delta if m.group(1) == "-" else delta)


def parse_datetime(text: str, day_first: bool | None = None) -> str | None:
    """ISO 8601 for the first date (and time, and zone) printed in `text`, else None.
    `day_first`: how to read an ambiguous slashed date (see find_calendar_date)."""
    if not text:
        return None
    iso = ISO_RE.search(text)
    if iso:
        return iso_as_given(iso)
    found = find_calendar_date(text, day_first)
    if not found:
        return None
    day, start, end = found
    clock = find_time(text, (start, end))
    if clock is None:
        return day.isoformat()
    h, mi, s, tend = clock
    zone = find_zone(text[tend:], day, h, mi)
    stamp = datetime(day.year, day.month, day.day, h, mi, s, tzinfo=zone)
    return stamp.isoformat()


def iso_as_given(m: re.Match) -> str | None:
    """An ISO timestamp kept as printed (Z or offset kept) once it is checked valid."""
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if safe_date(y, mo, d) is None:
        return None
    text = m.group(0).replace(" ", "T", 1) if m.group(4) else m.group(0)[:10]
    return text.replace(" ", "")


def normalize_date(value: str | None) -> str | None:
    """A date string from a metadata extractor, as ISO (kept when already ISO)."""
    return parse_datetime(value) if value else None
