"""The authority profile (docs/profile.md): one YAML file per council.

`CPB_CONFIG` names the file; the default is the demo authority in
`data/authority.yaml`. Relative paths in the file are relative to its folder.
Loading validates everything up front so that a bad profile fails before any
data is touched, with a message that names the key.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cpb_pipeline.domain.catalogue import BY_ID
from cpb_pipeline.domain.errors import ConfigError
from cpb_pipeline.domain.regions import ENGLISH_REGIONS, canonical_region, comparator_areas

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROFILE = REPO_ROOT / "data" / "authority.yaml"

NonEmpty = Annotated[str, Field(min_length=1)]


def _judged_indicator(indicator_id: str) -> str:
    """A target needs an indicator whose better direction is known: a contextual figure has no target."""
    known = BY_ID.get(indicator_id)
    if known is None:
        raise ValueError(f"{indicator_id!r} is not an indicator id (docs/indicators.md lists them)")
    if known.polarity == "contextual":
        raise ValueError(f"{indicator_id!r} is contextual (neither higher nor lower is better), so it has no target")
    return indicator_id


TargetIndicator = Annotated[str, AfterValidator(_judged_indicator)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Authority(_Strict):
    name: NonEmpty
    la_code: NonEmpty
    region: NonEmpty
    """One of the nine English regions: the regional comparator of every benchmarked figure."""
    statistical_neighbours: list[NonEmpty] = Field(default_factory=list)
    """The authorities in its statistical neighbour group, named in the docs and beside that comparator."""

    @field_validator("region")
    @classmethod
    def _english_region(cls, value: str) -> str:
        region = canonical_region(value)
        if region is None:
            raise ValueError(f"{value!r} is not an English region; use one of: {', '.join(ENGLISH_REGIONS)}")
        return region


class PopulationEntry(_Strict):
    effective_from: dt.date
    count: int = Field(gt=0)


class Paths(_Strict):
    lcs_extracts: Path
    iro_statistics: Path
    action_plan: Path
    reference: Path
    warehouse: Path
    outputs: Path


class Publication(_Strict):
    """Statistical disclosure control for the published versions of the outputs."""

    suppress_counts_from: int = Field(default=1, ge=0)
    suppress_counts_to: int = Field(default=5, ge=0)
    min_denominator: int = Field(default=6, ge=1)
    suppressed_symbol: NonEmpty = "c"

    @model_validator(mode="after")
    def _range(self) -> "Publication":
        if self.suppress_counts_to < self.suppress_counts_from:
            raise ValueError("suppress_counts_to must not be below suppress_counts_from")
        return self


class ActionPlanSettings(_Strict):
    stale_after_weeks: int = Field(default=8, gt=0)
    board_dates: dict[str, dt.date] = Field(default_factory=dict)

    @field_validator("board_dates")
    @classmethod
    def _month_keys(cls, value: dict[str, dt.date]) -> dict[str, dt.date]:
        for key in value:
            try:
                dt.datetime.strptime(key, "%Y-%m")
            except ValueError:
                raise ValueError(f"board_dates key {key!r} is not a month YYYY-MM") from None
        return value


class Profile(_Strict):
    authority: Authority
    first_month: str
    """The first month end the pipeline holds (YYYY-MM): the partitions start here."""
    child_population: list[PopulationEntry] = Field(min_length=1)
    districts: list[NonEmpty] = Field(min_length=1)
    other_area: NonEmpty
    paths: Paths
    extract_encoding: str = "utf-8"
    """The text encoding of the LCS extract's CSV files, as Python names it (`cp1252` for windows-1252)."""
    demo: bool = False
    care_leaver_districts: bool = False
    publication: Publication = Publication()
    action_plan: ActionPlanSettings = ActionPlanSettings()
    targets: dict[TargetIndicator, Annotated[float, Field(allow_inf_nan=False)]] = Field(default_factory=dict)
    """Optional numeric targets by indicator id, in the indicator's unit: SPC's assurance reads a series against them."""
    source_file: Path | None = None

    @field_validator("first_month")
    @classmethod
    def _month(cls, value: str) -> str:
        try:
            dt.datetime.strptime(value, "%Y-%m")
        except ValueError:
            raise ValueError(f"{value!r} is not a month written YYYY-MM") from None
        return value

    @field_validator("extract_encoding")
    @classmethod
    def _encoding(cls, value: str) -> str:
        """One spelling per encoding, so the reader can tell UTF-8 (byte-order mark allowed) from the rest."""
        try:
            io.TextIOWrapper(io.BytesIO(), encoding=value)  # refuses codecs that are not text encodings, such as base64
        except LookupError:
            raise ValueError(f"{value!r} is not a text encoding Python knows (for example utf-8 or windows-1252)") from None
        name = codecs.lookup(value).name
        return "utf-8" if name == "utf-8-sig" else name

    @field_validator("child_population")
    @classmethod
    def _population_in_order(cls, entries: list[PopulationEntry]) -> list[PopulationEntry]:
        dates = [e.effective_from for e in entries]
        if any(b <= a for a, b in zip(dates, dates[1:])):
            raise ValueError("effective_from dates must be in increasing order, each once")
        return entries

    @model_validator(mode="after")
    def _areas_distinct(self) -> "Profile":
        seen: set[str] = set()
        for name in self.districts:
            if name in seen:
                raise ValueError(f"districts: {name!r} is listed twice")
            seen.add(name)
        if self.other_area in seen:
            raise ValueError("other_area must differ from every district")
        if self.authority.name in seen:
            raise ValueError("districts must not repeat the authority's name")
        return self

    @property
    def comparators(self) -> tuple[str, ...]:
        """The comparator areas, the authority's region named: how benchmarks.csv and the marts name them."""
        return comparator_areas(self.authority.region)

    @property
    def areas(self) -> list[str]:
        """District rows in display order, other_area last."""
        return [*self.districts, self.other_area]

    def population_at(self, month_end: dt.date) -> int:
        """The child population effective at a month end (the latest entry on or before it)."""
        current = None
        for entry in self.child_population:
            if entry.effective_from <= month_end:
                current = entry.count
        if current is None:
            first = self.child_population[0].effective_from
            raise ConfigError(
                f"child_population: no entry is effective at {month_end:%Y-%m-%d}; "
                f"the first starts {first:%Y-%m-%d}"
            )
        return current

    @property
    def working_database(self) -> Path:
        """The database the pipeline builds into; `paths.warehouse` is only ever replaced whole."""
        return self.paths.warehouse.parent / ".work" / self.paths.warehouse.name


