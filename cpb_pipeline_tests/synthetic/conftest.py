"""Each ready-made fictional authority, written once per session (April to August 2019)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cpb_pipeline.demo.synthetic import FENMOOR, MARLOWSHIRE, SyntheticAuthority, write_authority

MONTHS = ("2019-04", "2019-08")


def five_months(authority: SyntheticAuthority) -> SyntheticAuthority:
    return dataclasses.replace(authority, first_month=MONTHS[0], last_month=MONTHS[1])


@pytest.fixture(scope="session", params=[MARLOWSHIRE, FENMOOR], ids=lambda a: a.name)
def written(request, tmp_path_factory) -> tuple[SyntheticAuthority, Path]:
    """(authority, profile path)."""
    authority = five_months(request.param)
    return authority, write_authority(authority, tmp_path_factory.mktemp(authority.name))
