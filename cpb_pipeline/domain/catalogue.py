"""The indicator catalogue: every figure the board sees, defined once.

Outputs, checks, the comparison mart and the docs all read titles,
definitions, units, polarity, breakdowns and comparators from here. The exact
counting rules are in docs/indicators.md; the SQL that applies them is in
`definitions.py`, keyed by the same ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from cpb_pipeline.domain.regions import COMPARATOR_KINDS, REGION

Unit = Literal["count", "rate_per_10000", "percent", "ratio"]
Polarity = Literal["higher_is_better", "lower_is_better", "contextual"]
Breakdown = Literal["district", "authority", "optional_district"]
"""optional_district: districts only where the profile sets `care_leaver_districts: true`."""

COMPARATORS = COMPARATOR_KINDS
"""Every benchmarked figure is set beside the authority's region, England and statistical neighbours."""

EXTRACTION_NOTE = (
    "Data is extracted on the first working day after month end, so will only contain information "
    "input onto LCS as at this date. Data input after this date will not be included."
)

IN_TOUCH_CONTACT_RULE_FROM = dt.date(2019, 7, 31)
"""From this month end on, a care leaver is in touch only with a recorded contact in the last 2 months."""

SIMILAR_WITHIN = {"percent": 0.5, "rate_per_10000": 0.02}
"""A gap counts as 'similar': within 0.5 percentage points, or within 2 % of the comparator's rate."""


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    definition: str
    unit: Unit
    polarity: Polarity
    breakdown: Breakdown
    section: str
    source: Literal["lcs", "iro"] = "lcs"
    comparators: tuple[str, ...] = ()
    rate_of: str | None = None
    change_note: str | None = None
    note: str = EXTRACTION_NOTE

    @property
    def has_districts(self) -> bool:
        return self.breakdown == "district"

    def comparator_areas(self, region: str) -> tuple[str, ...]:
        """The areas this figure is compared with, the authority's region named."""
        return tuple(region if kind == REGION else kind for kind in self.comparators)

    @property
    def unit_label(self) -> str:
        return {"count": "Number", "rate_per_10000": "Rate per 10,000", "percent": "Percentage", "ratio": "Ratio"}[self.unit]


CONTEXT = "Performance Section 1 - Contextual Indicators"
HEALTH = "Performance Section 3 - Other Indicators"
CARE_LEAVERS = "Performance Section 4 - Care Leaver Indicators"
REVIEWS = "Independent Reviewing Officer service - Reviews"
IRO = "Independent Reviewing Officer service - Challenge and caseloads"