class _DatesAsText(yaml.SafeLoader):
    """Dates stay text for pydantic to read, so a bad one is reported by key and line like any other value."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

INPUT_FOLDERS = ("lcs_extracts", "iro_statistics", "action_plan", "reference")


def profile_path() -> Path:
    return Path(os.environ.get("CPB_CONFIG") or DEFAULT_PROFILE).resolve()


def load_profile(path: Path | str | None = None, *, require_inputs: bool = True) -> Profile:
    """Read and validate a profile; relative paths resolve against the profile's folder."""
    source = Path(path).resolve() if path else profile_path()
    if not source.is_file():
        raise ConfigError(f"{source}: authority profile not found (set CPB_CONFIG to its path)")
    text = source.read_text(encoding="utf-8-sig")
    try:
        raw = yaml.load(text, Loader=_DatesAsText)
        tree = yaml.compose(text, Loader=_DatesAsText)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{source}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: expected a mapping of keys at the top level")
    paths = raw.get("paths")
    if isinstance(paths, dict):
        raw["paths"] = {
            key: str((source.parent / value).resolve()) if isinstance(value, str) else value
            for key, value in paths.items()
        }
    try:
        profile = Profile.model_validate({**raw, "source_file": source})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"] if part != "[key]") or "(top level)"
            line = _line_of(tree, err["loc"])
            problems.append(f"{'line ' + str(line) + ', ' if line else ''}key {key}: {_plain(err)}")
        raise ConfigError(f"{source}: " + "; ".join(problems)) from None
    if require_inputs:
        for key in INPUT_FOLDERS:
            folder = getattr(profile.paths, key)
            if not folder.is_dir():
                line = _line_of(tree, ("paths", key))
                where = f"line {line}, " if line else ""
                raise ConfigError(f"{source}: {where}key paths.{key}: folder {folder} does not exist")
    return profile


def _line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """The line in the YAML file of the deepest node along a validation error's location."""
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        if node is not None:
            line = node.start_mark.line + 1
    return line


def _plain(err: dict) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return "unknown key (check the spelling against docs/profile.md)"
    return str(err.get("msg", "invalid value")).removeprefix("Value error, ")
