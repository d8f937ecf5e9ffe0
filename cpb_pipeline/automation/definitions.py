"""The monthly refresh runs itself: a sensor on deliveries, a backstop schedule and a freshness check.

- The sensor launches a month's refresh as soon as its inputs are complete; the
  run key carries the files' fingerprint, so a re-delivered extract runs again.
- The backstop schedule runs at 07:00 (Europe/London) every day and acts only
  on the second working day after a month end: it refreshes that month if the
  sensor has not, or skips and says which files are missing.
- The freshness check turns red when the latest month is still not
  materialised after the fifth working day; a schedule evaluates it twice a day.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from cpb_pipeline.automation.deliveries import delivered_months, delivery
from cpb_pipeline.domain.calendar import backstop_month, fresh_deadline, previous_month
from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import PUBLISHED_WAREHOUSE as PUBLISHED
from cpb_pipeline.jobs import FRESHNESS_CHECK, MONTHLY_REFRESH
from cpb_pipeline.runtime.partitions import monthly_partitions
from cpb_pipeline.runtime.resources import CpbResource

LONDON = "Europe/London"


def refreshed_since_delivery(instance: dg.DagsterInstance, month: str, delivered_at: float) -> bool:
    """True if the month's warehouse was published after its newest input file was written."""
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=PUBLISHED, asset_partitions=[month]), limit=1
    ).records
    return bool(records) and records[0].timestamp >= delivered_at


@dg.sensor(
    job_name=MONTHLY_REFRESH,
    minimum_interval_seconds=300,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Launches a month's refresh when its LCS extract folder and IRO workbook are complete.",
)
def lcs_delivery_sensor(context: dg.SensorEvaluationContext, cpb: CpbResource):
    profile = cpb.profile
    known = set(monthly_partitions(profile.first_month).get_partition_keys())
    requests = []
    for month in delivered_months(profile):
        if month not in known:
            continue
        found = delivery(profile, month)
        if not found.complete or refreshed_since_delivery(context.instance, month, found.newest_mtime):
            continue
        requests.append(dg.RunRequest(run_key=f"{month}:{found.fingerprint()}", partition_key=month))
    if not requests:
        return dg.SkipReason("no new or re-delivered complete month")
    return requests


@dg.schedule(
    job_name=MONTHLY_REFRESH,
    cron_schedule="0 7 * * *",
    execution_timezone=LONDON,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Backstop: at 07:00 on the second working day after month end (England and Wales bank "
    "holidays excluded), refresh the month if the sensor has not; otherwise skip and say why.",
)
def backstop_schedule(context: dg.ScheduleEvaluationContext, cpb: CpbResource):
    now = context.scheduled_execution_time or dt.datetime.now(dt.timezone.utc)
    return backstop_request(context.instance, cpb.profile, now.astimezone(ZoneInfo(LONDON)).date())


def backstop_request(instance: dg.DagsterInstance, profile: Profile, today: dt.date) -> dg.RunRequest | dg.SkipReason:
    month = backstop_month(today)
    if month is None:
        return dg.SkipReason(f"{today:%a %d %b %Y} is not the second working day after a month end")
    found = delivery(profile, month)
    if not found.complete:
        return dg.SkipReason(f"{month} cannot be refreshed yet: missing {found.describe_missing()}")
    if refreshed_since_delivery(instance, month, found.newest_mtime):
        return dg.SkipReason(f"{month} was already refreshed after its files were delivered")
    return dg.RunRequest(run_key=f"backstop:{month}:{found.fingerprint()}", partition_key=month)


@dg.asset_check(
    asset=FRESHNESS_CHECK.asset_key,
    name=FRESHNESS_CHECK.name,
    description="Fails when the last completed month is not published by the end of the fifth working day "
    "after its month end.",
)
def latest_month_fresh(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
    return freshness_result(context.instance, dt.datetime.now(dt.timezone.utc))


def freshness_result(instance: dg.DagsterInstance, now: dt.datetime) -> dg.AssetCheckResult:
    today = now.astimezone(ZoneInfo(LONDON)).date()
    month = previous_month(today)
    deadline = fresh_deadline(month)
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=PUBLISHED, asset_partitions=[month]), limit=1
    ).records
    metadata = {"month": month, "deadline": deadline.isoformat()}
    if records:
        return dg.AssetCheckResult(passed=True, metadata=metadata, description=f"{month} is published")
    late = today > deadline
    return dg.AssetCheckResult(
        passed=not late,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata=metadata,
        description=(
            f"{month} is not published and was due by the end of {deadline:%a %d %b %Y}"
            if late else f"{month} not yet published; due by the end of {deadline:%a %d %b %Y}"
        ),
    )


freshness_job = dg.define_asset_job(
    "freshness_check", selection=dg.AssetSelection.checks(latest_month_fresh), executor_def=dg.in_process_executor
)

freshness_schedule = dg.ScheduleDefinition(
    job=freshness_job,
    cron_schedule="0 9,17 * * *",
    execution_timezone=LONDON,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Evaluates the freshness check at 09:00 and 17:00.",
)
