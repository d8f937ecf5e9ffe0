"""Operator commands: `python -m cpb_pipeline refresh|backfill|demo-data|demo|fictional-authority|ui`.

Runs go through the Dagster instance in DAGSTER_HOME, so every refresh shows in
the UI beside the scheduled ones. The console gets a short, plain account: on
failure, the failing step and its message (file, row, column and rule for bad
input), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from cpb_pipeline.domain.calendar import months_between, parse_month
from cpb_pipeline.domain.errors import ConfigError
from cpb_pipeline.domain.profile import REPO_ROOT, load_profile
from cpb_pipeline.runs import RefreshBusy
from cpb_pipeline.runtime.privacy import load_key

DEMO_LAST_MONTH = "2019-08"
"""The demo's data ends with the seed board pack's month; it starts at the demo profile's first_month."""


def ensure_dagster_home() -> Path:
    """DAGSTER_HOME, or a git-ignored `.dagster_home/` in the repository, with the project's instance settings.

    A DAGSTER_HOME without a `dagster.yaml` would run on Dagster's defaults (telemetry on, no run queue), so the
    project's settings are installed there; a `dagster.yaml` already there is the operator's and is left alone."""
    config = REPO_ROOT / "dagster.yaml"
    home = os.environ.get("DAGSTER_HOME")
    if home:
        path = Path(home)
        target = path / "dagster.yaml"
        if not target.exists():
            path.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(config, target)
            print(f"Installed the project's Dagster instance settings in {target} (telemetry off, a run queue of "
                  "one run at a time, run monitoring); edit it there to change them.", file=sys.stderr)
        return path
    path = REPO_ROOT / ".dagster_home"
    path.mkdir(exist_ok=True)
    target = path / "dagster.yaml"
    if not target.exists() or target.read_bytes() != config.read_bytes():
        shutil.copyfile(config, target)
    os.environ["DAGSTER_HOME"] = str(path)
    return path


def _check_month(month: str) -> str:
    parse_month(month)
    from cpb_pipeline.runtime.partitions import monthly_partitions

    keys = monthly_partitions(load_profile(require_inputs=False).first_month).get_partition_keys()
    if month not in keys:
        raise ValueError(f"{month} is not a month the pipeline can refresh: months run from {keys[0]} to {keys[-1]}")
    return month


def refresh(month: str, *, pdf: bool = True) -> bool:
    """Run the monthly job for one month end; print the outcome; True on success. `pdf=False` leaves the report's
    PDFs unprinted (`runtime.run_tags.PDF`)."""
    import dagster as dg

    from cpb_pipeline.definitions import definitions_for
    from cpb_pipeline.jobs import MONTHLY_REFRESH
    from cpb_pipeline.runs import LAUNCHED_BY, PID, fail_abandoned_cli_runs, failure_lines, refresh_lock
    from cpb_pipeline.runtime import run_tags

    started = time.monotonic()
    print(f"Refreshing {month} …", flush=True)
    instance = dg.DagsterInstance.get()
    with refresh_lock(load_profile().working_database):
        for run_id in fail_abandoned_cli_runs(instance):
            print(f"  (marked abandoned run {run_id[:8]} as failed: its process had ended)")
        result = definitions_for().resolve_job_def(MONTHLY_REFRESH).execute_in_process(
            partition_key=month,
            instance=instance,
            raise_on_error=False,
            run_config={"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
            tags={LAUNCHED_BY: "cli", PID: str(os.getpid()), **({} if pdf else {run_tags.PDF: run_tags.SKIP_PDF})},
        )
    seconds = time.monotonic() - started
    if result.success:
        print(f"  {month} refreshed in {seconds:.1f} s (run {result.run_id[:8]})")
        return True
    print(f"  {month} FAILED after {seconds:.1f} s (run {result.run_id[:8]}; details in the Dagster UI):", file=sys.stderr)
    for line in failure_lines(result.all_events):
        print(f"  {line}", file=sys.stderr)
    return False


def backfill(first: str, last: str) -> bool:
    months = months_between(first, last)
    for month in months:
        _check_month(month)
    for month in months:  # only the last month's report is printed: nobody reads a past month's PDF
        if not refresh(month, pdf=month == months[-1]):
            print(f"Backfill stopped at {month}; later months were not run.", file=sys.stderr)
            return False
    print(f"Backfill done: {len(months)} months, {months[0]} to {months[-1]}.")
    return True


def demo_data() -> None:
    from cpb_pipeline.demo import build_demo_inputs

    profile = load_profile(require_inputs=False)
    started = time.monotonic()
    build_demo_inputs(profile, profile.first_month, DEMO_LAST_MONTH)
    print(f"Demo inputs written under {profile.paths.lcs_extracts.parent} in {time.monotonic() - started:.1f} s")


def demo() -> bool:
    demo_data()
    ok = backfill(load_profile(require_inputs=False).first_month, DEMO_LAST_MONTH)
    profile = load_profile()
    print()
    print(f"Warehouse (open read-only in Power BI, DuckDB, Python or R): {profile.paths.warehouse}")
    print(f"Board outputs: {profile.paths.outputs}/YYYY-MM/")
    print("Dagster UI: run `make ui`, then open http://127.0.0.1:3000 (lineage at /asset-groups)")
    return ok


def fictional_authority(name: str, folder: Path) -> None:
    """Write a fictional demo authority in another region (profile, benchmarks and inputs) and say how to run it."""
    from cpb_pipeline.demo.synthetic import READY_MADE, write_authority

    authority = {a.name.lower(): a for a in READY_MADE}[name.lower()]
    profile = write_authority(authority, folder)
    print(f"{authority.name} ({authority.region}, fictional) written under {folder}: {authority.first_month} to "
          f"{authority.last_month}.\nRefresh a month with:\n  CPB_CONFIG={profile} python -m cpb_pipeline refresh "
          f"--month {authority.last_month}")


def _fictional_names() -> list[str]:
    from cpb_pipeline.demo.synthetic import READY_MADE

    return [a.name.lower() for a in READY_MADE]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cpb_pipeline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("refresh", help="run the monthly job for one month end")
    one.add_argument("--month", required=True, metavar="YYYY-MM")
    many = sub.add_parser("backfill", help="run the monthly job for each month in order")
    many.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    many.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    sub.add_parser("demo-data", help="write the demo authority's input files")
    sub.add_parser("demo", help="write the demo inputs and refresh every demo month")
    fictional = sub.add_parser("fictional-authority", help="write a fictional demo authority in another region")
    fictional.add_argument("name", choices=_fictional_names(), type=str.lower)
    fictional.add_argument("--into", type=Path, required=True, help="the folder to write it into")
    ui = sub.add_parser("ui", help="start the Dagster UI (dagster dev) on this instance")
    ui.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    ui.add_argument("--port", default="3000")
    args = parser.parse_args(argv)

    ensure_dagster_home()
    if args.command == "ui":
        dagster = Path(sys.executable).with_name("dagster")
        os.chdir(REPO_ROOT)
        os.execv(dagster, [str(dagster), "dev", "-w", "workspace.yaml", "-h", args.host, "-p", args.port])
    try:
        if args.command == "demo-data":
            demo_data()
            return 0
        if args.command == "fictional-authority":
            fictional_authority(args.name, args.into.resolve())
            return 0
        if args.command == "demo":
            return 0 if demo() else 1
        profile = load_profile()
        load_key(demo=profile.demo)
        if args.command == "refresh":
            return 0 if refresh(_check_month(args.month)) else 1
        return 0 if backfill(args.first, args.last) else 1
    except (ConfigError, ValueError, RefreshBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
