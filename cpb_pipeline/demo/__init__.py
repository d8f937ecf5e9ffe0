"""The demo authority's inputs: monthly LCS extracts, IRO workbooks and action plan workbooks.

All synthetic and seeded, so every run writes the same files; the LCS extracts
are calibrated to the seed's Appendix A and the IRO workbooks to its IRO annual
report (docs/seed_discrepancies.md, docs/iro.md).
"""

from __future__ import annotations

import shutil

from cpb_pipeline.domain.profile import Profile


def build_demo_inputs(profile: Profile, first_month: str, last_month: str) -> None:
    from cpb_pipeline.demo.action_plan.build import build_demo_workbooks
    from cpb_pipeline.demo.iro import generate_iro_workbooks
    from cpb_pipeline.demo.lcs import generate_lcs_extracts

    paths = profile.paths
    for folder in (paths.lcs_extracts, paths.iro_statistics, paths.action_plan):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    generate_lcs_extracts(paths.lcs_extracts, first_month, last_month)
    generate_iro_workbooks(paths.lcs_extracts, paths.iro_statistics, first_month, last_month)
    build_demo_workbooks(paths.action_plan)
