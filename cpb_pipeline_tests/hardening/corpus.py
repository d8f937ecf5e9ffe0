"""The bad-input corpus: every way a council's files go wrong that we answer, and what the answer says.

Each case damages a valid input and names the fragments the message must carry
(file or sheet, row, column, rule), or says the variant must be accepted with the
same figures. docs/bad_input_corpus.md lists the same cases; a test keeps the two
in step.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MONTH = "2019-08"
PLAN = "Corporate Parenting Delivery Plan 2019-09-11.xlsx"


@dataclass(frozen=True)
class Case:
    """`damage` gets the source's folder: the month's extract folder (the profile is two folders up),
    the action plan or IRO folder, or for config the folder holding the profile."""

    id: str
    source: str  # lcs, action_plan, iro, config
    what: str
    damage: Callable[[Path], None]
    expect: tuple[str, ...] = ()
    accepted: bool = False
    warning: str | None = field(default=None)
    """For an accepted case that still deserves a warning: the check that must report it."""


def rewrite(path: Path, transform: Callable[[str], str]) -> None:
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


def edit_rows(path: Path, edit: Callable[[list[list[str]]], list[list[str]]]) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(edit(rows))
    path.write_text(out.getvalue(), encoding="utf-8")


def set_cell(table: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell (row as in the file, header = 1) of a table in the month folder."""

    def damage(folder: Path) -> None:
        def edit(rows):
            rows[row - 1][rows[0].index(column)] = value
            return rows

        edit_rows(folder / f"{table}.csv", edit)

    return damage


def rename_column(table: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: rewrite(folder / f"{table}.csv", lambda t: t.replace(old, new, 1))


def _duplicate_column(folder: Path) -> None:
    edit_rows(folder / "ssd_person.csv", lambda rows: [r + [r[1]] for r in rows])


def _drop_column(folder: Path) -> None:
    def edit(rows):
        i = rows[0].index("clah_health_check_status")
        return [r[:i] + r[i + 1:] for r in rows]

    edit_rows(folder / "ssd_cla_health.csv", edit)


def _truncate(folder: Path) -> None:
    path = folder / "ssd_cla_health.csv"
    data = path.read_bytes()
    path.write_bytes(data[: data.rindex(b",Completed")])


def _extra_field(folder: Path) -> None:
    rewrite(folder / "ssd_cp_plans.csv", lambda t: t.replace("NEG,NEG", "NEG,NEG,extra", 1))


def _open_quote(folder: Path) -> None:
    rewrite(folder / "ssd_department.csv", lambda t: t.replace("Lancaster CSC 1", '"Lancaster CSC 1', 1))


def _delimiter(sep: str) -> Callable[[Path], None]:
    return lambda folder: edit_rows(folder / "ssd_cin_plans.csv", lambda rows: [[sep.join(r)] for r in rows])


def _cp1252(folder: Path) -> None:
    path = folder / "ssd_department.csv"
    path.write_bytes(path.read_text().replace("Youth Justice", "Youth Justice – Côte").encode("cp1252"))


def _declare_encoding(folder: Path, name: str) -> None:
    """Set extract_encoding in the profile that names this month folder's parent as lcs_extracts."""
    profile = folder.parent.parent / "authority.yaml"
    profile.write_text(profile.read_text() + f"extract_encoding: {name}\n")


def _windows_1252_declared(folder: Path) -> None:
    set_cell("ssd_person", 2, "pers_forename", "Zoë")(folder)
    set_cell("ssd_person", 2, "pers_surname", "O’Brien")(folder)
    set_cell("ssd_department", 4, "dept_team_name", "Youth Justice – Côte")(folder)
    for path in folder.glob("*.csv"):
        path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    _declare_encoding(folder, "windows-1252")


def _undefined_in_windows_1252(folder: Path) -> None:
    path = folder / "ssd_person.csv"
    path.write_bytes(path.read_bytes().replace(b"Sample", b"Sa\x81mple"))
    _declare_encoding(folder, "windows-1252")


def _utf_16(folder: Path) -> None:
    path = folder / "ssd_person.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))


def _empty(folder: Path) -> None:
    (folder / "ssd_cp_reviews.csv").write_bytes(b"")


def _header_only(folder: Path) -> None:
    rewrite(folder / "ssd_cp_reviews.csv", lambda t: t.splitlines()[0] + "\n")


def _duplicate_row(folder: Path) -> None:
    edit_rows(folder / "ssd_cla_episodes.csv", lambda rows: rows + [rows[1]])


def _missing_file(folder: Path) -> None:
    (folder / "ssd_involvements.csv").unlink()


def _bom_crlf(folder: Path) -> None:
    for path in folder.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))


