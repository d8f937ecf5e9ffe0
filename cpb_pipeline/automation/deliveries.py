"""What a month needs before it can be refreshed, and a fingerprint of what was delivered.

A month is complete when its LCS extract folder holds every required file and
the IRO service has saved the month's workbook. The fingerprint hashes each
file's name, size and modification time, so a re-delivered file (same name,
new content or time) gives a new fingerprint and a new run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cpb_pipeline.domain.lcs import TABLES
from cpb_pipeline.domain.profile import Profile


def iro_workbook(profile: Profile, month: str) -> Path:
    return profile.paths.iro_statistics / f"iro_statistics_{month}.xlsx"


def required_files(profile: Profile, month: str) -> list[Path]:
    folder = profile.paths.lcs_extracts / month
    return [folder / spec.file_name for spec in TABLES] + [iro_workbook(profile, month)]


@dataclass(frozen=True)
class Delivery:
    month: str
    present: list[Path]
    missing: list[Path]

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def newest_mtime(self) -> float:
        return max((p.stat().st_mtime for p in self.present), default=0.0)

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self.present):
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
        return digest.hexdigest()[:12]

    def describe_missing(self) -> str:
        return ", ".join(f"{p.parent.name}/{p.name}" for p in self.missing)


def delivery(profile: Profile, month: str) -> Delivery:
    files = required_files(profile, month)
    return Delivery(month, [p for p in files if p.is_file()], [p for p in files if not p.is_file()])


def delivered_months(profile: Profile) -> list[str]:
    """Month folders present in the extract area, oldest first."""
    root = profile.paths.lcs_extracts
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) == 7 and p.name[4] == "-")
