"""The IRO statistics workbook (docs/iro.md), described once as data.

Reading, validating, staging, the marts and the demo generator all read these
names, so a sheet, a column or a code is spelled in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

FILE_PATTERN = "iro_statistics_{month}.xlsx"

PR, MA = "PR", "MA"
CHALLENGE_TYPES = (PR, MA)
COHORTS = ("CLA", "CP")
LOCALITIES = ("North", "Central", "East")
RESOLUTION_LEVELS = ("Practice Manager", "Team Manager", "Senior Manager", "Head of Service")

MA_CATEGORIES = (
    "CLA review not recorded",
    "Statutory visits not recorded",
    "Pathway plan not recorded",
    "Other / multiple recording issues",
)
PR_CATEGORIES = (
    "Compliance",
    "Practice issues",
    "Implementation of care plan / CP plan",
    "Resource issues",
)
CATEGORIES = {MA: MA_CATEGORIES, PR: PR_CATEGORIES}
ALL_CATEGORIES = PR_CATEGORIES + MA_CATEGORIES

PERSON_NAMESPACE = "person"
"""The LCS person namespace: a challenge's child has the same pseudonym as in staging.ssd_person."""
CHALLENGE_NAMESPACE = "iro_challenge"

OVER_4_WEEKS_DAYS = 28
"""Open over 4 weeks: raised more than 28 days before the month end (docs/indicators.md)."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # id, person, code, date, number, count
    required: bool = True
    codes: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    table: str
    fields: tuple[Field, ...]
    description: str

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


CHALLENGES = SheetSpec(
    "Challenges",
    "iro_challenges",
    (
        Field("challenge_id", "id", description="keyed pseudonym of the workbook's challenge id (namespace iro_challenge)"),
        Field("person_id", "person", description="keyed pseudonym of the LCS person id (the same child's pseudonym as in staging.ssd_person)"),
        Field("challenge_type", "code", codes=CHALLENGE_TYPES, description="PR (problem resolution) or MA (management alert)"),
        Field("category", "code", codes=ALL_CATEGORIES, description="the challenge's category, normalised to the contract's spelling"),
        Field("cohort", "code", codes=COHORTS, description="CLA or CP"),
        Field("locality", "code", codes=LOCALITIES, description="North, Central or East"),
        Field("raised_date", "date", description="the day the challenge was raised"),
        Field("resolved_date", "date", required=False, description="the day it was resolved; null while open"),
        Field("resolution_level", "code", required=False, codes=RESOLUTION_LEVELS,
              description="the management level a PR was resolved at (PR only)"),
    ),
    "every challenge raised in the 12 months to the month end, as known at the month end",
)

STAFFING = SheetSpec(
    "Staffing",
    "iro_staffing",
    (
        Field("iro_fte", "number", description="IROs chairing reviews at the month end, full-time equivalents, agency included"),
        Field("agency_fte", "number", description="the agency part of iro_fte"),
        Field("children_allocated", "count", description="children allocated to IROs at the month end"),
    ),
    "the IRO service's month-end staffing position (one row)",
)

SHEETS = (CHALLENGES, STAFFING)


def file_name(month: str) -> str:
    return FILE_PATTERN.format(month=month)
