"""The timeline: dated events in order, as a table, CSV, JSON, a self-contained HTML page or
a PNG (events on a time axis, one row per actor, labels placed so they never overlap)."""
from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Optional

from newsgraph.records import Event


@dataclass
class Row:
    date: str
    granularity: str
    type: str
    mode: str
    source: str
    target: str
    place: str
    summary: str
    event_id: str
    evidence: str


def to_date(value: Optional[str]) -> Optional[date]:
    """The first day a TIMEX3 value covers ("2021-06" -> 2021-06-01, "2021-W12" -> its Monday)."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10])
        if "-W" in value:
            week = int(value.split("-W")[1][:2])
            return date.fromisocalendar(int(value[:4]), week, 1)
        if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
            return date(int(value[:4]), int(value[5:7]), 1)
        return date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def names(actors) -> str:
    return ", ".join(a.name for a in actors)


def rows(events: list[Event]) -> list[Row]:
    out = []
    for ev in events:
        if not ev.date or to_date(ev.date.value) is None:
            continue
        ev_text = ev.evidence[0].sentence if ev.evidence else ""
        summary = f"{names(ev.source) or '?'} {ev.mode or ev.type.lower()} {names(ev.target)}".strip()
        out.append(Row(ev.date.value, ev.date.granularity or "", ev.type, ev.mode or "", names(ev.source),
                       names(ev.target), ev.place.name if ev.place else "", summary, ev.id, ev_text))
    out.sort(key=lambda r: (to_date(r.date), len(r.date)))
    return out


def as_csv(table: list[Row]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(Row.__dataclass_fields__))
    writer.writeheader()
    writer.writerows(vars(r) for r in table)
    return buf.getvalue()


def as_json(table: list[Row]) -> str:
    return json.dumps([vars(r) for r in table], ensure_ascii=False, indent=1)


def as_html(table: list[Row]) -> str:
    cells = "".join(
        f"<tr><td>{html.escape(r.date)}</td><td>{html.escape(r.type)}/{html.escape(r.mode)}</td>"
        f"<td>{html.escape(r.source)}</td><td>{html.escape(r.target)}</td><td>{html.escape(r.place)}</td>"
        f"<td><details><summary>{html.escape(r.summary)}</summary>{html.escape(r.evidence)}</details></td></tr>"
        for r in table)
    return ("<!doctype html><meta charset=utf-8><title>newsgraph timeline</title>"
            "<style>body{font:14px sans-serif}td{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}</style>"
            "<table><tr><th>date</th><th>type</th><th>source</th><th>target</th><th>place</th><th>event</th></tr>"
            f"{cells}</table>")


def lanes_of(table: list[Row], by: str = "actor") -> dict[str, list[Row]]:
    lanes: dict[str, list[Row]] = {}
    for r in table:
        key = (r.source.split(", ")[0] if by == "actor" else r.type) or "unknown actor"
        lanes.setdefault(key, []).append(r)
    return lanes


def place_labels(spans: list[tuple[float, float]]) -> list[int]:
    """Greedy interval packing: the sub-row of each label so that no two labels overlap."""
    ends: list[float] = []
    levels = []
    for start, end in spans:
        for level, last_end in enumerate(ends):
            if start > last_end:
                ends[level] = end
                levels.append(level)
                break
        else:
            ends.append(end)
            levels.append(len(ends) - 1)
    return levels


OUTLIER_SHARE = 0.15      # at most this share of the events may sit before the axis start ...
OUTLIER_GAP = 3.0         # ... and only across a gap over 3x the span of the events after it


def axis_range(xs: list[float]) -> tuple[float, float]:
    """The date range the axis shows: all events, unless a few background events ("the
    conflict, which began in 2009") lie far before the bulk; those are drawn at the left
    edge with their own dates in their labels instead of squeezing the rest into a line."""
    xs = sorted(xs)
    lo, hi = xs[0], xs[-1]
    for k in range(1, int(OUTLIER_SHARE * len(xs)) + 1):
        if xs[k] - xs[k - 1] > OUTLIER_GAP * max(30.0, hi - xs[k]):
            lo = xs[k]
    return lo, hi


def render_png(table: list[Row], path: str, title: str = "newsgraph timeline") -> None:
    """Events on a date axis, one shaded band per actor; labels never overlap (measured
    extents); events before the axis start sit at its left edge, marked with a triangle."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    lanes = lanes_of(table)
    fig, ax = plt.subplots(figsize=(14, 2 + 0.6 * max(1, len(table))))
    renderer = fig.canvas.get_renderer()
    all_x = [mdates.date2num(to_date(r.date)) for r in table] or [mdates.date2num(date.today())]
    lo, hi = axis_range(all_x)
    span = max(30.0, hi - lo)
    left = lo - 0.03 * span
    ax.set_xlim(left, hi + 0.45 * span)   # room for the last labels
    y = 0.0
    yticks, ylabels = [], []
    for n, (lane, items) in enumerate(lanes.items()):
        items = sorted(items, key=lambda r: to_date(r.date))
        true_xs = [mdates.date2num(to_date(r.date)) for r in items]
        xs = [max(x, left) for x in true_xs]
        texts = [ax.text(x, 0, f" {r.date} {r.summary}", fontsize=8, va="center") for x, r in zip(xs, items)]
        inv = ax.transData.inverted()
        spans = []
        for x, t in zip(xs, texts):
            bb = t.get_window_extent(renderer=renderer)
            x1 = inv.transform((bb.x1, bb.y0))[0]
            spans.append((x, x1))
        levels = place_labels(spans)
        for x, true_x, t, level in zip(xs, true_xs, texts, levels):
            t.set_y(y + level)
            ax.plot([x], [y + level], "<" if true_x < left else "o", color="C0")
        top = y + max(levels, default=0)
        if n % 2:
            ax.axhspan(y - 0.6, top + 0.6, color="0.93", zorder=0)
        yticks.append(y)
        ylabels.append(lane)
        y = top + 1.5
    ax.set_yticks(yticks, ylabels)
    ax.set_ylim(-1, y)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
