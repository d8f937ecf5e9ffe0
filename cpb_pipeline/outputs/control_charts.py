"""The authority's SPC chart on each indicator page, as a version shows it, and the words that read it.

Read from `marts.indicator_spc` (`BoardData.spc`), never recomputed. The published version
withholds a chart whole when any of its points is a figure it hides (`Hidden.spc`): the mean
and limits are computed from every point, so one hidden point would show through them. Then
the page says in words that the chart is withheld, and no signal, variation or assurance of
it reaches the summary or the commentary.

Every reading is an icon with words, never colour alone; the icons are the chart's marker
shapes, so the summary and the chart read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpb_pipeline.domain.catalogue import Indicator, Unit
from cpb_pipeline.marts.spc.method import (
    Assurance,
    Direction,
    SpcPoint,
    Variation,
    describe_signals,
    signal_sentence,
    stored_series,
)
from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline.outputs.formats import figure_text, month_label
from cpb_pipeline.outputs.suppression import Hidden

VARIATION: dict[Variation, tuple[str, str]] = {  # icon (the chart's marker shape), words
    "common_cause": ("\u25cf", "Common cause: no signal"),  # ●
    "special_cause_improving": ("\u25b2", "Improvement"),  # ▲
    "special_cause_concerning": ("\u25a0", "Concern"),  # ■
    "special_cause_neither": ("\u25c6", "Special cause, neither better nor worse"),  # ◆
}
ASSURANCE: dict[Assurance | None, tuple[str, str]] = {
    "consistently_meets": ("\u2714", "Consistently meets the target"),  # ✔
    "consistently_fails": ("\u2718", "Consistently fails the target"),  # ✘
    "hit_and_miss": ("?", "Hit and miss: the target is within the process limits"),
    None: ("\u2013", "No target"),
}
JUDGEMENT: dict[Variation, str] = {"special_cause_improving": "better", "special_cause_concerning": "worse"}
WITHHELD = "Withheld: a month of the series is a small number"
NO_CHART = "No SPC chart"


@dataclass(frozen=True)
class ControlChart:
    """The authority's XmR chart for the month: its points (oldest first) and what they say, or why there is none."""

    title: str
    series: str  # what the points are, for the chart's description
    unit: Unit
    points: tuple[SpcPoint, ...]  # empty: no chart (see `message`)
    signals: str | None  # what the latest point says (method.signal_sentence); None without a chart
    variation: Variation | None  # of the latest point
    side: Direction | None  # high or low, where every signal of the latest point is on one side
    assurance: Assurance | None
    target: float | None  # the profile's, shown only with a chart
    message: str | None  # why there is no chart, as a sentence
    caption: str
    withheld: bool = False  # the published version hides a point of the chart

    @property
    def drawn(self) -> bool:
        return bool(self.points)

    @property
    def variation_reading(self) -> tuple[str, str]:
        """The latest point's variation as (icon, words): ('■', 'Concern (low)'); no icon without a chart."""
        if self.variation is None:
            return "", WITHHELD if self.withheld else NO_CHART
        icon, words = VARIATION[self.variation]
        return icon, words + (f" ({self.side})" if self.side else "")

    @property
    def assurance_reading(self) -> tuple[str, str]:
        """The chart's assurance as (icon, words), with the target it is read against."""
        if not self.drawn:
            return "", WITHHELD if self.withheld else NO_CHART
        icon, words = ASSURANCE[self.assurance]
        return icon, words + (f" ({figure_text(self.unit, self.target)})" if self.target is not None else "")

    @property
    def judgement(self) -> str | None:
        """better or worse for the latest point's variation (shaded as such, always with the words)."""
        return JUDGEMENT.get(self.variation) if self.variation else None  # type: ignore[arg-type]


def control_chart(ind: Indicator, data: BoardData, hidden: Hidden) -> ControlChart:
    """The indicator's SPC chart as the version shows it (withheld, in the published one, with a hidden point)."""
    rows = data.spc[data.spc["indicator_id"] == ind.id].sort_values("period_end")
    title = f"{ind.title}: {data.authority}, SPC chart"
    described = f"{ind.title} for {data.authority}"
    if hidden.spc(ind.id):
        message = ("The SPC chart is withheld in this published version: a month of its series is a small number, "
                   "and its mean and limits would reveal it.")  # fmt: skip
        return ControlChart(title, described, ind.unit, (), None, None, None, None, None, message, message, withheld=True)
    if rows.empty:
        message = ("There is no SPC chart: SPC needs at least 12 months of figures." if data.spc_held
                   else "There is no SPC chart: the SPC figures are not in the warehouse yet.")  # fmt: skip
        return ControlChart(title, described, ind.unit, (), None, None, None, None, None, message, message)
    first = rows.iloc[0]
    series = stored_series(
        [(r.period_end, float(r.value), tuple(r.rules), r.variation) for r in rows.itertuples()],
        float(first["mean"]), float(first["lower_limit"]), float(first["upper_limit"]),
        first["assurance"] if isinstance(first["assurance"], str) else None,
    )  # fmt: skip
    sides = {signal.direction for signal in describe_signals(series)}
    span = f"{month_label(series.points[0].period_end)} to {month_label(series.points[-1].period_end)}"
    return ControlChart(
        title=f"{title}, {span}",
        series=described,
        unit=ind.unit,
        points=series.points,
        signals=signal_sentence(series),
        variation=series.points[-1].variation,
        side=sides.pop() if len(sides) == 1 else None,
        assurance=series.assurance,
        target=data.targets.get(ind.id),
        message=None,
        caption=f"SPC chart (XmR): {data.authority}, {span}, {len(series.points)} months.",
    )

