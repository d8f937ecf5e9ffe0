"""Inline SVG line charts for the HTML report, drawn here (no script, no library, nothing fetched).

A chart is accessible on its own: `role="img"`, a `<title>` and a `<desc>` that lists
every value drawn, and `aria-labelledby` pointing at both. A missing or suppressed
month is a gap in the line (the line is never drawn through it), and the `<desc>`
says so. Month labels are thinned so that none runs into the next (in print the chart
is a third of the page wide), and a value axis that does not start at zero says so with
a break mark, a visible note and the `<desc>`: a cut axis makes a small change look large.
"""

from __future__ import annotations

import math
from html import escape

from cpb_pipeline.outputs.indicator_pages import Chart

WIDTH, HEIGHT = 640, 264
LEFT, RIGHT, TOP, BOTTOM = 64, 34, 30, 44
FONT_SIZE = 13
FONT = 'fill="#333333" font-family="Liberation Sans, Arial, Helvetica, sans-serif"'
AXIS_TEXT = f'font-size="{FONT_SIZE}" {FONT}'
NOTE_TEXT = f'font-size="12" {FONT}'
CHAR_WIDTH = 0.6  # of the font size: a generous estimate of an average character's width
LABEL_GAP = 6
CUT_AXIS = "The value axis does not start at zero."


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def label_every(labels: list[str], step: float) -> int:
    """Label every n-th month (the latest always) so that no label's box reaches the next one's."""
    if len(labels) < 2:
        return 1
    return math.ceil((CHAR_WIDTH * FONT_SIZE * max(map(len, labels)) + LABEL_GAP) / step)


def cut_axis_marks(left: float, bottom: float, top: float) -> str:
    """The break mark at the foot of a value axis that does not start at zero, and the note above the plot."""
    return (
        f'<rect x="{left - 6}" y="{bottom - 20}" width="12" height="10" fill="#ffffff"/>'
        f'<text class="axis-break" x="{left}" y="{bottom - 10}" text-anchor="middle" font-size="16" fill="#333333">\u2248</text>'
        f'<text class="axis-note" x="{left}" y="{top - 12}" {NOTE_TEXT}>Axis does not start at zero</text>'
    )


def line_chart(chart_id: str, chart: Chart, colour: str) -> str:
    """An SVG line chart of `chart`'s points over its months (a point without a value is a gap), drawn in `colour`."""
    line = [point.value for point in chart.points]  # None: a gap
    values = [v for v in line if v is not None]
    labels = chart.labels
    described = "; ".join(
        f"{label}: {point.text if point.value is not None else chart.gap}" for label, point in zip(labels, chart.points)
    )
    desc = f"Line chart of {chart.described}, {labels[0]} to {labels[-1]}. {described}." if line else "No data."
    unit = chart.unit
    ticks = value_ticks(unit, values) if values else [0.0]
    y0, y1 = ticks[0], ticks[-1]
    head = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{escape(chart.title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}{" " + CUT_AXIS if y0 > 0 else ""}</desc>'
    )
    if not values:
        return head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" {AXIS_TEXT}>No figures to draw</text></svg>'
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(line) - 1, 1)

    def x(i: int) -> float:
        return LEFT + i * step

    def y(v: float) -> float:
        return TOP + plot_h - (v - y0) / (y1 - y0) * plot_h

    parts = [head]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d9d9d9" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" {AXIS_TEXT}>{escape(_tick(unit, tick))}</text>'
        )
    every = label_every(list(labels), step)
    for i, label in enumerate(labels):
        if (len(labels) - 1 - i) % every == 0:
            parts.append(f'<text class="month" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                         f'{AXIS_TEXT}>{label}</text>')  # fmt: skip
    bottom = TOP + plot_h
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#595959" stroke-width="1"/>'
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}" stroke="#595959" stroke-width="1"/>'
    )
    if y0 > 0:
        parts.append(cut_axis_marks(LEFT, bottom, TOP))
    path, pen_down = [], False
    for i, v in enumerate(line):
        if v is None:
            pen_down = False
            continue
        path.append(f"{'L' if pen_down else 'M'}{x(i):.1f} {y(v):.1f}")
        pen_down = True
    parts.append(f'<path class="line" d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
    for i, point in enumerate(chart.points):
        if point.value is not None:
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(point.value):.1f}" r="3.5" fill="{colour}">'
                f"<title>{labels[i]}: {escape(point.text)}</title></circle>"
            )
    parts.append("</svg>")
    return "".join(parts)


def value_ticks(unit: str, values: list[float]) -> list[float]:
    """The value axis: the range of the figures (a percentage with 2 points either side, within 0-100)."""
    low, high = min(values), max(values)
    if unit == "percent":
        low, high = max(0.0, low - 2), min(100.0, high + 2)
    return nice_ticks(low, high)


def _tick(unit: str, value: float) -> str:
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.1f}" if value != int(value) else f"{value:,.0f}"