CATALOGUE: tuple[Indicator, ...] = (
    Indicator(
        "cin_plans", "Number of Children in Need Plans (CiN) at the month end",
        "The number of children on Children in Need (CiN) plans at the month end: each child counted once, "
        "however many plans are open.",
        "count", "contextual", "district", CONTEXT,
    ),
    Indicator(
        "cin_rate", "Rate of children on CiN plans per 10,000 children",
        "Children on CiN plans at the month end per 10,000 children aged 0-17 in the authority.",
        "rate_per_10000", "contextual", "authority", CONTEXT, comparators=COMPARATORS, rate_of="cin_plans",
    ),
    Indicator(
        "cp_plans", "Number of CP Plans at the month end",
        "The number of children with an active Child Protection (CP) plan at the month end.",
        "count", "contextual", "district", CONTEXT,
    ),
    Indicator(
        "cp_rate", "Rate of children on CP plans per 10,000 children",
        "Children on CP plans at the month end per 10,000 children aged 0-17 in the authority.",
        "rate_per_10000", "contextual", "authority", CONTEXT, comparators=COMPARATORS, rate_of="cp_plans",
    ),
    Indicator(
        "cla", "Number of CLA at the month end",
        "The number of Children Looked After (CLA) at the month end.",
        "count", "contextual", "district", CONTEXT,
    ),
    Indicator(
        "cla_rate", "Rate of CLA per 10,000 children",
        "Children looked after at the month end per 10,000 children aged 0-17 in the authority.",
        "rate_per_10000", "contextual", "authority", CONTEXT, comparators=COMPARATORS, rate_of="cla",
    ),
    Indicator(
        "cla_health_assessment", "Percentage of CLA with an up to date health assessment",
        "The percentage of CLA at month end who have been continuously looked after for at least 12 months "
        "and have had a health assessment completed within the required timescale: the last 6 months for "
        "a child under 5, the last 12 months otherwise.",
        "percent", "higher_is_better", "district", HEALTH, comparators=COMPARATORS,
    ),
    Indicator(
        "cla_dental_check", "Percentage of CLA with an up to date dental assessment",
        "The percentage of CLA at month end who have been continuously looked after for at least 12 months "
        "and have had a dental check completed within the last 12 months.",
        "percent", "higher_is_better", "district", HEALTH, comparators=COMPARATORS,
    ),
    Indicator(
        "care_leavers", "Number of Care Leavers",
        "The number of care leavers: young people whose care leaver status is Relevant or Former Relevant "
        "(eligible children, still in care, are excluded).",
        "count", "contextual", "optional_district", CARE_LEAVERS,
    ),
    Indicator(
        "care_leavers_suitable_accommodation", "Percentage of Care Leavers in Suitable Accommodation",
        "Of care leavers (Relevant and Former Relevant), the percentage whose accommodation is recorded as suitable.",
        "percent", "higher_is_better", "optional_district", CARE_LEAVERS, comparators=COMPARATORS,
    ),
    Indicator(
        "care_leavers_eet", "Percentage of Care Leavers in Education, Employment or Training (EET)",
        "Of care leavers (Relevant and Former Relevant), the percentage in education, employment or training, "
        "full or part time (activity F1, P1, F2, P2, F4, P4, F5 or P5).",
        "percent", "higher_is_better", "optional_district", CARE_LEAVERS, comparators=COMPARATORS,
    ),
    Indicator(
        "care_leavers_in_touch", "Percentage of Care Leavers who the LA is in contact with",
        "Of care leavers (Relevant and Former Relevant), the percentage the authority is in touch with; "
        "from July 2019 the latest contact must also be within the last 2 months.",
        "percent", "higher_is_better", "optional_district", CARE_LEAVERS, comparators=COMPARATORS,
        change_note="Reporting on this indicator has changed to contact within 2 months, since July 2019.",
    ),
    Indicator(
        "cla_reviews_in_timescale", "Percentage of CLA reviews held in timescale",
        "Of CLA reviews due in the month and not cancelled, the percentage held on or before the due date.",
        "percent", "higher_is_better", "district", REVIEWS,
    ),
    Indicator(
        "cla_review_participation", "Percentage of CLA reviews with the child's participation",
        "Of CLA reviews held in the month with a participation code PN1-PN7 (PN0, a child under 4, is left "
        "out), the percentage where the child took part (PN1-PN6).",
        "percent", "higher_is_better", "district", REVIEWS,
    ),
    Indicator(
        "cp_reviews_in_timescale", "Percentage of CP review conferences held in timescale",
        "Of child protection review conferences due in the month, the percentage held on or before the due date.",
        "percent", "higher_is_better", "district", REVIEWS, comparators=COMPARATORS,
    ),
    Indicator(
        "iro_pr_raised", "Problem resolutions raised by IROs in the month",
        "The number of problem resolutions (PR: IRO challenges to a child's care plan or CP plan, or to "
        "practice) raised in the month.",
        "count", "contextual", "authority", IRO, source="iro",
    ),
    Indicator(
        "iro_ma_raised", "Management alerts raised by IROs in the month",
        "The number of management alerts (MA: IRO alerts about recording that is missing from a child's "
        "file) raised in the month.",
        "count", "contextual", "authority", IRO, source="iro",
    ),
    Indicator(
        "iro_challenges_open_over_4_weeks", "IRO challenges open for more than 4 weeks",
        "Problem resolutions and management alerts still open at the month end that were raised more than "
        "28 days before it.",
        "count", "lower_is_better", "authority", IRO, source="iro",
    ),
    Indicator(
        "iro_caseload", "Average IRO caseload",
        "Children allocated to IROs at the month end per full-time-equivalent IRO chairing reviews "
        "(agency staff included).",
        "ratio", "lower_is_better", "authority", IRO, source="iro",
    ),
)

BY_ID = {i.id: i for i in CATALOGUE}


def indicator(indicator_id: str) -> Indicator:
    return BY_ID[indicator_id]
