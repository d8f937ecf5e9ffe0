"""What a version of the board outputs shows: `build_view(data, published=...)`.

The pack (Excel) and the report (HTML, PDF) both render a `BoardView` and nothing
else, so the two always show the same figures, in the same words and colours.
The internal and the published versions come from the same `BoardData`. For the
published one, everything it hides is decided first, for the whole board at once
(`suppression.hidden_figures`); the parts are then presented from those decisions:
a suppressed figure reaches no writer (its value is dropped), so charts, trends and
commentary can only use what is shown.

A view is its sections in reading order (`BoardView.sections`: the SPC summary, the
indicator pages, then the action plan, its exceptions, the IRO summary and data
quality), each with a `Heading` that gives its sheet, its anchor and its line in the
contents. Another section is a field of `BoardView` put in its place in `sections`,
and a drawing of it in each renderer: the contents follow by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from cpb_pipeline.domain.catalogue import EXTRACTION_NOTE, IRO, REVIEWS
from cpb_pipeline.domain.regions import in_a_sentence
from cpb_pipeline.outputs.board_sections import (
    ActionPlanSection,
    ExceptionsSection,
    IroSection,
    QualitySection,
    action_plan_section,
    exceptions_section,
    iro_section,
    quality_section,
)
from cpb_pipeline.outputs.commentary import HEADING as DRAFT_COMMENTARY
from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline.outputs.formats import DOWN, MISSING, SAME, UP, month_name
from cpb_pipeline.outputs.indicator_pages import IndicatorPage, indicator_pages
from cpb_pipeline.outputs.parts import Heading
from cpb_pipeline.outputs.spc_summary import SummarySection, summary_section
from cpb_pipeline.outputs.suppression import NOTHING_HIDDEN, hidden_figures

INTERNAL, PUBLISHED = "INTERNAL", "PUBLISHED"
KEY = (
    f"{UP} up, {DOWN} down, {SAME} no change over the 12 months shown. \u201cbetter\u201d or \u201cworse\u201d "
    "(also shaded blue or orange) only where a higher or a lower figure is better; number indicators that give "
    f"context are not judged. {MISSING} means there is no figure for that month or year."
)

Section = SummarySection | IndicatorPage | ActionPlanSection | ExceptionsSection | IroSection | QualitySection


@dataclass(frozen=True)
class Palette:
    """The board's colours (RGB hex, no '#'), typed once: the pack fills its cells and the report writes its CSS
    with them. Better and worse are never colour alone: the words are always there too."""

    navy: str = "1D4F91"  # headings, table headers and the chart line: contrast above 8:1 on white
    better: str = "DDEBF7"  # light blue
    worse: str = "FBE2D5"  # light orange
    internal: str = "FFF2CC"  # the version statement of the internal version
    published: str = "E2EFDA"  # and of the published one
    blue: str = "BDD7EE"
    red: str = "F4B6B6"
    amber: str = "FFE699"
    green: str = "C6E0B4"
    # the SPC markers (each 4.5:1 or more on white); the shape, not the colour, tells them apart
    improvement: str = "1D4F91"
    concern: str = "B35900"
    neither: str = "6A3D9A"
    common_cause: str = "6E6E6E"

    @property
    def brag(self) -> dict[str, str]:
        return {"Blue": self.blue, "Red": self.red, "Amber": self.amber, "Green": self.green}

    def version(self, published: bool) -> str:
        return self.published if published else self.internal

    @property
    def variation(self) -> dict[str, str]:
        """The colour of each kind of SPC point, by variation."""
        return {"special_cause_improving": self.improvement, "special_cause_concerning": self.concern,
                "special_cause_neither": self.neither, "common_cause": self.common_cause}  # fmt: skip


PALETTE = Palette()


@dataclass(frozen=True)
class BoardText:
    """The words around the figures that the pack and the report both print."""

    authority: str
    month_name: str  # 'August 2019'
    version: str  # INTERNAL or PUBLISHED
    version_statement: str  # what the version is for, and in the published one what it hides
    produced_by: str
    suppressed_key: str  # what the symbol stands for ('' in the internal version)
    missing: tuple[str, ...]  # a line for each table not in the warehouse yet
    comparators_note: str  # which areas the comparators are, from the authority's profile
    title: str = "Corporate Parenting Board \u2013 Monthly Performance Report"
    contents: str = "Contents"
    key_label: str = "Key:"
    key: str = KEY
    extraction_note: str = f"N.B. {EXTRACTION_NOTE}"
    trend_heading: str = "Trend over 12 months"
    commentary_heading: str = "Commentary"
    commentary_draft: str = DRAFT_COMMENTARY
    comparators_title: str = "Position this month against the latest published comparators"
    comparator_headings: tuple[str, ...] = ("Comparator", "Latest published", "Period", "Difference", "Position")
    about_commentary: str = "Commentary is a draft written from the figures for the BI team to edit."

    @property
    def version_name(self) -> str:
        return f"{self.version} version"

    @property
    def month_line(self) -> str:
        return f"{self.authority} \u2013 Month: {self.month_name}"

    @property
    def footer(self) -> str:
        return f"{self.produced_by} \u2013 {self.version_name}"

    @property
    def key_with_symbol(self) -> str:
        """The key where suppressed figures can appear beside it."""
        return f"{self.key} {self.suppressed_key}" if self.suppressed_key else self.key


@dataclass(frozen=True)
class ContentsGroup:
    """Consecutive sections listed under one heading in the report's contents."""

    heading: str
    entries: tuple[Heading, ...]


