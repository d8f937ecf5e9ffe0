"""Every Timescales form the parser accepts, and the ones it does not."""

from __future__ import annotations

import datetime as dt

import pytest

from cpb_pipeline.sources.action_plan import read_action_plan
from cpb_pipeline.sources.action_plan.timescales import (
    BLANK,
    DATE,
    FREE_TEXT,
    MONTH,
    NOT_A_DATE,
    format_excel_date,
    is_month_format,
    parse_timescale,
)
from cpb_pipeline_tests.action_plan.helpers import action_row, simple_workbook

D = dt.date


@pytest.mark.parametrize(
    ("text", "due", "kind"),
    [
        ("31/12/19", D(2019, 12, 31), DATE),  # dd/mm/yy
        ("01/09/2019", D(2019, 9, 1), DATE),  # dd/mm/yyyy
        ("30.11.19", D(2019, 11, 30), DATE),  # dd.mm.yy
        ("30.09.2019", D(2019, 9, 30), DATE),  # dd.mm.yyyy
        ("1/4/20", D(2020, 4, 1), DATE),  # single digits
        ("15-10-2019", D(2019, 10, 15), DATE),
        (" 28/02/2020", D(2020, 2, 28), DATE),  # leading space as in the seed
        ("30.11..19", D(2019, 11, 30), DATE),  # the seed's doubled dot
        ("01./03/20", D(2020, 3, 1), DATE),  # the seed's mixed separators
        ("30th April 2020", D(2020, 4, 30), DATE),
        ("1 Sept 2019", D(2019, 9, 1), DATE),
        ("Mar-19", D(2019, 3, 31), MONTH),  # Mon-yy: month end
        ("Feb-20", D(2020, 2, 29), MONTH),  # leap year
        ("Dec 18", D(2018, 12, 31), MONTH),
        ("Nov 19", D(2019, 11, 30), MONTH),
        ("March 2020", D(2020, 3, 31), MONTH),  # Month yyyy
        ("September 2020", D(2020, 9, 30), MONTH),
        ("jun-2020", D(2020, 6, 30), MONTH),
        ("Nov1-9", D(2019, 11, 30), MONTH),  # slipped hyphen
        ("Ongoing", None, FREE_TEXT),
        ("TBC", None, FREE_TEXT),
        ("Complete", None, FREE_TEXT),
        ("Impact by Feb\n2019", None, FREE_TEXT),
        ("Spring Term 2019 - Nov 19", None, FREE_TEXT),
        ("Ongoing-Mar-20", None, FREE_TEXT),
        ("Nov 18 – Nov 19", None, FREE_TEXT),
        ("2018-2019", None, FREE_TEXT),
        ("01/03/2019 and\nongoing", None, FREE_TEXT),
        ("Roll out Jan 19\n\nNov 19", None, FREE_TEXT),
        ("Quarterly", None, FREE_TEXT),
        ("31/04/19", None, NOT_A_DATE),  # April has 30 days
        ("29/02/19", None, NOT_A_DATE),
        ("", None, BLANK),
        ("   ", None, BLANK),
    ],
)
def test_text_forms(text, due, kind):
    result = parse_timescale(text)
    assert (result.due_date, result.kind) == (due, kind)
    if kind != BLANK:
        assert result.text == text  # as written


def test_slipped_hyphen_is_flagged_as_a_typo():
    assert parse_timescale("Nov1-9").typo and not parse_timescale("Nov-19").typo


@pytest.mark.parametrize(
    ("value", "number_format", "text", "due", "kind"),
    [
        (dt.datetime(2019, 12, 31), "dd/mm/yy", "31/12/19", D(2019, 12, 31), DATE),
        (dt.datetime(2019, 12, 31), "dd/mm/yyyy", "31/12/2019", D(2019, 12, 31), DATE),
        (dt.datetime(2019, 12, 1), "mmm-yy", "Dec-19", D(2019, 12, 31), MONTH),  # Excel's typed "Dec-19"
        (dt.datetime(2020, 3, 1), "mmmm yyyy", "March 2020", D(2020, 3, 31), MONTH),
        (dt.datetime(2019, 10, 15, 14, 30), "d-mmm-yy", "15-Oct-19", D(2019, 10, 15), DATE),
        (dt.datetime(2019, 10, 15), "yyyy-mm-dd h:mm", "2019-10-15", D(2019, 10, 15), DATE),
        (dt.date(2019, 10, 15), "General", "2019-10-15", D(2019, 10, 15), DATE),
        (dt.datetime(2019, 10, 15), '[$-809]dd"/"mm"/"yyyy', "15/10/2019", D(2019, 10, 15), DATE),
        (43830, "General", "43830", None, FREE_TEXT),  # a number is not a date
        (None, None, None, None, BLANK),
    ],
)
def test_cell_values(value, number_format, text, due, kind):
    result = parse_timescale(value, number_format)
    assert (result.text, result.due_date, result.kind) == (text, due, kind)


def test_month_formats():
    assert is_month_format("mmm-yy") and is_month_format("mmmm yyyy") and is_month_format('[$-809]mmm\\-yy')
    assert not is_month_format("dd/mm/yy") and not is_month_format("d-mmm-yy")
    assert format_excel_date(D(2019, 1, 5), "d mmmm yyyy") == "5 January 2019"


def test_free_text_warning_lists_the_refs(tmp_path):
    rows = [
        ["Objective 1 - Voice"],
        action_row("1", timescale="Ongoing"),
        action_row("2", timescale="TBC"),
        action_row("3", timescale=dt.datetime(2019, 12, 1)),
        action_row("4", timescale=None),
        action_row("5", timescale="31/04/19"),
    ]
    path = simple_workbook(tmp_path / "plan 2019-09-11.xlsx", rows)
    snap = read_action_plan(path)
    rules = {w.rule: w for w in snap.warnings}
    free = rules["Timescales is free text, so the action has no due date"]
    assert free.detail == "refs: 1 (Ongoing), 2 (TBC)" and free.rows == (3, 4) and free.sheet == "Plan"
    assert rules["action has no Timescales"].rows == (6,)
    assert rules["Timescales looks like a date but is not a calendar date; no due date"].rows == (7,)
    assert list(snap.actions["due_date"]) == [None, None, D(2019, 12, 1), None, None]