def _code_variants(folder: Path) -> None:
    set_cell("ssd_cla_episodes", 2, "clae_cla_episode_start_reason", "  s ")(folder)
    set_cell("ssd_cla_health", 2, "clah_health_check_type", "HEALTH  assessment")(folder)
    set_cell("ssd_cla_health", 3, "clah_health_check_status", " completed")(folder)
    set_cell("ssd_cla_reviews", 2, "clar_cla_review_participation", "pn 1")(folder)
    set_cell("ssd_cp_reviews", 2, "cppr_cp_review_quorate", "y ")(folder)


def _uk_dates(folder: Path) -> None:
    def edit(rows):
        return [[_to_uk(cell) for cell in row] for row in rows]

    for path in folder.glob("*.csv"):
        edit_rows(path, edit)


def _to_uk(cell: str) -> str:
    if _is_iso_date(cell):
        return f"{cell[8:10]}/{cell[5:7]}/{cell[:4]}"
    return cell


def _is_iso_date(cell: str) -> bool:
    return len(cell) == 10 and cell[4] == "-" and cell[7] == "-" and cell[:4].isdigit()


def _sql_server_date_times(folder: Path) -> None:
    """Every date becomes a date-time, in turn as SQL Server's datetime and datetime2 write them and with a T."""
    forms = itertools.cycle(("{} 00:00:00.000", "{}T09:30:00", "{} 23:59:59.9999999"))

    def edit(rows):
        return [[next(forms).format(cell) if _is_iso_date(cell) else cell for cell in row] for row in rows]

    for path in sorted(folder.glob("*.csv")):
        edit_rows(path, edit)


def _whitespace(folder: Path) -> None:
    def edit(rows):
        return [rows[0]] + [[f"  {c} " if c else c for c in r] for r in rows[1:]]

    edit_rows(folder / "ssd_person.csv", edit)
    edit_rows(folder / "ssd_involvements.csv", edit)


def _reorder_and_extra(folder: Path) -> None:
    def edit(rows):
        rows = [list(reversed(r)) for r in rows]
        return [r + (["notes"] if i == 0 else ["free text"]) for i, r in enumerate(rows)]

    edit_rows(folder / "ssd_cp_plans.csv", edit)


