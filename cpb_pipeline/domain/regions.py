"""The nine English regions and the comparators a figure is benchmarked against.

A figure with comparators is set beside the authority's region (named by its
profile: `authority.region`), England and its statistical neighbours. The region
is one of the nine English regions, the areas the Department for Education
publishes its regional figures for.
"""

from __future__ import annotations

ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)

REGION = "region"
ENGLAND = "England"
STATISTICAL_NEIGHBOURS = "Statistical neighbours"
COMPARATOR_KINDS = (REGION, ENGLAND, STATISTICAL_NEIGHBOURS)
"""In the order the outputs show them; REGION stands for the authority's own region."""

_NO_ARTICLE = ("London", "Yorkshire and The Humber")


def _key(text: str) -> str:
    return " ".join(text.replace("&", "and").split()).casefold()


def canonical_region(text: str) -> str | None:
    """The region as the nine are written ('yorkshire and the humber' -> 'Yorkshire and The Humber'), or None."""
    return {_key(r): r for r in ENGLISH_REGIONS}.get(_key(text))


def comparator_areas(region: str) -> tuple[str, ...]:
    """The comparator areas of an authority in `region`, as `reference.benchmarks` and the marts name them."""
    return tuple(region if kind == REGION else kind for kind in COMPARATOR_KINDS)


def in_a_sentence(area: str) -> str:
    """How a comparator reads inside a sentence: 'the West Midlands', 'London', 'England', 'statistical neighbours'."""
    if area == STATISTICAL_NEIGHBOURS:
        return "statistical neighbours"
    if area in ENGLISH_REGIONS and area not in _NO_ARTICLE:
        return f"the {area}"
    return area
