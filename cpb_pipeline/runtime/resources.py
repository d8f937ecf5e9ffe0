"""The one Dagster resource: the authority profile, and what hangs off it."""

from __future__ import annotations

import dagster as dg
from pydantic import PrivateAttr

from cpb_pipeline.domain.profile import Profile, load_profile
from cpb_pipeline.runtime.privacy import KEY_VARIABLE, PseudonymKey, load_key
from cpb_pipeline.runtime.store import WarehouseStore


class CpbResource(dg.ConfigurableResource):
    """The authority profile named by `CPB_CONFIG` (or `profile_path`), loaded and validated once per run."""

    profile_path: str = ""
    _profile: Profile | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._profile = load_profile(self.profile_path or None)

    @property
    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = load_profile(self.profile_path or None)
        return self._profile

    @property
    def warehouse(self) -> WarehouseStore:
        return WarehouseStore(self.profile.working_database)

    def pseudonym_key(self, log: dg.DagsterLogManager | None = None) -> PseudonymKey:
        key = load_key(demo=self.profile.demo)
        if key.is_demo_fallback and log is not None:
            log.warning(
                f"{KEY_VARIABLE} is not set: using the fixed demo key. This is only allowed for the demo "
                "authority; a real authority's run refuses to start without the key."
            )
        return key
