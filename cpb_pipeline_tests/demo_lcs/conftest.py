"""The demo extracts, generated once per test session (by the shared demo pipeline); every test reads the same files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cpb_pipeline.demo.lcs.generator import DEMO_SEED
from cpb_pipeline.domain.profile import Profile, load_profile
from cpb_pipeline_tests.demo_lcs import oracle

SEED = DEMO_SEED


@dataclass
class Demo:
    root: Path
    folders: list[Path]
    profile: Profile
    _frames: dict = field(default_factory=dict)
    _figures: dict = field(default_factory=dict)

    @property
    def months(self) -> list[str]:
        return [f.name for f in self.folders]

    def frames(self, month: str) -> dict:
        if month not in self._frames:
            self._frames[month] = oracle.read_month(self.root / month)
        return self._frames[month]

    def figures(self, month: str) -> oracle.Figures:
        if month not in self._figures:
            p = self.profile
            self._figures[month] = oracle.figures(self.frames(month), month, p.authority.name, list(p.districts),
                                                  p.other_area)
        return self._figures[month]


@pytest.fixture(scope="session")
def demo(demo_pipeline) -> Demo:
    root = demo_pipeline.profile.paths.lcs_extracts
    return Demo(root, sorted(p for p in root.iterdir() if p.is_dir()), load_profile(require_inputs=False))