@dataclass(frozen=True)
class BoardView:
    """Everything one version of the board shows, in the words and colours the pack and the report share."""

    month: str  # YYYY-MM
    published: bool
    text: BoardText
    palette: Palette
    summary: SummarySection
    pages: tuple[IndicatorPage, ...]
    action_plan: ActionPlanSection
    exceptions: ExceptionsSection
    iro: IroSection
    quality: QualitySection

    @property
    def version(self) -> str:
        return self.text.version

    @property
    def sections(self) -> tuple[Section, ...]:
        """Everything after the contents, in reading order: one sheet of the pack, one section of the report each."""
        return (self.summary, *self.pages, self.action_plan, self.exceptions, self.iro, self.quality)

    @property
    def contents(self) -> tuple[ContentsGroup, ...]:
        """The sections' headings, grouped as the report's contents lists them (the pack numbers them straight on)."""
        groups: list[tuple[str, list[Heading]]] = []
        for section in self.sections:
            if not groups or groups[-1][0] != section.heading.group:
                groups.append((section.heading.group, []))
            groups[-1][1].append(section.heading)
        return tuple(ContentsGroup(group, tuple(entries)) for group, entries in groups)


def build_view(data: BoardData, *, published: bool) -> BoardView:
    """What one version shows: first what the published version hides, for the whole board, then every section."""
    hidden = hidden_figures(data, data.publication) if published else NOTHING_HIDDEN
    text = _text(data, published)
    pages = indicator_pages(data, hidden, published)
    return BoardView(
        month=data.month,
        published=published,
        text=text,
        palette=PALETTE,
        summary=summary_section(pages, text.month_name),
        pages=pages,
        action_plan=action_plan_section(data.action_plan),
        exceptions=exceptions_section(data.action_plan),
        iro=iro_section(data, hidden, tuple(p for p in pages if p.indicator.section in (IRO, REVIEWS)),
                        text.trend_heading),
        quality=quality_section(data, hidden),
    )


def _text(data: BoardData, published: bool) -> BoardText:
    publication, symbol = data.publication, data.publication.suppressed_symbol
    if published:
        statement = (
            f"PUBLISHED version: counts of {publication.suppress_counts_from} to {publication.suppress_counts_to}, "
            f"percentages of fewer than {publication.min_denominator}, and any figure that would reveal them are "
            f"shown as \u201c{symbol}\u201d."
        )
    else:
        statement = "INTERNAL version: not for publication. It shows small numbers; publish only the _published files."
    return BoardText(
        authority=data.authority,
        month_name=month_name(data.period_end),
        version=PUBLISHED if published else INTERNAL,
        version_statement=statement,
        produced_by=f"Report produced by {data.authority} Business Intelligence",
        suppressed_key=f"\u201c{symbol}\u201d: a small number, suppressed." if published else "",
        missing=tuple(f"Not available for this report: {note}." for note in data.notes),
        comparators_note=_comparators_note(data),
    )


def _comparators_note(data: BoardData) -> str:
    """Names the regional comparator and, where the profile lists them, the statistical neighbours."""
    neighbours = list(data.statistical_neighbours)
    group = ""
    if neighbours:
        group = " (" + (neighbours[0] if len(neighbours) == 1 else ", ".join(neighbours[:-1]) + " and " + neighbours[-1]) + ")"
    return (f"Comparators: {in_a_sentence(data.region)}, the region {data.authority} is in; England; and "
            f"statistical neighbours{group}, the group of authorities most like {data.authority}."
            if data.region else "")
