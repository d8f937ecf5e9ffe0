"""Static reference data for the synthetic extracts: teams and code distributions.

Team parents are the profile's districts, spelled exactly as configured, plus two
countywide services that are not districts (their children count under the profile's
other area). The distributions are round figures in the spirit of the national
statistics for children in need, on plans and looked after; nothing is calibrated on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CLA, CP, CIN, LEAVING, DUTY = "cla", "cp", "cin", "leaving", "duty"


@dataclass(frozen=True)
class Team:
    team_id: str
    name: str
    parent_id: str
    parent_name: str
    area: str  # the area its children count under
    services: tuple[str, ...]


_LOCALITY = (
    ("Safeguarding Team 1", (CP, CIN)),
    ("Safeguarding Team 2", (CP, CIN, CLA)),
    ("Children Looked After Team", (CLA,)),
    ("Children in Need Team", (CIN,)),
    ("Leaving Care Team", (LEAVING,)),
)
_SPECIALIST = {
    "MASH": (("MASH Duty Team", (CIN, CP, DUTY)), ("MASH Screening Team", (CIN,))),
    "EAST Team": (("EAST North", (CLA, CP, CIN, DUTY)), ("EAST Central", (CLA, CP, CIN, DUTY)),
                  ("EAST East", (CLA, CP, CIN, DUTY))),
    "Exploitation": (("Exploitation Team North", (CLA, CP, CIN)), ("Exploitation Team Central & East", (CLA, CP, CIN))),
    "SEND": (("Children with Disabilities North", (CLA, CP, CIN)),
             ("Children with Disabilities Central", (CLA, CP, CIN)),
             ("Children with Disabilities East", (CLA, CP, CIN))),
    "Adoption & Fostering": (("Adoption Team", (CLA,)), ("Fostering Support Team", (CLA,)),
                             ("Permanence Team", (CLA, CP, CIN))),
    "Central Team": (("Central Assessment Team", (CIN, CP, CLA)), ("Central Support Team", (CIN,))),
}
_COUNTYWIDE = (
    ("Youth Justice Service", (
        ("Youth Offending Team North", (CLA, CP, CIN)),
        ("Youth Offending Team East", (CLA, CP, CIN)),
    )),
    ("Countywide Services", (
        ("Leaving Care Countywide", (CLA, LEAVING)),
        ("UASC Team", (CLA, CIN)),
        ("Out of County Team", (CLA, CP, CIN)),
    )),
)


def teams(districts: list[str], other_area: str) -> list[Team]:
    out: list[Team] = []
    next_id = 4101
    for p, district in enumerate(districts, start=1):
        layout = _SPECIALIST.get(district, tuple((f"{district} {name}", s) for name, s in _LOCALITY))
        for name, services in layout:
            out.append(Team(str(next_id), name, str(900 + p), district, district, services))
            next_id += 1
    for q, (parent, layout) in enumerate(_COUNTYWIDE, start=1):
        for name, services in layout:
            out.append(Team(str(next_id), name, str(980 + q), parent, other_area, services))
            next_id += 1
    return out


class TeamPicker:
    """Chooses a team in an area that works with a service."""

    def __init__(self, all_teams: list[Team], areas: list[str]) -> None:
        self.by_area: list[dict[str, list[str]]] = []
        for area in areas:
            here = [t for t in all_teams if t.area == area]
            services = {s for t in here for s in t.services}
            self.by_area.append({s: [t.team_id for t in here if s in t.services] for s in sorted(services)}
                                | {"any": [t.team_id for t in here]})

    def pick(self, rng: np.random.Generator, area: int, service: str) -> str:
        options = self.by_area[area].get(service) or self.by_area[area]["any"]
        return options[int(rng.integers(len(options)))]

    def pick_many(self, rng: np.random.Generator, areas: np.ndarray, service: str) -> np.ndarray:
        out = np.empty(len(areas), dtype=object)
        for area in np.unique(areas):
            where = np.flatnonzero(areas == area)
            options = np.array(self.by_area[area].get(service) or self.by_area[area]["any"], dtype=object)
            out[where] = options[rng.integers(len(options), size=len(where))]
        return out

    def areas_with(self, service: str) -> np.ndarray:
        return np.array([a for a, teams in enumerate(self.by_area) if service in teams])


ETHNICITY = {
    "WBRI": 0.78, "WIRI": 0.004, "WOTH": 0.02, "WIRT": 0.005, "WROM": 0.005, "MWBC": 0.025, "MWBA": 0.006,
    "MWAS": 0.02, "MOTH": 0.025, "AIND": 0.01, "APKN": 0.045, "ABAN": 0.005, "AOTH": 0.008, "CHNE": 0.002,
    "BCRB": 0.004, "BAFR": 0.008, "BOTH": 0.003, "OOTH": 0.008, "REFU": 0.002, "NOBT": 0.005,
}
UASC_ETHNICITY = {"AOTH": 0.35, "BAFR": 0.3, "OOTH": 0.25, "WOTH": 0.1}
NEED_CODES = {"N1": 0.64, "N2": 0.03, "N3": 0.04, "N4": 0.07, "N5": 0.14, "N6": 0.01, "N7": 0.005, "N8": 0.065}
CP_CATEGORIES = {"Neglect": 0.48, "Emotional abuse": 0.36, "Physical abuse": 0.07, "Sexual abuse": 0.04,
                 "Multiple": 0.05}

# Why a period of care ended, by age at leaving (SSDA903 codes).
EXIT_REASONS = {
    "infant": {"E11": 0.25, "E12": 0.1, "E4A": 0.35, "E45": 0.1, "E47": 0.1, "E41": 0.05, "E13": 0.05},
    "child": {"E4A": 0.4, "E45": 0.12, "E46": 0.04, "E47": 0.1, "E41": 0.08, "E13": 0.1, "E4B": 0.06, "E8": 0.05,
              "E11": 0.05},
    "teen": {"E4A": 0.36, "E13": 0.16, "E4B": 0.1, "E8": 0.1, "E5": 0.1, "E9": 0.04, "E14": 0.04, "E6": 0.05,
             "E3": 0.03, "E16": 0.02},
    "adult": {"E17": 0.25, "E5": 0.42, "E6": 0.14, "E8": 0.08, "E7": 0.04, "E13": 0.04, "E15": 0.03},
}

ACCOMMODATION_SUITABLE = {"U": 0.3, "D": 0.22, "B": 0.12, "Z": 0.12, "E": 0.08, "T": 0.06, "C": 0.05, "K": 0.05}
ACCOMMODATION_UNSUITABLE = {"S": 0.25, "X": 0.25, "V": 0.15, "W": 0.1, "R": 0.15, "K": 0.1}
ACTIVITY_EET = {"F2": 0.3, "F5": 0.28, "P5": 0.14, "F1": 0.08, "F4": 0.08, "P2": 0.06, "P4": 0.03, "P1": 0.03}
ACTIVITY_NEET = {"G5": 0.62, "G6": 0.2, "G4": 0.18}
NOT_IN_TOUCH = {"NO": 0.55, "REFU": 0.2, "NREQ": 0.15, "RHOM": 0.1}

FORENAMES = {
    "M": ("Oliver", "Jack", "Harry", "Jacob", "Charlie", "Thomas", "George", "Oscar", "James", "William", "Noah",
          "Alfie", "Joshua", "Muhammad", "Leo", "Archie", "Ethan", "Joseph", "Freddie", "Samuel", "Daniel", "Liam",
          "Tyler", "Kai", "Riley", "Logan", "Mason", "Callum", "Aaron", "Ryan"),
    "F": ("Olivia", "Amelia", "Isla", "Ava", "Emily", "Isabella", "Mia", "Poppy", "Ella", "Lily", "Sophie",
          "Grace", "Evie", "Ruby", "Chloe", "Jessica", "Freya", "Daisy", "Erin", "Holly", "Megan", "Aisha", "Niamh",
          "Leah", "Paige", "Courtney", "Maisie", "Lacey", "Amber", "Hannah"),
}
SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson",
    "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Holden", "Ashworth",
    "Hargreaves", "Pickup", "Whittaker", "Crossley", "Haworth", "Kenyon", "Hussain", "Ahmed", "Patel", "Khan",
    "Cookson", "Fletcher", "Bamber", "Parkinson", "Sutcliffe", "Riley", "Duckworth",
)


def draw(rng: np.random.Generator, table: dict[str, float], size: int) -> np.ndarray:
    keys = np.array(list(table))
    p = np.array(list(table.values()), dtype=float)
    return rng.choice(keys, size=size, p=p / p.sum())
