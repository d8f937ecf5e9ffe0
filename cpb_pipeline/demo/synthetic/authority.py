"""Fictional authorities: who they are, and the profile YAML that describes them.

Every name here is invented (none is a real English council or local authority
district) so that a demo or a benchmark on them can never be mistaken for a real
council's figures. Names live only in this package and its tests.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from cpb_pipeline.domain.calendar import month_end, months_between, parse_month
from cpb_pipeline.domain.regions import ENGLISH_REGIONS

REGIONS = ENGLISH_REGIONS


@dataclass(frozen=True)
class SyntheticAuthority:
    name: str
    la_code: str
    """A 9xx code no real council uses (real codes stop at 943)."""
    region: str
    districts: tuple[str, ...]
    other_area: str
    child_population: tuple[tuple[dt.date, int], ...]
    """(effective_from, children aged 0-17), one or two entries in date order."""
    statistical_neighbours: tuple[str, ...]
    first_month: str
    last_month: str
    seed: int
    targets: tuple[tuple[str, float], ...] = ()
    """(indicator id, target): illustrative numbers for SPC's assurance, as fictional as the authority."""

    def __post_init__(self) -> None:
        if self.region not in REGIONS:
            raise ValueError(f"{self.region!r} is not one of the nine English regions")
        if not 4 <= len(self.districts) <= 6 or len(set(self.districts)) != len(self.districts):
            raise ValueError("an authority has 4 to 6 distinct districts")
        if self.other_area in self.districts or self.name in self.districts:
            raise ValueError("other_area and the authority's name must differ from every district")
        if not 1 <= len(self.child_population) <= 2:
            raise ValueError("child_population has one or two entries")
        if not 3 <= len(self.statistical_neighbours) <= 5 or self.name in self.statistical_neighbours:
            raise ValueError("3 to 5 statistical neighbours, not including the authority itself")
        months_between(self.first_month, self.last_month)  # a ValueError unless first <= last
        if self.child_population[0][0] > month_end(self.first_month):
            raise ValueError("the first child_population entry must be effective by the first month end")

    @property
    def months(self) -> list[str]:
        return months_between(self.first_month, self.last_month)

    def population_at(self, day: dt.date) -> int:
        current = self.child_population[0][1]
        for since, count in self.child_population:
            if since <= day:
                current = count
        return current


MARLOWSHIRE = SyntheticAuthority(
    name="Marlowshire",
    la_code="951",
    region="West Midlands",
    districts=("Ashby Vale", "Kingsford", "Marlow Heath", "Wrenbridge", "Copperdale"),
    other_area="Countywide and Other Teams",
    child_population=((dt.date(2018, 4, 1), 151240), (dt.date(2019, 7, 1), 152080)),
    statistical_neighbours=("Fenmoor", "Kestrelmoor", "Thistledale", "Brackenshire"),
    first_month="2019-04",
    last_month="2019-08",
    seed=951,
    targets=(("cla_health_assessment", 90.0), ("cla_reviews_in_timescale", 95.0)),
)

FENMOOR = SyntheticAuthority(
    name="Fenmoor",
    la_code="952",
    region="East of England",
    districts=("Eastmere", "Holt Fen", "Saxonbury", "Larkwater"),
    other_area="Other Service Areas",
    child_population=((dt.date(2018, 4, 1), 118630), (dt.date(2019, 7, 1), 119410)),
    statistical_neighbours=("Marlowshire", "Merrowdale", "Otterholt"),
    first_month="2019-04",
    last_month="2019-08",
    seed=952,
)

READY_MADE = (MARLOWSHIRE, FENMOOR)

_ROOTS = ("Bracken", "Kestrel", "Thistle", "Merrow", "Otter", "Heron", "Juniper", "Linnet", "Sorrel", "Yarrow",
          "Fallow", "Gorse", "Pennant", "Rook", "Umber", "Dray")
_ENDINGS = ("shire", "moor", "dale", "holt", "mere", "wick")
_PLACES = ("Abbotsmere", "Barrowcliffe", "Castermoor", "Dunmere", "Elderwick", "Foxleigh", "Greystone", "Hollinbrook",
           "Ivelbury", "Kettlewood", "Lowenby", "Millbeck", "Norwell", "Oakhurst", "Pipersfield", "Quarrelton",
           "Redwater", "Stanmoor", "Tollgate", "Vellan", "Whinfell", "Yelverby", "Ashcombe", "Brockhollow")
