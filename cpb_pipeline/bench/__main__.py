"""`make bench`: how fast the pipeline is, measured the way an operator runs it. Not a test.

Figures (the last line printed is one JSON object with all of them):

- demo_month_s: one demo month (August 2019, the earlier months already in place) from the CLI,
  Dagster start-up included, wall time;
- backfill_s: all 17 demo months from an empty warehouse, from the CLI;
- national_month_s, national_peak_rss_mb: one England-sized month (about 40 times the demo,
  some 80,000 children looked after, 24 months of history) from the CLI, and the peak
  resident memory of the largest process it ran;
- baseline_s: the same indicators (docs/indicators.md) for that month from one plain DuckDB SQL
  script over the CSV files (`baseline.sql`, shipped beside this file);
- ratio_to_baseline: national_month_s / baseline_s.

Everything is written under data/bench/ (git-ignored) and regenerated on each run.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import yaml

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.profile import REPO_ROOT, load_profile

BENCH = REPO_ROOT / "data" / "bench"
MONTH = "2019-08"
SCALE = 40
NATIONAL = "National-scale authority"
TARGETS = {"demo_month_s": 20, "national_month_s": 90, "national_peak_rss_mb": 4096, "ratio_to_baseline": 3,
           "backfill_s": 180}


def _authority(root: Path, name: str | None, population_scale: int) -> Path:
    """A copy of the demo profile with its inputs under `root`: renamed, and its child population scaled, if asked."""
    document = yaml.safe_load((REPO_ROOT / "data" / "authority.yaml").read_text())
    demo_name = document["authority"]["name"]
    document["authority"]["name"] = name or demo_name
    for entry in document["child_population"]:
        entry["count"] *= population_scale
    root.mkdir(parents=True, exist_ok=True)
    profile = root / "authority.yaml"
    profile.write_text(yaml.safe_dump(document, sort_keys=False))
    (root / "reference").mkdir(parents=True, exist_ok=True)
    reference = (REPO_ROOT / "data" / "reference" / "benchmarks.csv").read_text()
    (root / "reference" / "benchmarks.csv").write_text(reference.replace(f",{demo_name},", f",{name or demo_name},"))
    return profile


def _cli(profile: Path, home: Path, *arguments: str) -> tuple[float, int]:
    """Run the CLI in a child process; wall seconds and the peak RSS (MB) of the largest process it ran."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "CPB_CONFIG": str(profile), "DAGSTER_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cpb_pipeline", *arguments], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def _demo(root: Path) -> dict[str, float]:
    from cpb_pipeline.demo import build_demo_inputs

    profile = _authority(root, None, 1)
    build_demo_inputs(load_profile(profile, require_inputs=False), "2018-04", MONTH)
    backfill, _ = _cli(profile, root / "dagster_home", "backfill", "--from", "2018-04", "--to", MONTH)
    print(f"demo backfill, 17 months: {backfill:.1f} s", flush=True)
    month, _ = _cli(profile, root / "dagster_home", "refresh", "--month", MONTH)
    print(f"demo month {MONTH}: {month:.1f} s", flush=True)
    return {"demo_month_s": month, "backfill_s": backfill}


def _national(root: Path) -> dict[str, float]:
    from cpb_pipeline.demo.action_plan.build import build_demo_workbooks
    from cpb_pipeline.demo.iro import generate_iro_workbooks
    from cpb_pipeline.demo.lcs import generate_national_month

    profile_path = _authority(root, NATIONAL, SCALE)
    profile = load_profile(profile_path, require_inputs=False)
    for folder in (profile.paths.lcs_extracts, profile.paths.iro_statistics, profile.paths.action_plan):
        folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    folder = generate_national_month(profile.paths.lcs_extracts, MONTH, scale=SCALE)
    generate_iro_workbooks(profile.paths.lcs_extracts, profile.paths.iro_statistics, MONTH, MONTH)
    build_demo_workbooks(profile.paths.action_plan)
    rows = {p.stem: sum(1 for _ in p.open()) - 1 for p in sorted(folder.glob("*.csv"))}
    print(f"national month generated in {time.perf_counter() - started:.1f} s: {sum(rows.values()):,} rows", flush=True)
    seconds, rss = _cli(profile_path, root / "dagster_home", "refresh", "--month", MONTH)
    print(f"national month {MONTH}: {seconds:.1f} s, peak RSS {rss} MB", flush=True)
    baseline = _baseline(folder, profile)
    print(f"baseline SQL over the CSVs: {baseline:.1f} s", flush=True)
    return {"national_month_s": seconds, "national_peak_rss_mb": rss, "baseline_s": baseline,
            "ratio_to_baseline": seconds / baseline}


def _baseline(folder: Path, profile) -> float:
    script = (Path(__file__).with_name("baseline.sql")).read_text().format(
        folder=folder, month_end=month_end(MONTH).isoformat(), other_area=profile.other_area,
        districts=", ".join("'" + d.replace("'", "''") + "'" for d in profile.districts),
    )
    started = time.perf_counter()
    with duckdb.connect() as con:
        rows = con.execute(script).fetchall()  # the script's last statement gives the figures
    seconds = time.perf_counter() - started
    assert rows, "the baseline produced no figures"
    return seconds


def main() -> None:
    if BENCH.exists():
        shutil.rmtree(BENCH)
    national = _national(BENCH / "national")  # first: the peak RSS read is the largest of all children so far
    figures = {**_demo(BENCH / "demo"), **national}
    figures = {key: round(value, 2) for key, value in figures.items()}
    print()
    for key, target in TARGETS.items():
        verdict = "met" if figures[key] <= target else "MISSED"
        print(f"{key:22s} {figures[key]:>10} target <= {target:<6} {verdict}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
