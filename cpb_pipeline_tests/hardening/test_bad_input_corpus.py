"""Every case of the bad-input corpus: a clear message, nothing lost; accepted variants give the same figures."""

import re
import shutil
import subprocess
import sys

import pytest

from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.runs import failure_lines
from cpb_pipeline_tests.conftest import PROFILE, Authority, _demo_action_plan
from cpb_pipeline_tests.hardening.cli import env_for
from cpb_pipeline_tests.hardening.corpus import ALL_CASES, MONTH, markdown

KEPT = {  # what a rejected input of each source must leave exactly as it was
    "lcs": ("staging.ssd_person", "staging.ssd_cla_episodes", "staging.ssd_cla_health", "marts.indicator_monthly"),
    "iro": ("staging.iro_challenges", "staging.iro_staffing", "marts.indicator_monthly"),
    "action_plan": ("marts.action_plan_actions", "marts.action_plan_summary"),
    "config": ("staging.ssd_person", "staging.iro_challenges", "marts.action_plan_actions", "marts.indicator_monthly"),
}
FIGURES = "SELECT * FROM marts.indicator_monthly ORDER BY ALL"

pytestmark = pytest.mark.spread  # each case runs a real job; the baseline, one month, is cheap beside them


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        authority = Authority(tmp_path_factory.mktemp("corpus"), patch)
        _reset(authority)
        assert authority.run(MONTH, outputs=False).success
        yield authority, authority.query(FIGURES), authority.query("SELECT count(*) AS n FROM marts.action_plan_actions")


def _reset(authority):
    authority.write_month(MONTH)
    for workbook in authority.root.joinpath("action_plan").iterdir():
        workbook.unlink()
    for workbook in _demo_action_plan():
        shutil.copy(workbook, authority.root / "action_plan" / workbook.name)
    authority.profile_path.write_text(PROFILE.format(demo="true"))


def _state(authority, source):
    return {table: authority.query(f"SELECT * FROM {table} ORDER BY ALL") for table in KEPT[source]}


def _folder(authority, source):
    return {
        "lcs": authority.root / "lcs" / MONTH,
        "action_plan": authority.root / "action_plan",
        "iro": authority.root / "iro",
        "config": authority.root,
    }[source]


PIPELINE_CASES = [c for c in ALL_CASES if c.source != "config"]
CONFIG_CASES = [c for c in ALL_CASES if c.source == "config"]


@pytest.mark.parametrize("case", PIPELINE_CASES, ids=lambda c: c.id)
def test_input_case(baseline, case):
    authority, figures, actions = baseline
    _reset(authority)
    before = _state(authority, case.source)
    case.damage(_folder(authority, case.source))
    result = authority.run(MONTH, outputs=False)
    if case.accepted:
        assert result.success, failure_lines(result.all_events)
        assert authority.query(FIGURES).equals(figures)
        assert authority.query("SELECT count(*) AS n FROM marts.action_plan_actions").equals(actions)
        if case.warning:
            flagged = [
                e.event_specific_data for e in result.all_events
                if e.event_type_value == "ASSET_CHECK_EVALUATION"
                and e.event_specific_data.check_name == case.warning and not e.event_specific_data.passed
            ]
            assert flagged, f"{case.warning} did not report the case"
            described = " ".join(str(w.description) for w in flagged)
            for part in case.expect:
                assert part in described, described
        return
    assert not result.success
    message = "\n".join(failure_lines(result.all_events))
    for part in case.expect:
        assert part in message, message
    assert "Traceback" not in message
    for table, frame in before.items():
        assert authority.query(f"SELECT * FROM {table} ORDER BY ALL").equals(frame), table


@pytest.mark.parametrize("case", CONFIG_CASES, ids=lambda c: c.id)
def test_config_case(baseline, case):
    authority, _, _ = baseline
    _reset(authority)
    before = _state(authority, case.source)
    case.damage(_folder(authority, case.source))
    env = env_for(authority)
    env.pop("CPB_PSEUDONYM_KEY", None)
    done = subprocess.run(
        [sys.executable, "-m", "cpb_pipeline", "refresh", "--month", MONTH],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 2
    for part in case.expect:
        assert part in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    for table, frame in before.items():
        assert authority.query(f"SELECT * FROM {table} ORDER BY ALL").equals(frame), table


def test_the_corpus_has_forty_cases_across_every_source():
    sources = {c.source for c in ALL_CASES}
    assert len(ALL_CASES) >= 40 and sources == {"lcs", "action_plan", "iro", "config"}


def test_every_case_is_in_the_docs_table():
    table = (REPO_ROOT / "docs" / "bad_input_corpus.md").read_text()
    assert markdown(ALL_CASES) in table, "regenerate the table with: python -m cpb_pipeline_tests.hardening.corpus"
    assert set(re.findall(r"^\| `([a-z0-9-]+)` \|", table, re.M)) == {c.id for c in ALL_CASES}
