"""Plausible FICTIONAL authorities, seeded, in any English region: a second demo authority, a
regional deployment, and a benchmark of generated councils, none of them tied to the North West.

`write_authority(authority, root)` writes a complete authority folder and returns its profile:

    root/authority.yaml                 a profile `cpb_pipeline.domain.profile.load_profile` reads (demo: true)
    root/reference/benchmarks.csv       synthetic comparators: the authority, its region, England, neighbours
    root/lcs/YYYY-MM/ssd_*.csv          the ten SSD files per month, one consistent history
    root/iro/iro_statistics_YYYY-MM.xlsx
    root/action_plan/<Name> Corporate Parenting Strategy delivery plan YYYY-MM-DD.xlsx

The same authority and seed give the same bytes (CSV and xlsx). `MARLOWSHIRE` (West
Midlands) and `FENMOOR` (East of England) are ready made; `generated_authorities(n)` makes
n more from their numbers, spread over the nine regions. Use `dataclasses.replace` to change
months or seed.

"""

from __future__ import annotations

import shutil
from pathlib import Path

from cpb_pipeline.demo.synthetic import action_plan, benchmarks, iro, lcs
from cpb_pipeline.demo.synthetic.authority import (
    FENMOOR,
    MARLOWSHIRE,
    READY_MADE,
    REGIONS,
    SyntheticAuthority,
    generated_authorities,
    generated_authority,
    write_profile,
)
from cpb_pipeline.demo.synthetic.levels import Levels, levels_of

PROFILE_NAME = "authority.yaml"

__all__ = [
    "FENMOOR", "MARLOWSHIRE", "READY_MADE", "REGIONS", "Levels", "SyntheticAuthority",
    "generated_authorities", "generated_authority", "levels_of", "write_authority",
]  # fmt: skip


def write_authority(authority: SyntheticAuthority, root: Path) -> Path:
    """Write the authority's whole input folder under `root` and return the profile path.

    The lcs, iro and action_plan folders are emptied first (as the Lancashire demo does), so
    a shorter span written over a longer one leaves no stale months behind."""
    root = Path(root)
    for folder in ("lcs", "iro", "action_plan"):
        shutil.rmtree(root / folder, ignore_errors=True)
    levels = levels_of(authority)
    history = lcs.generate(authority, levels, root / "lcs")
    iro.write_workbooks(authority, levels, history, root / "iro")
    action_plan.write_action_plan(authority, root / "action_plan")
    benchmarks.write_benchmarks(authority, levels, root / "reference")
    return write_profile(authority, root / PROFILE_NAME)
