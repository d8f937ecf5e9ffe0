"""Any council, any region: no authority, region or district name is written into the production code.

Names belong in an authority's profile and files (`data/`), the demo package and the tests. The one
exception is the list of the nine English regions that profiles are checked against.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cpb_pipeline.demo.synthetic import READY_MADE, generated_authorities
from cpb_pipeline.domain.profile import REPO_ROOT

PACKAGE = REPO_ROOT / "cpb_pipeline"
SKIPPED = (PACKAGE / "demo",)
REGION_LIST = PACKAGE / "domain" / "regions.py"
REGIONS = ("North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West")  # fmt: skip
NOT_A_PLACE = ("Europe/London",)  # a time zone


def _names() -> set[str]:
    demo = yaml.safe_load((REPO_ROOT / "data" / "authority.yaml").read_text())
    names = {demo["authority"]["name"], *demo["districts"]}
    for authority in (*READY_MADE, *generated_authorities(10)):
        names |= {authority.name, *authority.districts, *authority.statistical_neighbours}
    return names


def _sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".sql", ".yaml", ".yml")
            and not any(skip in p.parents for skip in SKIPPED)]  # fmt: skip


def _found(text: str, names: set[str]) -> list[str]:
    for harmless in NOT_A_PLACE:
        text = text.replace(harmless, "")
    return sorted(n for n in names if re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text))


def test_no_authority_or_district_name_in_production_code():
    names = _names()
    assert len(names) > 40  # the scan knows every demo authority's names
    found = {str(p.relative_to(REPO_ROOT)): hits for p in _sources() if (hits := _found(p.read_text(), names))}
    assert found == {}


def test_no_region_name_outside_the_list_of_regions():
    found = {
        str(p.relative_to(REPO_ROOT)): hits
        for p in _sources() if p != REGION_LIST and (hits := _found(p.read_text(), set(REGIONS)))
    }
    assert found == {}