_FEATURES = ("Vale", "Green", "Cross", "Fen", "Heath", "Bridge", "Downs", "Edge")
_OTHER_AREAS = ("Other Service Areas", "Countywide and Other Teams", "Other Teams")
FIRST_GENERATED_CODE = 960
MAX_GENERATED = 39  # codes 961-999


def generated_names() -> list[str]:
    """Every name a generated authority may take, in a fixed shuffled order (number n takes the n-th);
    the first 16 all have different roots, so a small benchmark has no Xdale beside Xshire."""
    pairs = [(root, ending) for root in _ROOTS for ending in _ENDINGS]
    random.Random(20190831).shuffle(pairs)
    rounds: dict[str, int] = {}
    ranked = []
    for root, ending in pairs:
        rounds[root] = rounds.get(root, -1) + 1
        ranked.append((rounds[root], root + ending))
    return [name for _, name in sorted(ranked, key=lambda pair: pair[0])]


def generated_authority(number: int, first_month: str = "2019-04", last_month: str = "2019-08") -> SyntheticAuthority:
    """Fictional authority number `number` (1-39): the same number always gives the same authority."""
    if not 1 <= number <= MAX_GENERATED:
        raise ValueError(f"generated authorities are numbered 1 to {MAX_GENERATED}")
    rng = random.Random(7000 + number)
    names = generated_names()
    name = names[number - 1]
    places = rng.sample(_PLACES, rng.randint(4, 6))
    districts = tuple(f"{p} {rng.choice(_FEATURES)}" if rng.random() < 0.35 else p for p in places)
    base = rng.randrange(45_000, 260_000, 10)
    growth = int(base * rng.uniform(0.0, 0.01))
    neighbours = [n for n in names[:MAX_GENERATED] if n != name]
    return SyntheticAuthority(
        name=name,
        la_code=str(FIRST_GENERATED_CODE + number),
        region=REGIONS[(number - 1) % len(REGIONS)],
        districts=districts,
        other_area=rng.choice(_OTHER_AREAS),
        child_population=((min(dt.date(2018, 4, 1), parse_month(first_month)), base),
                          (dt.date(2019, 7, 1), base + growth)),
        statistical_neighbours=tuple(rng.sample(neighbours, rng.randint(3, 5))),
        first_month=first_month,
        last_month=last_month,
        seed=7000 + number,
    )


def generated_authorities(n: int, first_month: str = "2019-04",
                          last_month: str = "2019-08") -> list[SyntheticAuthority]:
    """Authorities 1..n, spread over the nine regions in turn (for a benchmark or a regional demo)."""
    return [generated_authority(i, first_month, last_month) for i in range(1, n + 1)]


def profile_document(authority: SyntheticAuthority) -> dict[str, object]:
    """The profile as `cpb_pipeline.domain.profile.load_profile` reads it; paths relative to the profile's folder."""
    document = {
        "authority": {"name": authority.name, "la_code": authority.la_code, "region": authority.region,
                      "statistical_neighbours": list(authority.statistical_neighbours)},
        "first_month": authority.first_month,
        "child_population": [{"effective_from": since.isoformat(), "count": count}
                             for since, count in authority.child_population],
        "districts": list(authority.districts),
        "other_area": authority.other_area,
        "paths": {"lcs_extracts": "lcs", "iro_statistics": "iro", "action_plan": "action_plan",
                  "reference": "reference", "warehouse": "warehouse/cpb.duckdb", "outputs": "outputs"},
        "demo": True,
        "action_plan": {"stale_after_weeks": 8},
    }
    if authority.targets:
        document["targets"] = dict(authority.targets)
    return document


def write_profile(authority: SyntheticAuthority, path: Path) -> Path:
    head = (f"# {authority.name}: a FICTIONAL authority written by cpb_pipeline.demo.synthetic"
            f" (seed {authority.seed}).\n"
            "# Its data is synthetic; it is not a real council.\n"
            + ("# Its targets are illustrative numbers for SPC's assurance, as fictional as the authority.\n"
               if authority.targets else ""))
    body = yaml.safe_dump(profile_document(authority), sort_keys=False, allow_unicode=True, width=100)
    path.write_text(head + body, encoding="utf-8", newline="\n")
    return path
