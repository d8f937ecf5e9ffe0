"""Inline SVG XmR charts for a series from `marts.spc.method` (no script, no library, nothing fetched).

Inline in HTML the parser gives the chart its SVG namespace, so it carries no `xmlns` (and
the report no web address of any kind).

As the line charts in svg.py, a chart stands on its own for a screen reader: `role="img"`, a
`<title>`, and a `<desc>` listing every value and which points are signals. Colour is never the
only cue: each kind of point has its own marker shape, and a legend names them in words. Month
labels are thinned so they never run into each other, and a value axis that does not start at
zero says so (a break mark, a visible note and the desc), since a cut axis exaggerates change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from cpb_pipeline.domain.calendar import month_ends_between
from cpb_pipeline.domain.catalogue import Unit
from cpb_pipeline.domain.rounding import round_half_away
from cpb_pipeline.marts.spc.method import Rule, SpcPoint, Variation
from cpb_pipeline.outputs.formats import month_label, number_text
from cpb_pipeline.outputs.svg import AXIS_TEXT, CHAR_WIDTH, CUT_AXIS, FONT, cut_axis_marks, label_every, nice_ticks
from cpb_pipeline.outputs.view import PALETTE

WIDTH, HEIGHT = 640, 310
LEFT, RIGHT, TOP, BOTTOM = 64, 34, 30, 84
LEGEND_SIZE = 12
VALUE_LINE = "#7f7f7f"  # grey, 4:1 on white
LEVEL_LINE = "#262626"
LEGEND_TEXT = f'font-size="{LEGEND_SIZE}" {FONT}'

# colour (the board's palette: each 4.5:1 or more on white), marker shape, legend word
MARKERS: dict[Variation, tuple[str, str, str]] = {
    variation: (f"#{PALETTE.variation[variation].lower()}", shape, word)
    for variation, shape, word in (
        ("special_cause_improving", "triangle", "Improvement"),
        ("special_cause_concerning", "square", "Concern"),
        ("special_cause_neither", "diamond", "Neither"),
        ("common_cause", "circle", "Common cause"),
    )
}
VARIATION_WORDS: dict[Variation, str] = {
    "special_cause_improving": "improvement",
    "special_cause_concerning": "concern",
    "special_cause_neither": "special cause, neither improvement nor concern",
}
RULE_WORDS: dict[Rule, str] = {
    "outside_limits": "outside the process limits",
    "shift": "shift",
    "trend": "trend",
    "two_of_three": "2 of 3 beyond a two-sigma line",
}


def xmr_chart(chart_id: str, title: str, unit: Unit, points: Sequence[SpcPoint], series_name: str) -> str:
    """An SVG XmR chart: values, mean, process limits and special-cause points of one SPC series."""
    head = (
        f'<svg class="chart xmr" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
    )
    if not points:
        return (
            head + f'<desc id="{chart_id}-desc">No data.</desc>'
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" {AXIS_TEXT}>No figures to draw</text></svg>'
        )
    months = month_ends_between(points[0].period_end, points[-1].period_end)
    slots = len(months)
    slot_of = {day: slot for slot, day in enumerate(months)}
    by_slot = {slot_of[p.period_end]: p for p in points}
    level = points[0]

    ticks = xmr_ticks(unit, points)
    y0, y1 = ticks[0], ticks[-1]
    cut_axis = y0 > 0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h
    step = plot_w / max(slots - 1, 1)

    def x(slot: int) -> float:
        return LEFT + slot * step

    def y(value: float) -> float:
        return bottom - (value - y0) / (y1 - y0) * plot_h

    parts = [head, f'<desc id="{chart_id}-desc">{escape(_desc(unit, series_name, months, by_slot, cut_axis))}</desc>']
    for tick in ticks:
        if unit == "count" and tick != int(tick):
            continue  # counts are whole numbers
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d9d9d9" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" {AXIS_TEXT}>{escape(number_text(unit, tick))}</text>'
        )
    labels = [month_label(day) for day in months]
    every = label_every(labels, step)
    for slot, label in enumerate(labels):
        if (slots - 1 - slot) % every == 0:  # the latest month is always labelled
            parts.append(f'<text class="month" x="{x(slot):.1f}" y="{bottom + 18}" text-anchor="middle" {AXIS_TEXT}>{label}</text>')
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#595959" stroke-width="1"/>'
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}" stroke="#595959" stroke-width="1"/>'
    )
    if cut_axis:
        parts.append(cut_axis_marks(LEFT, bottom, TOP))
    dashed = ' stroke-dasharray="6 4"'
    for name, value, dash in (("mean", level.mean, ""), ("lower-limit", level.lower_limit, dashed),
                              ("upper-limit", level.upper_limit, dashed)):
        if y0 <= value <= y1:
            parts.append(
                f'<line class="{name}" x1="{LEFT}" x2="{x(slots - 1):.1f}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                f'stroke="{LEVEL_LINE}" stroke-width="1.5"{dash}/>'
            )
    path = [f"{'L' if slot - 1 in by_slot else 'M'}{x(slot):.1f} {y(p.value):.1f}" for slot, p in sorted(by_slot.items())]
    parts.append(f'<path class="line" d="{" ".join(path)}" fill="none" stroke="{VALUE_LINE}" stroke-width="2"/>')
    for slot, p in sorted(by_slot.items()):
        parts.append(_marker(p.variation, x(slot), y(p.value), f"{labels[slot]}: {_point_text(unit, p)}"))
    parts.append(_legend(bottom + 46))
    parts.append("</svg>")
    return "".join(parts)


def xmr_ticks(unit: Unit, points: Sequence[SpcPoint]) -> list[float]:
    """The value axis' ticks: every point and both limits, from zero at the lowest, to 100 at most for a percentage."""
    values, level = [p.value for p in points], points[0]
    low, high = max(0.0, min(values + [level.lower_limit])), max(values + [level.upper_limit])
    ticks = nice_ticks(low, min(100.0, high) if unit == "percent" else high)
    return [t for t in ticks if t <= 100] if unit == "percent" else ticks


