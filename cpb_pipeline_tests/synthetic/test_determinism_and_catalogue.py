"""Same authority and seed, same bytes; generated authorities are distinct, fictional and spread over regions."""

from __future__ import annotations

from cpb_pipeline.demo.synthetic import READY_MADE, REGIONS, generated_authorities, write_authority
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.lcs.extract import load_extract

REAL_LOOKALIKES = {  # real councils and districts close to names used here
    "Marlow", "Fenland", "Tandridge", "Tonbridge and Malling", "Wealden", "Sedgefield", "Amber Valley",
    "Elmbridge", "Ashfield", "Kingswood", "Eastleigh", "North Norfolk", "Breckland",
}


def test_same_seed_same_bytes(written, tmp_path):
    authority, path = written
    again = write_authority(authority, tmp_path).parent
    first = path.parent
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(files) == 1 + 1 + 10 * 5 + 5 + 1
    assert sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file()) == files
    for name in files:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name


def test_generated_authorities():
    ten = generated_authorities(10)
    assert [a.name for a in ten] == [a.name for a in generated_authorities(10)]
    names = [a.name for a in ten] + [a.name for a in READY_MADE]
    assert len(set(names)) == len(names)
    assert len({a.la_code for a in ten} | {a.la_code for a in READY_MADE}) == 12
    assert all(int(a.la_code) >= 950 for a in [*ten, *READY_MADE])
    assert {a.region for a in ten} == set(REGIONS)
    every_name = set(names) | {d for a in [*ten, *READY_MADE] for d in a.districts}
    assert not every_name & REAL_LOOKALIKES


def test_a_generated_authority_loads(tmp_path):
    authority = generated_authorities(3, first_month="2019-07", last_month="2019-08")[2]
    profile = load_profile(write_authority(authority, tmp_path))
    assert profile.districts == list(authority.districts)
    for month in ("2019-07", "2019-08"):
        extract = load_extract(profile.paths.lcs_extracts / month, month, load_key(demo=True))
        try:
            assert extract.blocking_failures() == [], month
        finally:
            extract.close()
