"""A file not in the profile's extract_encoding is refused by file, row, column and rule, with the key to set."""

import pytest

from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, write_extract

UTF_8 = "text must be UTF-8"
CP1252 = "text must be cp1252, the extract_encoding the authority profile declares"
SET = "set extract_encoding in the authority profile"


def _finding(tmp_path, table, data: bytes, encoding="utf-8"):
    """The one finding of `table` when its file holds `data` and the rest of the extract is as usual."""
    folder = write_extract(tmp_path / "2019-08", minimal_extract())
    (folder / f"{table}.csv").write_bytes(data)
    outcome = next(o for o in load_extract(folder, "2019-08", load_key(demo=True), encoding).outcomes
                   if o.table == table and o.name == "valid")  # fmt: skip
    [finding] = outcome.findings
    return finding


def _file(tmp_path, table, edit) -> str:
    """The file as the minimal extract writes it, with `edit(rows)` applied to its rows (header first)."""
    tables = minimal_extract()
    edit(tables[table])
    folder = write_extract(tmp_path / "written", {table: tables[table]})
    return (folder / f"{table}.csv").read_text(encoding="utf-8")


def test_windows_1252_without_the_key_names_row_column_and_the_key_to_set(tmp_path):
    text = _file(tmp_path, "ssd_department", lambda rows: rows[2].update(dept_team_name="Youth Justice – Côte"))
    finding = _finding(tmp_path, "ssd_department", text.encode("cp1252"))
    assert finding.describe() == (
        "2019-08/ssd_department.csv row 4, column dept_team_name: text must be UTF-8 (byte 0x96 is not UTF-8; "
        f"the file looks saved as Windows-1252: {SET} (for example windows-1252), or save the file as UTF-8)"
    )


def test_rows_count_records_so_a_line_break_inside_quotes_does_not_shift_them(tmp_path):
    def edit(rows):
        rows[0]["pers_forename"] = "Amy\nLouise"
        rows[1]["pers_ethnicity"] = "WBRI é"

    finding = _finding(tmp_path, "ssd_person", _file(tmp_path, "ssd_person", edit).encode("cp1252"))
    assert (finding.rows, finding.column, finding.rule) == ((3,), "pers_ethnicity", UTF_8)


def test_a_byte_in_the_header_row_is_said_to_be_there(tmp_path):
    def edit(rows):
        for row in rows:
            row["cppl_notés"] = ""

    text = _file(tmp_path, "ssd_cp_plans", edit)
    finding = _finding(tmp_path, "ssd_cp_plans", text.encode("cp1252"))
    assert (finding.rows, finding.column, finding.rule) == ((1,), None, UTF_8)
    assert finding.detail.startswith("byte 0xe9 in the header row is not UTF-8; the file looks saved as Windows-1252")


def test_a_byte_beyond_the_headers_columns(tmp_path):
    text = _file(tmp_path, "ssd_cp_plans", lambda rows: None).replace("NEG,NEG", "NEG,NEG,é", 1)
    finding = _finding(tmp_path, "ssd_cp_plans", text.encode("cp1252"))
    assert (finding.rows, finding.column) == ((2,), None)
    assert finding.detail.startswith("byte 0xe9, in field 7 of a row longer than the header's 6 columns, is not UTF-8")


def test_a_byte_windows_1252_does_not_define_names_the_declared_encoding(tmp_path):
    text = _file(tmp_path, "ssd_person", lambda rows: rows[1].update(pers_surname="Sample"))
    data = text.encode("cp1252").replace(b"Sample", b"Sa\x81mple")
    finding = _finding(tmp_path, "ssd_person", data, "cp1252")
    assert finding.describe() == (
        f"2019-08/ssd_person.csv row 3, column pers_surname: {CP1252} (byte 0x81 is not cp1252: "
        f"save the file as cp1252, or {SET} to the encoding it is saved in)"
    )


def test_neither_utf_8_nor_windows_1252(tmp_path):
    text = _file(tmp_path, "ssd_person", lambda rows: None)
    finding = _finding(tmp_path, "ssd_person", text.encode().replace(b"Sample", b"Sa\x8dmple"))
    assert finding.describe() == (
        f"2019-08/ssd_person.csv row 3, column pers_surname: {UTF_8} (byte 0x8d is not UTF-8: "
        f"save the file as UTF-8, or {SET} to the encoding it is saved in)"
    )


def test_a_utf_8_file_declared_windows_1252_is_not_read_as_mojibake(tmp_path):
    text = _file(tmp_path, "ssd_department", lambda rows: rows[2].update(dept_team_name="Youth Justice – Côte"))
    finding = _finding(tmp_path, "ssd_department", text.encode(), "cp1252")
    assert finding.describe() == (
        f"2019-08/ssd_department.csv row 4, column dept_team_name: {CP1252} (byte 0xe2 begins a UTF-8 character; "
        f"the file looks saved as UTF-8: {SET} to utf-8)"
    )


@pytest.mark.parametrize("encoding, rule", [("utf-8", UTF_8), ("cp1252", CP1252)])
def test_a_utf_16_file(tmp_path, encoding, rule):
    text = _file(tmp_path, "ssd_person", lambda rows: None)
    finding = _finding(tmp_path, "ssd_person", text.encode("utf-16"), encoding)
    assert (finding.rows, finding.column, finding.rule) == ((1,), None, rule)
    assert finding.detail.startswith("byte 0xff in the header row ")
    assert finding.detail.endswith(f"the file looks saved as UTF-16: {SET} (for example utf-16), or save the file as UTF-8")
