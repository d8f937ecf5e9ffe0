"""The XmR chart reads without colour, without sight and without labels running into each other."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from cpb_pipeline.marts.spc.method import series_window, spc_series
from cpb_pipeline.outputs.xmr_svg import xmr_chart
from cpb_pipeline_tests.spc.test_method import MOUNTAIN, SPIKE, month_ends

SVG = ""  # inline in HTML, the chart carries no xmlns: the HTML parser puts it in the SVG namespace
CHAR_WIDTH = 0.6


def chart(values, unit="count", polarity="higher_is_better", first=(2019, 1)):
    points = spc_series(list(zip(month_ends(len(values), *first), [float(v) for v in values])), polarity).points
    return ET.fromstring(xmr_chart("xmr-test", "Children looked after", unit, points, "children looked after"))


def by_class(root, name):
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def desc(root):
    return root.find(f"{SVG}desc").text


@pytest.mark.parametrize("months", range(12, 25))
def test_month_labels_never_overlap(months):
    root = chart([100 + (i % 2) * 7 for i in range(months)])
    boxes = []
    for label in by_class(root, "month"):
        width = CHAR_WIDTH * float(label.get("font-size")) * len(label.text)
        boxes.append((float(label.get("x")) - width / 2, float(label.get("x")) + width / 2))
    assert boxes, "no month labels"
    assert all(right < next_left for (_, right), (next_left, _) in zip(boxes, boxes[1:]))
    assert boxes[0][0] >= 0 and boxes[-1][1] <= 640
    assert by_class(root, "month")[-1].text == month_ends(months)[-1].strftime("%b-%y")  # the latest month is labelled


def test_a_cut_value_axis_is_marked_noted_and_described():
    root = chart([2117, 2130, 2121, 2140, 2128, 2119, 2133, 2125, 2138, 2122, 2131, 2127])
    assert by_class(root, "axis-break")[0].text == "\u2248"
    assert by_class(root, "axis-note")[0].text == "Axis does not start at zero"
    assert "axis does not start at zero" in desc(root)


def test_an_axis_from_zero_has_no_break_mark_or_note():
    root = chart(MOUNTAIN)  # lower limit 1.1: the axis starts at 0
    assert not by_class(root, "axis-break") and not by_class(root, "axis-note")
    assert "zero" not in desc(root)


def test_every_kind_of_point_has_its_own_marker_shape_and_a_word_in_the_legend():
    shapes = {}
    for root in (chart(SPIKE), chart(MOUNTAIN)):  # common cause and improvement; improvement, concern and neither
        for marker in by_class(root, "marker"):
            variation = marker.get("class").split()[1]
            shape = (marker.tag, len((marker.get("points") or "").split()))
            shapes.setdefault(variation, set()).add(shape)
    assert set(shapes) == {"common_cause", "special_cause_improving", "special_cause_concerning", "special_cause_neither"}
    assert all(len(kinds) == 1 for kinds in shapes.values())
    assert len({kind for kinds in shapes.values() for kind in kinds}) == 4
    legend = {text.text for text in by_class(chart(SPIKE), "legend")[0].iter(f"{SVG}text")}
    assert {"Mean", "Process limits", "Improvement", "Concern", "Neither"} <= legend


def test_the_desc_lists_every_value_and_the_signals():
    root = chart(SPIKE)
    text = desc(root)
    assert text.startswith("XmR chart of children looked after, Jan-19 to Dec-19. Mean 11.9; process limits 6.6 to 17.2.")
    assert "Jan-19: 10; Feb-19: 12; Mar-19: 10;" in text
    assert "Nov-19: 10; Dec-19: 23 (improvement: outside the process limits)." in text
    assert "(improvement: outside the process limits). Special-cause points: Dec-19." in text
    assert "2,117" in desc(chart([2117, 2130] * 6))


def test_the_chart_is_an_accessible_image_and_fetches_nothing():
    root = chart(SPIKE)
    assert root.get("role") == "img"
    title, described = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby").split() == [title.get("id"), described.get("id")]
    assert title.text == "Children looked after"
    assert not any(el.tag == f"{SVG}script" or any("href" in key for key in el.attrib) for el in root.iter())


def test_a_month_with_no_figure_is_a_gap_in_the_line_and_said_in_the_desc():
    values = dict(zip(month_ends(13), [10, 12, 10, 12, 10, 12, None, 12, 10, 12, 10, 12, 10]))
    points = spc_series(series_window(values, dt.date(2020, 1, 31)), "higher_is_better").points
    root = ET.fromstring(xmr_chart("gap", "With a gap", "count", points, "a series"))
    assert "Jul-19: no figure" in desc(root)
    assert by_class(root, "line")[0].get("d").count("M") == 2


def test_a_percentage_axis_stays_within_0_to_100():
    root = chart([97, 99.5, 96, 99, 98, 99.5, 97, 99, 96.5, 99.5, 98, 99], unit="percent")
    ticks = [float(t.text.removesuffix(" %")) for t in root.iter(f"{SVG}text") if (t.text or "").endswith(" %")]
    assert max(ticks) == 100
    # Mean 1178/12 = 98.1667; moving ranges sum to 24 over 11, so the limits are 98.1667 -/+ 2.66 x 2.1818 = 5.8036.
    assert not by_class(root, "upper-limit")  # 103.97 %, above the axis
    assert "process limits 92.4 % to 104.0 %" in desc(root)
