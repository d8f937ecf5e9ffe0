"""BRAG: Blue (complete and closed), Red, Amber, Green.

Case and spaces do not matter ("green ", "AMBER", "blue"). Anything else, a blank
BRAG on an action row included, stops the load: the board's RAG totals would be
wrong otherwise.
"""

from __future__ import annotations

BRAG_VALUES: tuple[str, ...] = ("Blue", "Red", "Amber", "Green")
_BY_KEY = {value.lower(): value for value in BRAG_VALUES}


def normalise_brag(value: object) -> str | None:
    """'Green' for ' green ', None for anything that is not a BRAG value (blank included)."""
    if value is None:
        return None
    return _BY_KEY.get(" ".join(str(value).split()).lower())
