"""docs/indicators.md, generated from the indicator catalogue (`python -m cpb_pipeline.marts.indicators.docs`)."""

from __future__ import annotations

from cpb_pipeline.marts.indicators.catalogue import CATALOGUE, EXTRACTION_NOTE, SIMILAR_WITHIN
from cpb_pipeline.profile import REPO_ROOT

DOC = REPO_ROOT / "docs" / "indicators.md"

INTRO = f"""# The indicators

Generated from `cpb_pipeline/marts/indicators/catalogue.py`, the one place each figure is
defined; the board pack, the report, the checks and the warehouse's
`marts.indicator_catalogue` all read it. A test fails if this page and the catalogue differ.
The counting rules are contracts §7, applied in `definitions.py` and tested on hand-made
extracts in `cpb_pipeline_tests/indicators/`.

- Values in `marts.indicator_monthly` are unrounded. The outputs show one decimal place,
  rounded half away from zero, as Excel does.
- Rates are per 10,000 children aged 0-17, using the child population effective at the
  month end (the profile's `child_population`).
- Districts are the profile's districts plus its other_area; a child's district for CP and
  CLA comes from the involvement open at the month end with the latest start (ties: the
  greatest involvement id), for CIN from the plan's team.
- Against a comparator a figure is *similar* within {SIMILAR_WITHIN['percent']} percentage points, or
  within {SIMILAR_WITHIN['rate_per_10000']:.0%} of the comparator's rate; otherwise better or worse by the
  indicator's polarity (higher or lower where the polarity is contextual). A comparator
  shows its latest published year, labelled when that is not the latest year ended.

Every page carries the note: *{EXTRACTION_NOTE}*

| id | title | unit | polarity | breakdown | comparators |
|---|---|---|---|---|---|
"""


def render() -> str:
    rows = [
        f"| `{i.id}` | {i.title} | {i.unit_label} | {i.polarity.replace('_', ' ')} | {i.breakdown.replace('_', ' ')} "
        f"| {', '.join(i.comparators) or '-'} |"
        for i in CATALOGUE
    ]
    definitions = ["", "## Definitions", ""]
    for i in CATALOGUE:
        definitions += [f"### {i.title} (`{i.id}`)", "", i.definition, ""]
        if i.rate_of:
            definitions += [f"The rate of `{i.rate_of}`.", ""]
        if i.change_note:
            definitions += [f"**Change:** {i.change_note}", ""]
    return INTRO + "\n".join(rows) + "\n" + "\n".join(definitions)


if __name__ == "__main__":
    DOC.write_text(render())
