"""The timeline: ordering, TIMEX3 values of every granularity, and a legible PNG."""
from datetime import date

import pytest

from newsgraph import timeline
from newsgraph.records import Actor, Event, EventDate, Evidence


def event(i, value, source="Ruritania", gran="day"):
    return Event(id=f"ev{i}", type="CONSULT", mode="visit", cameo="042",
                 source=[Actor(f"e{source}", source, "RURGOV")], target=[Actor("eX", "Freedonia", "FRE")],
                 date=EventDate(value, "on Tuesday", gran), place=None, modality="asserted", attribution=None,
                 quantities=[], evidence=[Evidence("a1", 0, 10, f"Sentence {i}.")])


@pytest.mark.parametrize("value,expected", [
    ("2021-06-23", date(2021, 6, 23)), ("2021-06", date(2021, 6, 1)), ("2021", date(2021, 1, 1)),
    ("2021-W12-WE", date(2021, 3, 22)), ("2021-W12", date(2021, 3, 22)), ("PAST_REF", None), (None, None),
])
def test_to_date_reads_timex3_values(value, expected):
    assert timeline.to_date(value) == expected


def test_rows_are_in_date_order_and_skip_undated():
    evs = [event(1, "2021-06-23"), event(2, "2020"), event(3, None), event(4, "2021-01")]
    table = timeline.rows(evs)
    assert [r.event_id for r in table] == ["ev2", "ev4", "ev1"]


def test_place_labels_never_overlap():
    spans = [(0, 5), (1, 3), (4, 8), (6, 7), (9, 10)]
    levels = timeline.place_labels(spans)
    for i, (s1, e1) in enumerate(spans):
        for j, (s2, e2) in enumerate(spans[:i]):
            if levels[i] == levels[j]:
                assert e2 < s1 or e1 < s2


def test_png_with_30_events_has_no_overlapping_labels(tmp_path, monkeypatch):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    evs = [event(i, f"2021-{1 + i % 6:02d}-{1 + i % 27:02d}", source=["Ruritania", "Freedonia", "the junta"][i % 3]) for i in range(30)]
    saved = {}
    real_close = plt.close
    monkeypatch.setattr(plt, "close", lambda fig: saved.setdefault("fig", fig))
    out = tmp_path / "t.png"
    timeline.render_png(timeline.rows(evs), str(out))
    assert out.stat().st_size > 10_000
    fig = saved["fig"]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert len(boxes) == 30
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            assert not a.overlaps(b), "two timeline labels overlap"
    real_close("all")


def test_axis_leaves_far_background_events_at_its_edge():
    bulk = [float(x) for x in range(19000, 19060, 2)]          # 30 events over two months
    background = [19000.0 - 5000, 19000.0 - 2000]              # two events years before
    lo, hi = timeline.axis_range(background + bulk)
    assert lo == 19000.0 and hi == bulk[-1]


def test_axis_keeps_every_event_when_dates_spread_evenly():
    xs = [float(x) for x in range(18000, 19000, 50)]
    assert timeline.axis_range(xs) == (18000.0, xs[-1])


def test_axis_never_drops_more_than_a_few_events():
    xs = [0.0] * 10 + [10000.0 + i for i in range(10)]         # half the events are early
    assert timeline.axis_range(xs)[0] == 0.0
