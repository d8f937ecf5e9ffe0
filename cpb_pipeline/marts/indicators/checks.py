"""Checks on the month's figures, read from the indicator catalogue: every indicator, every area, sums that add up."""

from __future__ import annotations

import pandas as pd

from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline.domain.errors import Finding
from cpb_pipeline.domain.profile import Profile
from cpb_pipeline.domain.tables import INDICATOR_MONTHLY

TABLE = INDICATOR_MONTHLY.qualified


def completeness_findings(frame: pd.DataFrame, profile: Profile) -> list[Finding]:
    """What would make a board page wrong or empty; each finding names the indicator and area."""
    findings = []
    rows = {(r.indicator_id, r.area_type, r.area): r for r in frame.itertuples()}
    for indicator in CATALOGUE:
        authority = rows.get((indicator.id, "authority", profile.authority.name))
        if authority is None:
            findings.append(Finding(TABLE, "indicator missing for the authority", column=indicator.id))
            continue
        districts = indicator.has_districts or (indicator.breakdown == "optional_district" and profile.care_leaver_districts)
        if districts:
            missing = [a for a in profile.areas if (indicator.id, "district", a) not in rows]
            if missing:
                findings.append(Finding(TABLE, "district rows missing", column=indicator.id, detail=", ".join(missing)))
            elif indicator.unit == "count":
                total = sum(rows[(indicator.id, "district", a)].numerator for a in profile.areas)
                if total != authority.numerator:
                    findings.append(Finding(TABLE, "district rows do not sum to the authority row", column=indicator.id))
        for row in [r for r in frame.itertuples() if r.indicator_id == indicator.id]:
            if indicator.unit == "percent" and row.value == row.value and not 0 <= row.value <= 100:
                findings.append(Finding(TABLE, "a percentage outside 0-100", column=indicator.id, detail=row.area))
            if indicator.unit != "count" and (row.denominator == 0) != (row.value != row.value or row.value is None):
                findings.append(Finding(TABLE, "value must be null exactly when the denominator is 0",
                                        column=indicator.id, detail=row.area))
    return findings