LCS_CASES = [
    Case("csv-missing-column", "lcs", "a required column is missing", _drop_column,
         ("ssd_cla_health.csv row 1", "column clah_health_check_status", "required column is missing")),
    Case("csv-renamed-column", "lcs", "a required column is renamed",
         rename_column("ssd_person", "pers_dob", "pers_date_of_birth"),
         ("ssd_person.csv row 1", "column pers_dob", "required column is missing", "found 'pers_date_of_birth'")),
    Case("csv-duplicated-column", "lcs", "a column appears twice in the header", _duplicate_column,
         ("ssd_person.csv row 1", "column pers_sex", "appears more than once")),
    Case("csv-torn-file", "lcs", "the file stops part-way through its last row", _truncate,
         ("ssd_cla_health.csv row 3", "header's 5 fields")),
    Case("csv-extra-field", "lcs", "a row has more fields than the header", _extra_field,
         ("ssd_cp_plans.csv row 2", "header's 6 fields")),
    Case("csv-unclosed-quote", "lcs", "a quoted field is never closed", _open_quote,
         ("ssd_department.csv row", "quoted field is not closed")),
    Case("csv-semicolons", "lcs", "the file is separated by semicolons", _delimiter(";"),
         ("ssd_cin_plans.csv row 1", "separated by commas", "semicolons")),
    Case("csv-tabs", "lcs", "the file is separated by tabs", _delimiter("\t"),
         ("ssd_cin_plans.csv row 1", "separated by commas", "tabs")),
    Case("csv-cp1252", "lcs", "the file is saved as Windows-1252, not UTF-8", _cp1252,
         ("ssd_department.csv row 4", "column dept_team_name", "must be UTF-8", "Windows-1252",
          "set extract_encoding in the authority profile (for example windows-1252)")),
    Case("csv-not-the-declared-encoding", "lcs",
         "byte 0x81, which Windows-1252 does not define, with extract_encoding: windows-1252",
         _undefined_in_windows_1252,
         ("ssd_person.csv row 3", "column pers_surname",
          "text must be cp1252, the extract_encoding the authority profile declares", "byte 0x81 is not cp1252")),
    Case("csv-utf-16", "lcs", "the file is saved as UTF-16", _utf_16,
         ("ssd_person.csv row 1", "must be UTF-8", "in the header row", "looks saved as UTF-16",
          "set extract_encoding in the authority profile (for example utf-16)")),
    Case("csv-empty-file", "lcs", "the file is empty (0 bytes)", _empty,
         ("ssd_cp_reviews.csv row 1", "file is empty")),
    Case("csv-header-only", "lcs", "a header with no rows", _header_only,
         ("ssd_cp_reviews.csv row 2", "no records below the header")),
    Case("csv-missing-file", "lcs", "a required file is missing from the folder", _missing_file,
         ("ssd_involvements.csv", "required file is missing")),
    Case("csv-text-date", "lcs", "a date that is not a date",
         set_cell("ssd_cin_plans", 2, "cinp_cin_plan_start_date", "June 2019"),
         ("ssd_cin_plans.csv row 2", "column cinp_cin_plan_start_date", "must be a real date")),
    Case("csv-impossible-date", "lcs", "an impossible date (31 February)",
         set_cell("ssd_cla_health", 3, "clah_health_check_date", "31/02/2019"),
         ("ssd_cla_health.csv row 3", "column clah_health_check_date", "must be a real date")),
    Case("csv-month-13", "lcs", "a date with month 13",
         set_cell("ssd_person", 2, "pers_dob", "2010-13-05"),
         ("ssd_person.csv row 2", "column pers_dob", "must be a real date")),
    Case("csv-impossible-date-time", "lcs", "an impossible date as a date-time (30 February)",
         set_cell("ssd_cla_health", 3, "clah_health_check_date", "2019-02-30 00:00:00.000"),
         ("ssd_cla_health.csv row 3", "column clah_health_check_date",
          "must be a real date written YYYY-MM-DD, DD/MM/YYYY or as an ISO date-time")),
    Case("csv-words-for-a-date", "lcs", "words in a date column ('next week')",
         set_cell("ssd_cp_plans", 2, "cppl_cp_plan_start_date", "next week"),
         ("ssd_cp_plans.csv row 2", "column cppl_cp_plan_start_date", "must be a real date")),
    Case("csv-future-date", "lcs", "an event dated after the extraction (a warning; the figures ignore it)",
         set_cell("ssd_care_leavers", 2, "clea_care_leaver_latest_contact", "2019-12-01"),
         ("ssd_care_leavers.csv row 2", "column clea_care_leaver_latest_contact", "dated after the extraction"),
         accepted=True, warning="dated_after_extraction"),
    Case("csv-duplicate-id", "lcs", "the same episode twice", _duplicate_row,
         ("ssd_cla_episodes.csv rows 2, 3", "column clae_cla_episode_id", "must be unique")),
    Case("csv-unknown-person", "lcs", "a plan for a person not in ssd_person",
         set_cell("ssd_cp_plans", 2, "cppl_person_id", "999999"),
         ("ssd_cp_plans.csv row 2", "column cppl_person_id", "must match a pers_person_id in ssd_person.csv")),
    Case("csv-unknown-team", "lcs", "an involvement with a team not in ssd_department",
         set_cell("ssd_involvements", 2, "invo_professional_team", "T404"),
         ("ssd_involvements.csv row 2", "column invo_professional_team", "must match a dept_team_id")),
    Case("csv-unknown-period-of-care", "lcs", "a review of a period of care not in the episodes",
         set_cell("ssd_cla_reviews", 2, "clar_cla_id", "L404"),
         ("ssd_cla_reviews.csv row 2", "column clar_cla_id", "must match a clae_cla_id")),
    Case("csv-unknown-cp-plan", "lcs", "a CP review of a plan not in ssd_cp_plans",
         set_cell("ssd_cp_reviews", 2, "cppr_cp_plan_id", "P404"),
         ("ssd_cp_reviews.csv row 2", "column cppr_cp_plan_id", "must match a cppl_cp_plan_id")),
    Case("csv-bad-code", "lcs", "a code outside its set",
         set_cell("ssd_care_leavers", 2, "clea_care_leaver_in_touch", "MAYBE"),
         ("ssd_care_leavers.csv row 2", "column clea_care_leaver_in_touch", "code must be one of YES, NO")),
    Case("csv-bad-start-reason", "lcs", "an episode start reason outside S L P T B U",
         set_cell("ssd_cla_episodes", 2, "clae_cla_episode_start_reason", "X"),
         ("ssd_cla_episodes.csv row 2", "column clae_cla_episode_start_reason", "code must be one of S, L, P")),
    Case("csv-end-before-start", "lcs", "a plan that ends before it starts",
         set_cell("ssd_cp_plans", 2, "cppl_cp_plan_end_date", "2019-01-01"),
         ("ssd_cp_plans.csv row 2", "column cppl_cp_plan_end_date", "must not be before cppl_cp_plan_start_date")),
    Case("csv-required-value", "lcs", "a required value left empty",
         set_cell("ssd_cla_health", 2, "clah_health_check_type", ""),
         ("ssd_cla_health.csv row 2", "column clah_health_check_type", "a value is required")),
    Case("csv-bom-crlf", "lcs", "byte-order mark and Windows line endings", _bom_crlf, accepted=True),
    Case("csv-code-variants", "lcs", "codes in other cases and spacing", _code_variants, accepted=True),
    Case("csv-uk-dates", "lcs", "dates written DD/MM/YYYY", _uk_dates, accepted=True),
    Case("csv-sql-server-date-times", "lcs",
         "dates written as date-times (`2019-06-01 00:00:00.000`, `2019-06-01T09:30:00`, "
         "`2019-06-01 23:59:59.9999999`): the date is taken", _sql_server_date_times, accepted=True),
    Case("csv-windows-1252-declared", "lcs",
         "the extract saved as Windows-1252 (`Zoë`, `O’Brien`, `Youth Justice – Côte`), with "
         "extract_encoding: windows-1252 in the profile", _windows_1252_declared, accepted=True),
    Case("csv-whitespace", "lcs", "spaces around every value", _whitespace, accepted=True),
    Case("csv-reordered-extra", "lcs", "columns in another order, plus an extra column", _reorder_and_extra,
         accepted=True),
]


