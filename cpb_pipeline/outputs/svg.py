"""Inline SVG line charts for the HTML report, drawn here (no script, no library, nothing fetched).

A chart is accessible on its own: `role="img"`, a `<title>` and a `<desc>` that lists
every value drawn, and `aria-labelledby` pointing at both. A missing or suppressed
month is a gap in the line (the line is never drawn through it), and the `<desc>`
says so.
"""

from __future__ import annotations

import math
from html import escape

from cpb_pipeline.outputs.indicator_pages import Chart

WIDTH, HEIGHT = 640, 250
LEFT, RIGHT, TOP, BOTTOM = 64, 34, 16, 44
AXIS_TEXT = 'font-size="13" fill="#333333" font-family="Liberation Sans, Arial, Helvetica, sans-serif"'


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


def line_chart(chart_id: str, chart: Chart, colour: str) -> str:
    """An SVG line chart of `chart`'s points over its months (a point without a value is a gap), drawn in `colour`."""
    line = [point.value for point in chart.points]  # None: a gap
    values = [v for v in line if v is not None]
    labels = chart.labels
    described = "; ".join(
        f"{label}: {point.text if point.value is not None else chart.gap}" for label, point in zip(labels, chart.points)
    )
    desc = f"Line chart of {chart.described}, {labels[0]} to {labels[-1]}. {described}." if line else "No data."
    head = (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" preserveAspectRatio="xMidYMid meet">'
        f'<title id="{chart_id}-title">{escape(chart.title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )
    if not values:
        return head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" {AXIS_TEXT}>No figures to draw</text></svg>'
    unit = chart.unit
    low, high = min(values), max(values)
    if unit == "percent":
        low, high = max(0.0, low - 2), min(100.0, high + 2)
    ticks = nice_ticks(low, high)
    y0, y1 = ticks[0], ticks[-1]
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
    for i, label in enumerate(labels):
        parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" {AXIS_TEXT}>{label}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="#595959" stroke-width="1"/>')
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


def _tick(unit: str, value: float) -> str:
    if unit == "count":
        return f"{value:,.0f}"
    return f"{value:,.1f}" if value != int(value) else f"{value:,.0f}"
