"""The delivery sensor, the backstop schedule and the freshness check, on a throwaway authority."""

import datetime as dt
import os
import time

import dagster as dg

from cpb_pipeline.automation.definitions import backstop_request, freshness_result, lcs_delivery_sensor
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.runtime.resources import CpbResource

D = dt.date


def _context(authority):
    return dg.build_sensor_context(instance=authority.instance,
                                   resources={"cpb": CpbResource(profile_path=str(authority.profile_path))})


def _deliver(authority, month):
    folder = authority.write_month(month)
    workbook = authority.root / "iro" / f"iro_statistics_{month}.xlsx"
    workbook.write_bytes(b"placeholder: only presence matters to the sensor")
    return folder


def _requests(authority):
    result = lcs_delivery_sensor(_context(authority))
    return result if isinstance(result, list) else []


def test_sensor_launches_a_complete_month_and_again_when_it_is_redelivered(authority):
    folder = _deliver(authority, "2019-08")
    (authority.root / "lcs" / "2019-09").mkdir()  # an incomplete month: nothing yet
    [first] = _requests(authority)
    assert first.partition_key == "2019-08" and first.run_key.startswith("2019-08:")
    [again] = _requests(authority)
    assert again.run_key == first.run_key  # same files, same key: Dagster will not launch it twice

    path = folder / "ssd_cla_episodes.csv"
    path.write_text(path.read_text())
    later = time.time() + 5
    os.utime(path, (later, later))
    [redelivered] = _requests(authority)
    assert redelivered.partition_key == "2019-08" and redelivered.run_key != first.run_key


def test_sensor_skips_incomplete_months(authority):
    folder = authority.write_month("2019-08")
    (folder / "ssd_cp_reviews.csv").unlink()
    result = lcs_delivery_sensor(_context(authority))
    assert isinstance(result, dg.SkipReason)


def test_backstop_refreshes_on_its_day_and_says_what_is_missing(authority):
    assert "not the second working day" in backstop_request(authority.instance, load_profile(authority.profile_path), D(2019, 9, 2)).skip_message
    folder = _deliver(authority, "2019-08")
    (folder / "ssd_cla_health.csv").unlink()
    skip = backstop_request(authority.instance, load_profile(authority.profile_path), D(2019, 9, 3))
    assert isinstance(skip, dg.SkipReason)
    assert "missing 2019-08/ssd_cla_health.csv" in skip.skip_message
    authority.write_month("2019-08")
    request = backstop_request(authority.instance, load_profile(authority.profile_path), D(2019, 9, 3))
    assert isinstance(request, dg.RunRequest) and request.partition_key == "2019-08"


def test_freshness_turns_red_after_the_fifth_working_day(authority):
    due = freshness_result(authority.instance, dt.datetime(2019, 9, 6, 16, tzinfo=dt.timezone.utc))
    assert due.passed and "due by the end of Fri 06 Sep 2019" in due.description
    late = freshness_result(authority.instance, dt.datetime(2019, 9, 9, 8, tzinfo=dt.timezone.utc))
    assert not late.passed and late.severity == dg.AssetCheckSeverity.ERROR


def test_freshness_passes_once_the_month_is_published(authority):
    authority.instance.report_runless_asset_event(
        dg.AssetMaterialization(asset_key=["warehouse", "published"], partition="2019-08")
    )
    late = freshness_result(authority.instance, dt.datetime(2019, 9, 9, 8, tzinfo=dt.timezone.utc))
    assert late.passed