def markdown(cases: list[Case]) -> str:
    """The table for docs/bad_input_corpus.md."""
    lines = ["| case | source | input | answer |", "|---|---|---|---|"]
    for case in cases:
        if case.accepted and case.warning:
            answer = f"accepted, same figures; warning check `{case.warning}`: " + "; ".join(case.expect)
        elif case.accepted:
            answer = "accepted, same figures"
        else:
            answer = "rejected, nothing written: " + "; ".join(f"“{part}”" for part in case.expect)
        lines.append(f"| `{case.id}` | {case.source} | {case.what} | {answer} |")
    return "\n".join(lines)


# -- workbooks -------------------------------------------------------------------------------------

def _edit_plan(edit: Callable) -> Callable[[Path], None]:
    """Change the September 2019 delivery plan with openpyxl and save it where it was."""

    def damage(folder: Path) -> None:
        from openpyxl import load_workbook

        path = folder / PLAN
        book = load_workbook(path)
        edit(book)
        book.save(path)

    return damage


def _brag_cells(sheet):
    header_row, column = next(
        (cell.row, cell.column) for row in sheet.iter_rows() for cell in row
        if isinstance(cell.value, str) and cell.value.strip().upper() == "BRAG"
    )
    return [sheet.cell(r, column) for r in range(header_row + 1, sheet.max_row + 1) if sheet.cell(r, column).value]


