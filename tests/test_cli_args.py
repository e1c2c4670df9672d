"""CLI argument checks and number display, without a store."""
import argparse

import pytest

from newsgraph.cli import calendar_date, parser, plain_number


@pytest.mark.parametrize("text", ["2026", "2026-03", "2026-03-14", "2024-02-29"])
def test_calendar_bounds_that_exist_pass_unchanged(text):
    assert calendar_date(text) == text


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "last week", "26-03-14", "2026-03-14-01", ""])
def test_calendar_bounds_that_do_not_exist_are_refused(text):
    with pytest.raises(argparse.ArgumentTypeError):
        calendar_date(text)


def test_a_bad_since_stops_the_command_with_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        parser().parse_args(["events", "--since", "2026-13-01"])
    assert stop.value.code == 2
    assert "invalid date '2026-13-01'" in capsys.readouterr().err


@pytest.mark.parametrize("value, shown", [(30e9, "30,000,000,000"), (1e7, "10,000,000"), (15.1, "15.1"), (0.25, "0.25"), (12.0, "12")])
def test_numbers_are_printed_in_full(value, shown):
    assert plain_number(value) == shown
