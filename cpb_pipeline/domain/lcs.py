"""The monthly LCS extract (docs/lcs_extract.md), described once as data.

Reading, pseudonymising, validating and staging all read these specs, so a
column is declared in one place. Staged column names keep the SSD names, with
two deliberate exceptions: identifiers hold keyed pseudonyms instead of LCS ids,
and `pers_dob` becomes `pers_dob_month` (the first of the birth month).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["id", "person", "ref", "team", "date", "code", "text"]

START_REASONS = ("S", "L", "P", "T", "B", "U")
HEALTH_CHECK_TYPES = ("Health Assessment", "Dental Check")
HEALTH_CHECK_STATUSES = ("Planned", "Refused", "Cancelled", "Completed")
ELIGIBILITY = ("Relevant", "Former Relevant", "Eligible", "Qualifying", "No Current Eligibility")
IN_TOUCH = ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
YES_NO = ("Y", "N")
ACTIVITY = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
PARTICIPATION = tuple(f"PN{i}" for i in range(8))

# Subsets the indicator definitions count by (docs/indicators.md): typed here once, interpolated into their SQL.
CARE_LEAVER_ELIGIBILITY = ("Relevant", "Former Relevant")
"""Care leavers are the Relevant and Former Relevant; Eligible young people are still in care."""
EET_ACTIVITY = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5")
"""Activity codes for education, employment or training, full or part time."""
PARTICIPATION_COUNTED = PARTICIPATION[1:]
"""PN1-PN7: reviews whose participation is counted (PN0, a child under 4, is left out)."""
PARTICIPATED = PARTICIPATION[1:7]
"""PN1-PN6: the child took part in their review."""
HEALTH_ASSESSMENT, DENTAL_CHECK = HEALTH_CHECK_TYPES
COMPLETED = "Completed"
IN_TOUCH_YES = "YES"
YES = "Y"


def sql_codes(codes: tuple[str, ...]) -> str:
    """A code set as a SQL list, e.g. ('Relevant', 'Former Relevant')."""
    return "(" + ", ".join("'" + code.replace("'", "''") + "'" for code in codes) + ")"


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    required: bool = False
    """A value must be present (a null is a blocking error)."""
    namespace: str | None = None
    """For ids and references: the pseudonym namespace, shared by a key and what refers to it."""
    codes: tuple[str, ...] = ()
    event: bool = False
    """A date on which something happened: one after the extraction deserves a warning."""
    references: tuple[str, str] | None = None
    """(table, column) that must hold this value when it is present."""
    event_unless: tuple[str, str] | None = None
    """(column, code): rows with this code are plans, so a future date is expected."""
    ordered: bool = False
    """Keep `<name>_order`, the rank of the raw id, where a definition breaks ties on the greatest id."""

    @property
    def staged_name(self) -> str:
        return "pers_dob_month" if self.name == "pers_dob" else self.name


@dataclass(frozen=True)
class TableSpec:
    name: str
    key: str
    columns: tuple[Column, ...]
    periods: tuple[tuple[str, str], ...] = ()
    """(start, end) pairs: an end before its start is a blocking error."""
    description: str = ""
    identifiers: tuple[str, ...] = ()
    """Direct identifiers an extract may carry (names, UPN): never read, never suggested as a renamed column."""

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _person(name: str) -> Column:
    return Column(name, "person", required=True, namespace="person", references=("ssd_person", "pers_person_id"))


def _team(name: str) -> Column:
    return Column(name, "team", references=("ssd_department", "dept_team_id"))


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "ssd_person",
        key="pers_person_id",
        description="Everyone the month's records name. Names and UPNs are never read; "
        "the date of birth is kept only as its month.",
        identifiers=("pers_forename", "pers_surname", "pers_upn", "pers_nhs_number", "pers_common_name"),
        columns=(
            Column("pers_person_id", "id", required=True, namespace="person"),
            Column("pers_sex", "text"),
            Column("pers_dob", "date"),
            Column("pers_ethnicity", "text"),
        ),
    ),
    TableSpec(
        "ssd_department",
        key="dept_team_id",
        description="Teams and their parent service area; the parent name decides the district row.",
        columns=(
            Column("dept_team_id", "team", required=True),
            Column("dept_team_name", "text"),
            Column("dept_team_parent_id", "text"),
            Column("dept_team_parent_name", "text"),
        ),
    ),
    TableSpec(
        "ssd_involvements",
        key="invo_involvements_id",
        description="Professional involvements; the one open at month end decides a CP or CLA child's district.",
        columns=(
            Column("invo_involvements_id", "id", required=True, namespace="involvement", ordered=True),
            _person("invo_person_id"),
            _team("invo_professional_team"),
            Column("invo_professional_role_id", "text"),
            Column("invo_involvement_start_date", "date", required=True, event=True),
            Column("invo_involvement_end_date", "date", event=True),
        ),
        periods=(("invo_involvement_start_date", "invo_involvement_end_date"),),
    ),
    TableSpec(
        "ssd_cin_plans",
        key="cinp_cin_plan_id",
        description="Child in need plans.",
        columns=(
            Column("cinp_cin_plan_id", "id", required=True, namespace="cin_plan", ordered=True),
            _person("cinp_person_id"),
            Column("cinp_cin_plan_start_date", "date", required=True, event=True),
            Column("cinp_cin_plan_end_date", "date", event=True),
            _team("cinp_cin_plan_team"),
        ),
        periods=(("cinp_cin_plan_start_date", "cinp_cin_plan_end_date"),),
    ),
    TableSpec(
        "ssd_cp_plans",
        key="cppl_cp_plan_id",
        description="Child protection plans.",
        columns=(
            Column("cppl_cp_plan_id", "id", required=True, namespace="cp_plan"),
            _person("cppl_person_id"),
            Column("cppl_cp_plan_start_date", "date", required=True, event=True),
            Column("cppl_cp_plan_end_date", "date", event=True),
            Column("cppl_cp_plan_initial_category", "text"),
            Column("cppl_cp_plan_latest_category", "text"),
        ),
        periods=(("cppl_cp_plan_start_date", "cppl_cp_plan_end_date"),),
    ),
    TableSpec(
        "ssd_cla_episodes",
        key="clae_cla_episode_id",
        description="Episodes of care; clae_cla_id groups the episodes of one period of care.",
        columns=(
            Column("clae_cla_episode_id", "id", required=True, namespace="cla_episode"),
            _person("clae_person_id"),
            Column("clae_cla_episode_start_date", "date", required=True, event=True),
            Column("clae_cla_episode_start_reason", "code", required=True, codes=START_REASONS),
            Column("clae_cla_episode_ceased_date", "date", event=True),
            Column("clae_cla_episode_ceased_reason", "text"),
            Column("clae_cla_id", "ref", required=True, namespace="cla"),
            Column("clae_entered_care_date", "date", required=True, event=True),
        ),
        periods=(
            ("clae_cla_episode_start_date", "clae_cla_episode_ceased_date"),
            ("clae_entered_care_date", "clae_cla_episode_start_date"),
        ),
    ),
    TableSpec(
        "ssd_cla_health",
        key="clah_health_check_id",
        description="Health assessments and dental checks of children looked after.",
        columns=(
            Column("clah_health_check_id", "id", required=True, namespace="health_check"),
            _person("clah_person_id"),
            Column("clah_health_check_type", "code", required=True, codes=HEALTH_CHECK_TYPES),
            Column(
                "clah_health_check_date", "date", required=True, event=True,
                event_unless=("clah_health_check_status", "Planned"),
            ),
            Column("clah_health_check_status", "code", required=True, codes=HEALTH_CHECK_STATUSES),
        ),
    ),
    TableSpec(
        "ssd_care_leavers",
        key="clea_table_id",
        description="Care leavers' latest position: eligibility, contact, accommodation and activity.",
        columns=(
            Column("clea_table_id", "id", required=True, namespace="care_leaver", ordered=True),
            _person("clea_person_id"),
            Column("clea_care_leaver_eligibility", "code", required=True, codes=ELIGIBILITY),
            Column("clea_care_leaver_in_touch", "code", codes=IN_TOUCH),
            Column("clea_care_leaver_latest_contact", "date", event=True),
            Column("clea_care_leaver_accommodation", "text"),
            Column("clea_care_leaver_accom_suitable", "code", codes=YES_NO),
            Column("clea_care_leaver_activity", "code", codes=ACTIVITY),
            Column("clea_care_leaver_allocated_team", "text"),
        ),
    ),
    TableSpec(
        "ssd_cla_reviews",
        key="clar_cla_review_id",
        description="Reviews of children looked after, chaired by IROs.",
        columns=(
            Column("clar_cla_review_id", "id", required=True, namespace="cla_review"),
            Column(
                "clar_cla_id", "ref", required=True, namespace="cla",
                references=("ssd_cla_episodes", "clae_cla_id"),
            ),
            Column("clar_cla_review_due_date", "date", required=True),
            Column("clar_cla_review_date", "date", event=True),
            Column("clar_cla_review_cancelled", "code", codes=YES_NO),
            Column("clar_cla_review_participation", "code", codes=PARTICIPATION),
        ),
    ),
    TableSpec(
        "ssd_cp_reviews",
        key="cppr_cp_review_id",
        description="Child protection review conferences.",
        columns=(
            Column("cppr_cp_review_id", "id", required=True, namespace="cp_review"),
            _person("cppr_person_id"),
            Column(
                "cppr_cp_plan_id", "ref", required=True, namespace="cp_plan",
                references=("ssd_cp_plans", "cppl_cp_plan_id"),
            ),
            Column("cppr_cp_review_due", "date", required=True),
            Column("cppr_cp_review_date", "date", event=True),
            Column("cppr_cp_review_quorate", "code", codes=YES_NO),
        ),
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}

