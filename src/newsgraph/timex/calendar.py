"""Calendar arithmetic and TIMEX3 value formatting for the timex stage (no language here)."""
from __future__ import annotations

import datetime as dt
import re

DCT_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def parse_published(published: str | None) -> tuple[dt.date | None, bool]:
    """The publication date in the page's own zone (the date as written, offset ignored)
    and whether a clock time was given. None when absent or unparsable."""
    if not published:
        return None, False
    m = DCT_RE.match(published)
    if not m:
        return None, False
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None, False
    return day, m.group(4) is not None


def fmt_day(d: dt.date) -> str:
    return d.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def weekday_near(dct: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of ISO `weekday` (1=Mon) nearest to dct in `direction`: 'past' (on or before
    dct), 'future' (on or after dct), 'last' (strictly before), 'next' (strictly after)."""
    delta = weekday - dct.isoweekday()
    if direction in ("past", "last"):
        back = (-delta) % 7
        if back == 0 and direction == "last":
            back = 7
        return dct - dt.timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "next":
        ahead = 7
    return dct + dt.timedelta(days=ahead)


def month_year(dct: dt.date, month: int, direction: str) -> int:
    """Year of the month named without a year: 'past' = most recent on or before dct's month,
    'future' = next on or after, 'last'/'next' strictly, 'this' = dct's year."""
    if direction == "this":
        return dct.year
    if direction == "nearest":
        return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((y * 12 + month) - (dct.year * 12 + dct.month)))
    if direction in ("past", "last"):
        strict = direction == "last"
        return dct.year if (month < dct.month or (month == dct.month and not strict)) else dct.year - 1
    strict = direction == "next"
    return dct.year if (month > dct.month or (month == dct.month and not strict)) else dct.year + 1


NEAR_WINDOW_DAYS = 300      # a month-day named without a year lies within ten months of the DCT


def day_year_near(dct: dt.date, month: int, day: int, direction: str) -> int:
    """Year of a month-day named without a year: the occurrence on the tense's side of dct when it
    is within half a year of it, else the occurrence nearest to dct ("extended to Nov. 16" in a
    past-tense sentence of Oct. 30 is the coming Nov. 16, not the one eleven months ago)."""
    if direction in ("past", "future"):
        year = day_year(dct, month, day, direction)
        if abs((safe_date(year, month, day) - dct).days) <= NEAR_WINDOW_DAYS:
            return year
    return day_year(dct, month, day, "nearest")


def month_year_near(dct: dt.date, month: int, direction: str) -> int:
    """Year of a month named without a year, by the rule of `day_year_near` (months apart)."""
    if direction in ("past", "future", "last", "next"):
        year = month_year(dct, month, direction)
        if abs((year * 12 + month) - (dct.year * 12 + dct.month)) <= NEAR_WINDOW_DAYS // 30:
            return year
    return month_year(dct, month, "nearest")


def year_with_weekday(dct: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year nearest dct in which month-day falls on ISO `weekday` ("Saturday, April 25"),
    None when none of the adjacent years fits."""
    fits = [y for y in (dct.year, dct.year + 1, dct.year - 1) if _weekday_of(y, month, day) == weekday]
    return fits[0] if fits else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).isoweekday()
    except ValueError:
        return None


def day_year(dct: dt.date, month: int, day: int, direction: str) -> int:
    """Year of a month-day named without a year, in `direction` (past/future/nearest)."""
    if direction == "nearest":
        cands = [dct.year - 1, dct.year, dct.year + 1]
        return min(cands, key=lambda y: abs((safe_date(y, month, day) - dct).days))
    this = safe_date(dct.year, month, day)
    if direction == "past":
        return dct.year if this <= dct else dct.year - 1
    return dct.year if this >= dct else dct.year + 1


def safe_date(year: int, month: int, day: int) -> dt.date:
    """A date, with the day clamped into the month (Feb 30 -> Feb 28/29)."""
    for d in (day, 30, 29, 28):
        try:
            return dt.date(year, month, min(d, day))
        except ValueError:
            continue
    return dt.date(year, month, 1)


def weekend_of(d: dt.date) -> str:
    return fmt_week(d) + "-WE"


def shift_years(value: str, n: int) -> str:
    """Shift a TIMEX3 calendar value that starts with a 4-digit year by n years."""
    m = re.match(r"^(\d{4})(.*)$", value or "")
    if not m:
        return value
    rest = m.group(2)
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(m.group(1)) + n:04d}{rest}"


def granularity_of(value: str | None) -> str | None:
    """day/week/month/quarter/season/year/decade/century/time/ref for a TIMEX3 value."""
    if not value:
        return None
    patterns = [
        (r"^[\dX]{4}-[\dX]{2}-[\dX]{2}T", "time"), (r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$", "day"),
        (r"^[\dX]{4}-W[\dX]{2}-\d$", "day"), (r"^[\dX]{4}-W[\dX]{2}-WE$", "weekend"),
        (r"^[\dX]{4}-W[\dX]{2}$", "week"), (r"^[\dX]{4}-[\dX]{2}$", "month"), (r"^[\dX]{4}-Q\d$", "quarter"),
        (r"^[\dX]{4}-H\d$", "half"), (r"^[\dX]{4}-(SP|SU|FA|WI)$", "season"), (r"^\d{4}$", "year"),
        (r"^\d{3}$", "decade"), (r"^\d{2}$", "century"), (r"_REF$", "approx"), (r"^P", "duration"),
    ]
    for pat, gran in patterns:
        if re.match(pat, value):
            return gran
    return "approx"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration ("P3Y", "PT2H", "PXM") for an amount (None = unknown) of a unit code."""
    time_part = unit in ("H", "S", "MIN")
    if unit == "MIN":
        unit = "M"
    if unit in ("DE", "CE"):
        factor = 10 if unit == "DE" else 100
        unit = "Y"
        amount = None if amount is None else amount * factor
        if amount is None:
            return "PXDE" if factor == 10 else "PXCE"
    if unit == "2W":
        unit, amount = "W", (2 if amount is None else amount * 2)
    if unit in ("SU", "WI", "SP", "FA", "SEASON"):
        unit = "Q"
    if unit == "Q":
        unit, amount = "M", (None if amount is None else amount * 3)
    if unit == "WE":
        unit, amount = "D", (None if amount is None else amount * 2)
    num = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else f"{amount:g}")
    return f"P{'T' if time_part else ''}{num}{unit}"
