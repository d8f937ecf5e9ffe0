"""The summary at the front of the board: every indicator's latest figure and what SPC reads in its series.

One line per indicator, linking to its page: the month's figure as the page shows it, the
latest point's variation and the chart's assurance against a target, each an icon with words
(never colour alone; the icons are the charts' marker shapes). A chart the published version
withholds gives a line that says so, with no variation or assurance.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpb_pipeline.domain.catalogue import Indicator
from cpb_pipeline.outputs.control_charts import ASSURANCE, VARIATION
from cpb_pipeline.outputs.indicator_pages import IndicatorPage
from cpb_pipeline.outputs.parts import Heading, Shown

ABOUT = (
    "Each monthly series is read with statistical process control (SPC), as NHS England's Making Data Count does: "
    "up to 24 months (12 at least), their mean and the process limits within which a month falls by chance. "
    "Common cause: the month is within that range and nothing fires; there is no change to explain. Special cause: "
    "a rule fires (a month outside the limits, 7 months in a row on one side of the mean, 7 rising or falling, or 2 "
    "of 3 near a limit), read as an improvement or a concern where a higher or a lower figure is better. Assurance: "
    "whether the process limits lie clear of the target, where the authority sets one."
)


@dataclass(frozen=True)
class SummaryLine:
    indicator: Indicator
    page: Heading  # the indicator's page, linked
    latest: Shown  # the month's figure, as the page shows it
    variation: tuple[str, str]  # (icon, words): ('■', 'Concern (low)'), or no icon and why there is none
    judgement: str | None  # better or worse: the variation is shaded as such, with its words
    assurance: tuple[str, str]


@dataclass(frozen=True)
class SummarySection:
    heading: Heading
    about: str
    caption: str
    headings: tuple[str, ...]
    lines: tuple[SummaryLine, ...]
    key: str  # every icon in words


def summary_section(pages: tuple[IndicatorPage, ...], month_name: str) -> SummarySection:
    label = pages[0].month_labels[-1] if pages else ""
    icons = "; ".join(f"{icon} {words.split(':')[0].lower()}" for icon, words in VARIATION.values())
    targets = "; ".join(f"{icon} {words.split(':')[0].lower()}" for icon, words in ASSURANCE.values())
    return SummarySection(
        heading=Heading("Signal or noise: every indicator this month", "Statistical process control (SPC)",
                        "Summary", "Summary", "summary"),  # fmt: skip
        about=ABOUT,
        caption=f"Every indicator in {month_name}: the latest figure and what SPC reads in its series",
        headings=("Indicator", f"Latest ({label})", "Variation (latest month)", "Assurance"),
        lines=tuple(
            SummaryLine(page.indicator, page.heading, page.authority_row.cells[-1], page.control.variation_reading,
                        page.control.judgement, page.control.assurance_reading)  # fmt: skip
            for page in pages
        ),
        key=f"Variation, the charts' marker shapes: {icons}. Assurance: {targets}.",
    )
