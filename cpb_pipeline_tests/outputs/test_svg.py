"""The report's 13-month line chart: month labels that never run into each other, and a cut axis that says so."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from cpb_pipeline.domain.calendar import thirteen_months
from cpb_pipeline.outputs.formats import month_label
from cpb_pipeline.outputs.indicator_pages import Chart
from cpb_pipeline.outputs.parts import figure, withheld
from cpb_pipeline.outputs.svg import WIDTH, line_chart

CHAR_WIDTH = 0.6  # of the font size: the estimate the brief sets for a character's width


def chart(values, unit="count"):
    months = thirteen_months(dt.date(2019, 8, 31))
    labels = tuple(month_label(m) for m in months)
    points = tuple(withheld("c") if v == "c" else figure(unit, v) for v in values)
    return ET.fromstring(line_chart("c1", Chart("A title", unit, "Number", "Testshire", "children", labels, points,
                                                "no figure", "caption"), "#1d4f91"))  # fmt: skip


def by_class(root, name):
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


@pytest.mark.parametrize("values", [[2117 + i for i in range(13)], [88.5, 90.1] * 6 + [89.0], [3] * 13])
def test_month_labels_never_overlap_and_the_latest_is_labelled(values):
    root = chart(values, "percent" if isinstance(values[0], float) else "count")
    labels = by_class(root, "month")
    boxes = [(float(t.get("x")) - CHAR_WIDTH * float(t.get("font-size")) * len(t.text) / 2,
              float(t.get("x")) + CHAR_WIDTH * float(t.get("font-size")) * len(t.text) / 2) for t in labels]  # fmt: skip
    assert len(boxes) >= 6
    assert all(right < following for (_, right), (following, _) in zip(boxes, boxes[1:]))
    assert boxes[0][0] >= 0 and boxes[-1][1] <= WIDTH
    assert labels[-1].text == "Aug-19"


def test_a_value_axis_that_does_not_start_at_zero_has_a_break_mark_and_says_so():
    root = chart([2117 + i for i in range(13)])
    assert [el.text for el in by_class(root, "axis-break")] == ["\u2248"]
    assert [el.text for el in by_class(root, "axis-note")] == ["Axis does not start at zero"]
    assert root.find("desc").text.endswith("The value axis does not start at zero.")


def test_an_axis_from_zero_has_no_break_mark_and_a_gap_stays_a_gap():
    root = chart([0, 2, 4, 6, 8, 10, 12, 10, 8, "c", 4, 2, 0])
    assert not by_class(root, "axis-break") and not by_class(root, "axis-note")
    assert "zero" not in root.find("desc").text
    assert by_class(root, "line")[0].get("d").count("M") == 2  # the line stops at the withheld month
