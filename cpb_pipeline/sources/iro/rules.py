"""The IRO workbook's rules as pandera schemas: blocking ones, then warnings.

Every schema runs on a staged frame indexed by the row number in the sheet, so
`cpb_pipeline.runtime.validation.pandera_findings` reports file, row, column and rule,
never a value. Checks are named here once; the Dagster check specs read
`CHECKS`.

Reading of docs/iro.md for categories: a category that is none of the eight
known categories blocks the month (the code is outside its sets); a known
category of the other type (an MA with a PR category, or a PR with an MA
category), and a resolution level on an MA, are warnings: the figures still
count the challenge by its type.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pandera.pandas as pa

from cpb_pipeline.domain.calendar import add_months
from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.iro import CATEGORIES, CHALLENGES, MA, PR, STAFFING, SheetSpec
from cpb_pipeline.runtime.checks import CheckDef
from cpb_pipeline.runtime.validation import flag_check, pandera_findings, wide_check
from cpb_pipeline.sources.iro.normalise import NO_SAVED_RESULT, NOT_NUMBER
from cpb_pipeline.sources.lcs.normalise import NOT_IN_SET, UNPARSED

REQUIRED = "a value is required"
DATE_RULE = "must be a date: an Excel date, or text DD/MM/YYYY or YYYY-MM-DD"
NUMBER_RULE = "must be a number"
NO_SAVED_RESULT_RULE = "formula has no saved result: open the workbook in Excel, let it calculate and save it"
UNIQUE_RULE = "challenge_id must be unique within the sheet"
ONE_ROW_RULE = "the sheet must hold exactly one row below the header (the month-end position)"
ABSENT_CHILD_RULE = "the child is not in the month's LCS extract (staging.ssd_person for the same month end)"


def code_rule(codes: tuple[str, ...]) -> str:
    return "code must be one of " + ", ".join(codes)


CHECKS = (
    CheckDef("iro_challenges", "valid", True,
             "Workbook readable; sheet Challenges and its columns present; required values, codes in their sets "
             "(type, category, cohort, locality, resolution level), real dates, unique challenge ids."),
    CheckDef("iro_challenges", "resolved_after_raised", False, "No challenge is resolved before it was raised."),
    CheckDef("iro_challenges", "resolution_level_recorded", False, "Every resolved PR has a resolution level."),
    CheckDef("iro_challenges", "category_matches_type", False,
             "MAs carry MA categories and PRs PR categories; only PRs carry a resolution level."),
    CheckDef("iro_challenges", "raised_in_window", False,
             "Challenges are raised in the 12 months to the month end the workbook was saved at."),
    CheckDef("iro_challenges", "children_in_lcs_extract", False,
             "Every challenge names a child who is in the same month's LCS extract (compared by pseudonym)."),
    CheckDef("iro_staffing", "valid", True,
             "Sheet Staffing and its columns present; exactly one row; iro_fte a number above 0, agency_fte a "
             "number of 0 or more, children_allocated a whole number of 0 or more."),
    CheckDef("iro_staffing", "agency_within_fte", False, "agency_fte is part of iro_fte, so not above it."),
)


def _present(column: str, *flags: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        ok = frame[column].notna()
        for flag in flags:
            ok |= frame[flag]
        return ok

    return check


def _flags_for(field) -> tuple[str, ...]:
    suffix = {"date": UNPARSED, "code": NOT_IN_SET, "number": NOT_NUMBER, "count": NOT_NUMBER}.get(field.kind)
    return tuple(f"{field.name}{s}" for s in (suffix, NO_SAVED_RESULT) if s)


def _field_parts(spec: SheetSpec) -> tuple[dict[str, pa.Column], list[pa.Check]]:
    columns: dict[str, pa.Column] = {}
    checks: list[pa.Check] = []
    for f in spec.fields:
        flags = _flags_for(f)
        columns[f.name] = pa.Column(nullable=True, required=True)
        if f.required:
            checks.append(wide_check(_present(f.name, *flags), rule=REQUIRED, column=f.name))
        columns[f"{f.name}{NO_SAVED_RESULT}"] = pa.Column(bool, flag_check(NO_SAVED_RESULT_RULE))
        if f.kind == "date":
            columns[f"{f.name}{UNPARSED}"] = pa.Column(bool, flag_check(DATE_RULE))
        elif f.kind == "code":
            columns[f"{f.name}{NOT_IN_SET}"] = pa.Column(bool, flag_check(code_rule(f.codes)))
        elif f.kind in ("number", "count"):
            columns[f"{f.name}{NOT_NUMBER}"] = pa.Column(bool, flag_check(NUMBER_RULE))
    return columns, checks


def _unique_ids(frame: pd.DataFrame) -> pd.Series:
    ids = frame["challenge_id"]
    return ~(ids.duplicated(keep=False) & ids.notna())


def challenges_schema() -> pa.DataFrameSchema:
    columns, checks = _field_parts(CHALLENGES)
    checks.append(wide_check(_unique_ids, rule=UNIQUE_RULE, column="challenge_id"))
    return pa.DataFrameSchema(columns, checks=checks, name="iro_challenges", strict=False)


def _at_least(column: str, limit: float, strictly: bool = False):
    def check(frame: pd.DataFrame) -> pd.Series:
        values = frame[column]
        return values.isna() | ((values > limit) if strictly else (values >= limit))

    return check


def _whole(column: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        values = frame[column]
        return values.isna() | (values == values.round())

    return check


def staffing_schema() -> pa.DataFrameSchema:
    columns, checks = _field_parts(STAFFING)
    checks += [
        wide_check(_at_least("iro_fte", 0, strictly=True), rule="must be greater than 0", column="iro_fte"),
        wide_check(_at_least("agency_fte", 0), rule="must not be negative", column="agency_fte"),
        wide_check(_at_least("children_allocated", 0), rule="must not be negative", column="children_allocated"),
        wide_check(_whole("children_allocated"), rule="must be a whole number", column="children_allocated"),
    ]
    return pa.DataFrameSchema(columns, checks=checks, name="iro_staffing", strict=False)


# --- warnings -------------------------------------------------------------------------------------

def _resolved_after_raised(frame: pd.DataFrame) -> pd.Series:
    return frame["resolved_date"].isna() | frame["raised_date"].isna() | (frame["resolved_date"] >= frame["raised_date"])


def _level_recorded(frame: pd.DataFrame) -> pd.Series:
    resolved_pr = (frame["challenge_type"] == PR) & frame["resolved_date"].notna()
    return ~resolved_pr | frame["resolution_level"].notna()


def _category_matches(frame: pd.DataFrame) -> pd.Series:
    wrong = pd.Series(False, index=frame.index)
    for kind, other in ((MA, PR), (PR, MA)):
        wrong |= (frame["challenge_type"] == kind) & frame["category"].isin(CATEGORIES[other])
    return ~wrong


def _level_only_on_pr(frame: pd.DataFrame) -> pd.Series:
    return ~((frame["challenge_type"] == MA) & frame["resolution_level"].notna())


def _raised_by(month_end: dt.date):
    day = pd.Timestamp(month_end)

    def check(frame: pd.DataFrame) -> pd.Series:
        return frame["raised_date"].isna() | (frame["raised_date"] <= day)

    return check


def _raised_since(month_end: dt.date):
    start = pd.Timestamp(add_months(month_end, -12))

    def check(frame: pd.DataFrame) -> pd.Series:
        return frame["raised_date"].isna() | (frame["raised_date"] > start)

    return check


def warning_schemas(month_end: dt.date) -> dict[str, pa.DataFrameSchema]:
    def schema(name: str, *checks: pa.Check) -> pa.DataFrameSchema:
        return pa.DataFrameSchema(checks=list(checks), name=name)

    return {
        "resolved_after_raised": schema(
            "resolved_after_raised",
            wide_check(_resolved_after_raised, rule="resolved before it was raised", column="resolved_date"),
        ),
        "resolution_level_recorded": schema(
            "resolution_level_recorded",
            wide_check(_level_recorded, rule="a resolved PR has no resolution level", column="resolution_level"),
        ),
        "category_matches_type": schema(
            "category_matches_type",
            wide_check(_category_matches, rule="the category belongs to the other challenge type", column="category"),
            wide_check(_level_only_on_pr, rule="an MA carries a resolution level (PRs only)", column="resolution_level"),
        ),
        "raised_in_window": schema(
            "raised_in_window",
            wide_check(_raised_by(month_end), rule=f"raised after the month end {month_end:%Y-%m-%d} (not counted)",
                       column="raised_date"),
            wide_check(_raised_since(month_end), rule="raised before the 12 months the sheet covers", column="raised_date"),
        ),
    }


def _known_child(persons: set[str]):
    def check(frame: pd.DataFrame) -> pd.Series:
        return frame["person_id"].isna() | frame["person_id"].isin(persons)

    return check


def children_schema(persons: set[str]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        checks=[wide_check(_known_child(persons), rule=ABSENT_CHILD_RULE, column="person_id")],
        name="children_in_lcs_extract",
    )


def _agency_within(frame: pd.DataFrame) -> pd.Series:
    return frame["agency_fte"].isna() | frame["iro_fte"].isna() | (frame["agency_fte"] <= frame["iro_fte"])


def agency_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        checks=[wide_check(_agency_within, rule="agency_fte is above iro_fte (it is part of it)", column="agency_fte")],
        name="agency_within_fte",
    )


def sheet_findings(schema: pa.DataFrameSchema, frame: pd.DataFrame, file: str, sheet: str) -> list[Finding]:
    """pandera_findings, with the sheet named."""
    return [replace(f, sheet=sheet) for f in pandera_findings(schema, frame, file)]