def _bad_brag(book) -> None:
    _brag_cells(book.worksheets[0])[0].value = "Purple"


def _brag_formula(book) -> None:
    _brag_cells(book.worksheets[0])[0].value = '=IF(TRUE,"Green","Red")'


def _drop_brag_header(book) -> None:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip().upper() == "BRAG":
                    cell.value = None


def _header_lower(book) -> None:
    """Move the whole first sheet down 7 rows, merged ranges included (openpyxl's insert_rows leaves merges behind)."""
    sheet = book.worksheets[0]
    merged = [str(r) for r in sheet.merged_cells.ranges]
    for reference in merged:
        sheet.unmerge_cells(reference)
    sheet.move_range(sheet.dimensions, rows=7)
    for reference in merged:
        low, high = reference.split(":")
        shift = lambda ref: "".join(c for c in ref if c.isalpha()) + str(int("".join(c for c in ref if c.isdigit())) + 7)  # noqa: E731
        sheet.merge_cells(f"{shift(low)}:{shift(high)}")


def _extra_sheet(book) -> None:
    book.create_sheet("Notes", 0)["A1"] = "Updated by the Project Manager before each Board"
    book.create_sheet("Chart data")["B2"] = 42


def _corrupt(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(b"PK\x03\x04" + b"\x00" * 64 + b"not a workbook")


def _password(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        from cpb_pipeline_tests.iro.helpers import write_encrypted_workbook

        write_encrypted_workbook(folder / name)

    return damage


def _undated(folder: Path) -> None:
    (folder / PLAN).rename(folder / "Corporate Parenting Delivery Plan latest.xlsx")


ACTION_PLAN_CASES = [
    Case("ap-bad-brag", "action_plan", "a BRAG that is not Blue, Red, Amber or Green", _edit_plan(_bad_brag),
         (PLAN, "sheet 'Delivery Plan'", "BRAG", "Purple")),
    Case("ap-missing-column", "action_plan", "the BRAG column is missing", _edit_plan(_drop_brag_header),
         (PLAN, "sheet 'Delivery Plan'", "lacks required column(s): BRAG")),
    Case("ap-formula-without-result", "action_plan", "a BRAG cell is a formula Excel never calculated",
         _edit_plan(_brag_formula), (PLAN, "sheet 'Delivery Plan'", "formula with no saved result")),
    Case("ap-corrupt", "action_plan", "a corrupt workbook", _corrupt(PLAN), (PLAN, "corrupt")),
    Case("ap-password", "action_plan", "a password-protected workbook", _password(PLAN), (PLAN, "password-protected")),
    Case("ap-no-date-in-name", "action_plan", "a workbook whose name has no snapshot date", _undated,
         ("Corporate Parenting Delivery Plan latest.xlsx", "must contain the snapshot date")),
    Case("ap-header-moved", "action_plan", "the header row moved further down the sheet", _edit_plan(_header_lower),
         accepted=True),
    Case("ap-extra-sheets", "action_plan", "extra sheets before and after the plan", _edit_plan(_extra_sheet),
         accepted=True),
]


def _edit_iro(edit: Callable) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        from openpyxl import load_workbook

        path = folder / f"iro_statistics_{MONTH}.xlsx"
        book = load_workbook(path)
        edit(book)
        book.save(path)

    return damage


def _remove_staffing(book) -> None:
    del book["Staffing"]


def _drop_locality(book) -> None:
    sheet = book["Challenges"]
    column = next(c.column for c in sheet[1] if c.value == "locality")
    sheet.delete_cols(column)


def _iro_header_down(book) -> None:
    book["Challenges"].insert_rows(1, amount=2)


def _iro_cell(column: str, value) -> Callable:
    def edit(book) -> None:
        sheet = book["Challenges"]
        index = next(c.column for c in sheet[1] if c.value == column)
        sheet.cell(2, index).value = value

    return edit


def _iro_formula(book) -> None:
    sheet = book["Staffing"]
    sheet["C2"] = "=3000+300"


def _iro_extra_sheets(book) -> None:
    book.create_sheet("Read me", 0)["A1"] = "Saved by the IRO service at month end"
    book.create_sheet("Pivot")["A1"] = "by locality"


IRO = f"iro_statistics_{MONTH}.xlsx"

IRO_CASES = [
    Case("iro-missing-sheet", "iro", "the Staffing sheet is missing", _edit_iro(_remove_staffing),
         (IRO, "Staffing", "sheet is missing")),
    Case("iro-missing-column", "iro", "a required column is missing", _edit_iro(_drop_locality),
         (IRO, "sheet 'Challenges' row 1", "column locality", "missing")),
    Case("iro-header-moved", "iro", "the header row is not row 1", _edit_iro(_iro_header_down),
         (IRO, "sheet 'Challenges' row 1", "header must be in row 1", "it is in row 3")),
    Case("iro-bad-code", "iro", "a challenge type outside PR, MA", _edit_iro(_iro_cell("challenge_type", "XX")),
         (IRO, "sheet 'Challenges' row 2", "column challenge_type")),
    Case("iro-bad-date", "iro", "a raised date that is not a date", _edit_iro(_iro_cell("raised_date", "soon")),
         (IRO, "sheet 'Challenges' row 2", "column raised_date")),
    Case("iro-corrupt", "iro", "a corrupt workbook", _corrupt(IRO), (IRO, "corrupt")),
    Case("iro-password", "iro", "a password-protected workbook", _password(IRO), (IRO, "password")),
    Case("iro-missing-workbook", "iro", "the month's workbook was not saved", lambda folder: (folder / IRO).unlink(),
         (IRO, "missing")),
    Case("iro-formula-without-result", "iro", "a Staffing value is a formula Excel never calculated",
         _edit_iro(_iro_formula), (IRO, "sheet 'Staffing' row 2", "column children_allocated", "formula")),
    Case("iro-extra-sheets", "iro", "extra sheets beside Challenges and Staffing", _edit_iro(_iro_extra_sheets),
         accepted=True),
]


# -- configuration ---------------------------------------------------------------------------------

def _profile_edit(old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: rewrite(folder / "authority.yaml", lambda t: t.replace(old, new, 1))


CONFIG_CASES = [
    Case("cfg-missing-key", "config", "other_area is missing", _profile_edit("other_area: Other areas\n", ""),
         ("authority.yaml", "key other_area", "required key is missing")),
    Case("cfg-bad-path", "config", "a path names a folder that does not exist",
         _profile_edit("reference: reference", "reference: nowhere"),
         ("authority.yaml", "line", "key paths.reference", "does not exist")),
    Case("cfg-negative-population", "config", "a child population below zero",
         _profile_edit("count: 20000", "count: -20000"),
         ("authority.yaml", "line", "key child_population.1.count", "greater than 0")),
    Case("cfg-population-order", "config", "population entries out of date order",
         _profile_edit("2019-07-01", "2017-07-01"),
         ("authority.yaml", "key child_population", "increasing order")),
    Case("cfg-population-date", "config", "a population date that is not a date",
         _profile_edit("2019-07-01", "2019-07-32"),
         ("authority.yaml", "line", "key child_population.1.effective_from")),
    Case("cfg-wrong-type", "config", "districts given as text, not a list",
         _profile_edit("districts: [Lancaster, Preston]", "districts: Lancaster"),
         ("authority.yaml", "line", "key districts", "valid list")),
    Case("cfg-unknown-key", "config", "a misspelt key", _profile_edit("other_area:", "other_areas:"),
         ("authority.yaml", "key other_areas", "unknown key")),
    Case("cfg-not-yaml", "config", "the file is not YAML", lambda folder: (folder / "authority.yaml").write_text("a: [\n b"),
         ("authority.yaml", "line", "not valid YAML")),
    Case("cfg-no-key", "config", "a real authority's profile with no CPB_PSEUDONYM_KEY set",
         _profile_edit("demo: true", "demo: false"), ("CPB_PSEUDONYM_KEY is not set",)),
]

ALL_CASES = [*LCS_CASES, *ACTION_PLAN_CASES, *IRO_CASES, *CONFIG_CASES]


if __name__ == "__main__":
    print(markdown(ALL_CASES))
