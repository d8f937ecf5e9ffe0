"""The authority profile is validated on load; every problem names the file, the line, the key and the rule."""

import datetime as dt

import pytest

from cpb_pipeline.domain.errors import ConfigError
from cpb_pipeline.domain.profile import DEFAULT_PROFILE, load_profile

GOOD = """authority:
  name: Testshire
  la_code: "999"
  region: North West
child_population:
  - effective_from: 2018-04-01
    count: 10000
  - effective_from: 2019-07-01
    count: 20000
districts: [Lancaster, Preston]
other_area: Other areas
paths:
  lcs_extracts: lcs
  iro_statistics: iro
  action_plan: ap
  reference: ref
  warehouse: wh/cpb.duckdb
  outputs: out
first_month: 2018-04
"""


@pytest.fixture
def folder(tmp_path):
    for name in ("lcs", "iro", "ap", "ref"):
        (tmp_path / name).mkdir()
    return tmp_path


def _load(folder, text):
    path = folder / "authority.yaml"
    path.write_text(text)
    return load_profile(path)


def _error(folder, text) -> str:
    with pytest.raises(ConfigError) as raised:
        _load(folder, text)
    return str(raised.value)


def test_demo_profile_loads_with_paths_relative_to_its_folder():
    profile = load_profile(DEFAULT_PROFILE, require_inputs=False)
    assert profile.paths.warehouse == DEFAULT_PROFILE.parent / "warehouse" / "cpb.duckdb"
    assert profile.areas[-1] == "Other Service Areas" and len(profile.districts) == 15
    assert profile.population_at(dt.date(2019, 6, 30)) == 247860
    assert profile.population_at(dt.date(2019, 7, 31)) == 249600


def test_good_profile(folder):
    profile = _load(folder, GOOD)
    assert profile.paths.lcs_extracts == folder / "lcs"
    assert profile.publication.suppress_counts_to == 5


def test_missing_key(folder):
    message = _error(folder, GOOD.replace("other_area: Other areas\n", ""))
    assert "authority.yaml" in message and "key other_area: required key is missing" in message


def test_wrong_type(folder):
    assert "line 10, key districts: Input should be a valid list" in _error(folder, GOOD.replace("[Lancaster, Preston]", "Lancaster"))


def test_missing_folder(folder):
    message = _error(folder, GOOD.replace("reference: ref", "reference: nowhere"))
    assert "line 16, key paths.reference: folder" in message and "does not exist" in message


@pytest.mark.parametrize(
    "change, expected",
    [
        (("count: 20000", "count: -1"), "line 9, key child_population.1.count: Input should be greater than 0"),
        (("2019-07-01", "2017-07-01"), "effective_from dates must be in increasing order"),
        (("2019-07-01", "2019-13-01"), "line 8, key child_population.1.effective_from"),
        (("count: 10000", "count: lots"), "line 7, key child_population.0.count: Input should be a valid integer"),
    ],
)
def test_bad_population_entries(folder, change, expected):
    assert expected in _error(folder, GOOD.replace(*change))


def test_population_before_the_first_entry_is_an_error(folder):
    with pytest.raises(ConfigError, match="no entry is effective at 2018-03-31"):
        _load(folder, GOOD).population_at(dt.date(2018, 3, 31))


def test_unknown_key_and_duplicate_district(folder):
    assert "key other_areas: unknown key" in _error(folder, GOOD.replace("other_area:", "other_areas:"))
    assert "'Preston' is listed twice" in _error(folder, GOOD.replace("[Lancaster, Preston]", "[Preston, Preston]"))


def test_not_yaml_and_no_file(folder, monkeypatch):
    assert "line 2" in _error(folder, "authority: [\n  :: bad")
    monkeypatch.setenv("CPB_CONFIG", str(folder / "missing.yaml"))
    with pytest.raises(ConfigError, match="authority profile not found"):
        load_profile()


def test_the_region_must_be_one_of_the_nine_english_regions(folder):
    message = _error(folder, GOOD.replace("region: North West", "region: Northwest England"))
    assert "authority.yaml" in message and "line 4, key authority.region" in message
    for region in ("North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
                   "East of England", "London", "South East", "South West"):
        assert region in message, region


def test_a_region_is_read_whatever_its_case_and_named_as_the_nine_are(folder):
    profile = _load(folder, GOOD.replace("region: North West", "region: yorkshire and the  humber"))
    assert profile.authority.region == "Yorkshire and The Humber"
    assert profile.comparators == ("Yorkshire and The Humber", "England", "Statistical neighbours")


def test_statistical_neighbours_are_optional_names(folder):
    assert _load(folder, GOOD).authority.statistical_neighbours == []
    listed = GOOD.replace("  region: North West\n", "  region: North West\n  statistical_neighbours: [Kirkton, Fenwold]\n")
    assert _load(folder, listed).authority.statistical_neighbours == ["Kirkton", "Fenwold"]


def test_extract_encoding_is_utf_8_unless_the_profile_says(folder):
    assert _load(folder, GOOD).extract_encoding == "utf-8"


@pytest.mark.parametrize(
    "written, name",
    [("windows-1252", "cp1252"), ("cp1252", "cp1252"), ("Windows-1252", "cp1252"), ("UTF8", "utf-8"),
     ("utf-8-sig", "utf-8"), ("latin-1", "iso8859-1"), ("utf-16", "utf-16")],
)
def test_extract_encoding_takes_any_python_codec_name_under_one_spelling(folder, written, name):
    assert _load(folder, GOOD + f"extract_encoding: {written}\n").extract_encoding == name


@pytest.mark.parametrize("written", ["windows-1252x", "ansi", "base64", "rot13", '""'])
def test_extract_encoding_that_is_not_a_text_encoding(folder, written):
    message = _error(folder, GOOD + f"extract_encoding: {written}\n")
    assert "authority.yaml: line 20, key extract_encoding: " in message
    assert "is not a text encoding Python knows (for example utf-8 or windows-1252)" in message


def test_extract_encoding_must_be_text(folder):
    assert "line 20, key extract_encoding: Input should be a valid string" in _error(folder, GOOD + "extract_encoding: 1252\n")


def test_targets_are_optional_numbers_by_judged_indicator(folder):
    assert _load(folder, GOOD).targets == {}
    targets = GOOD + "targets:\n  cla_health_assessment: 90\n  iro_caseload: 55.5\n"
    assert _load(folder, targets).targets == {"cla_health_assessment": 90.0, "iro_caseload": 55.5}


@pytest.mark.parametrize(
    "target, expected",
    [
        ("cla_health: 90", "line 21, key targets.cla_health: 'cla_health' is not an indicator id"),
        ("cla: 1800", "line 21, key targets.cla: 'cla' is contextual"),
        ("cla_health_assessment: ninety", "line 21, key targets.cla_health_assessment: Input should be a valid number"),
        ("cla_health_assessment: .nan", "line 21, key targets.cla_health_assessment: Input should be a finite number"),
    ],
)
def test_a_bad_target_names_the_file_the_line_and_the_key(folder, target, expected):
    message = _error(folder, GOOD + f"targets:\n  {target}\n")
    assert "authority.yaml" in message and expected in message