def _desc(unit: Unit, series_name: str, months: list[dt.date], by_slot: dict[int, SpcPoint], cut_axis: bool) -> str:
    level = next(iter(by_slot.values()))
    listed = "; ".join(
        f"{month_label(day)}: {_point_text(unit, by_slot[slot]) if slot in by_slot else 'no figure'}"
        for slot, day in enumerate(months)
    )
    signals = [month_label(p.period_end) for p in by_slot.values() if p.variation != "common_cause"]
    parts = [
        f"XmR chart of {series_name}, {month_label(months[0])} to {month_label(months[-1])}.",
        f"Mean {_level_text(unit, level.mean)}; process limits {_level_text(unit, level.lower_limit)} "
        f"to {_level_text(unit, level.upper_limit)}.",
        f"{listed}.",
        f"Special-cause points: {', '.join(signals)}." if signals else "No special-cause points.",
    ]
    if cut_axis:
        parts.append(CUT_AXIS)
    return " ".join(parts)


def _point_text(unit: Unit, point: SpcPoint) -> str:
    """'2,117', or '2,117 (concern: shift, trend)' for a special-cause point."""
    value = number_text(unit, point.value)
    if point.variation == "common_cause":
        return value
    return f"{value} ({VARIATION_WORDS[point.variation]}: {', '.join(RULE_WORDS[r] for r in point.rules)})"


def _level_text(unit: Unit, value: float) -> str:
    """Mean and limits to one decimal, counts too: a mean of 12.4 children is not 12."""
    return f"{round_half_away(value, 1):,.1f}" if unit == "count" else number_text(unit, value)


def _marker(variation: Variation, cx: float, cy: float, tooltip: str = "", css: str = "marker") -> str:
    colour, shape, _ = MARKERS[variation]
    attrs = f'class="{css} {variation}" fill="{colour}"'
    tip = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    if shape == "circle":
        return f'<circle {attrs} cx="{cx:.1f}" cy="{cy:.1f}" r="4">{tip}</circle>'
    if shape == "square":
        return f'<rect {attrs} x="{cx - 4.5:.1f}" y="{cy - 4.5:.1f}" width="9" height="9">{tip}</rect>'
    corners = {
        "triangle": ((0, -6), (5.5, 4), (-5.5, 4)),
        "diamond": ((0, -6), (6, 0), (0, 6), (-6, 0)),
    }[shape]
    return f'<polygon {attrs} points="{" ".join(f"{cx + dx:.1f},{cy + dy:.1f}" for dx, dy in corners)}">{tip}</polygon>'


def _legend(top: float) -> str:
    """Every line and marker named in words, laid out left to right and wrapped to the chart's width."""
    items = [
        ("Mean", f'<line x1="0" x2="18" y1="0" y2="0" stroke="{LEVEL_LINE}" stroke-width="1.5"/>'),
        ("Process limits", f'<line x1="0" x2="18" y1="0" y2="0" stroke="{LEVEL_LINE}" stroke-width="1.5" stroke-dasharray="6 4"/>'),
    ] + [(word, _marker(variation, 9, 0, css="key")) for variation, (_, _, word) in MARKERS.items()]
    parts, left, row = ['<g class="legend">'], float(LEFT), 0
    for word, sample in items:
        width = 24 + CHAR_WIDTH * LEGEND_SIZE * len(word)
        if left + width > WIDTH - 8 and left > LEFT:
            left, row = float(LEFT), row + 1
        parts.append(
            f'<g transform="translate({left:.1f},{top + row * 20:.1f})">{sample}'
            f'<text x="24" y="4" {LEGEND_TEXT}>{word}</text></g>'
        )
        left += width + 14
    return "".join(parts) + "</g>"

