"""Draft commentary from fixed numbers: only what the figures show."""

import datetime as dt

import pytest

from cpb_pipeline.domain.catalogue import indicator
from cpb_pipeline.outputs.commentary import (
    ComparatorFact,
    DistrictChange,
    Facts,
    SpcFact,
    district_movements,
    draft_commentary,
)

AUG = dt.date(2019, 8, 31)


def test_improved_over_the_month_worsened_over_the_year_by_polarity():
    text = draft_commentary(Facts(indicator("cla_dental_check"), "Lancashire", AUG, 64.7, 63.6, 72.8))
    assert text == [
        "For August 2019 the figure for Lancashire is 64.7 %.",
        "Compared with July 2019 (63.6 %), it has improved: up by 1.1 percentage points.",
        "Over the year, compared with August 2018 (72.8 %), it has worsened: down by 8.1 percentage points.",
    ]


def test_lower_is_better_reads_a_fall_as_an_improvement():
    text = draft_commentary(Facts(indicator("iro_caseload"), "Lancashire", AUG, 17.2, 18.0, 17.2))
    assert text[1] == "Compared with July 2019 (18.0), it has improved: down by 0.8."
    assert text[2] == "Over the year, compared with August 2018 (17.2), it is unchanged."


def test_contextual_indicators_go_up_or_down_but_never_improve_or_worsen():
    text = draft_commentary(Facts(indicator("cla"), "Lancashire", AUG, 2117, 2114, 2059))
    assert text[1] == "Compared with July 2019 (2,114), it is up by 3."
    assert text[2] == "Over the year, compared with August 2018 (2,059), it is up by 58."
    assert not any(word in " ".join(text) for word in ("improv", "worse", "better"))


def test_a_missing_previous_month_is_said_and_not_compared():
    text = draft_commentary(Facts(indicator("cla_dental_check"), "Lancashire", AUG, 64.7, None, 72.8))
    assert text[1] == "There is no July 2019 figure to compare with."
    assert "worsened" in text[2]


def test_comparators_with_their_periods_and_one_not_yet_published_for_the_latest_year():
    comparators = (
        ComparatorFact("North West", 93.0, "2018/19", True, "higher"),
        ComparatorFact("England", 64.0, "2017/18", False, "higher"),
        ComparatorFact("Statistical neighbours", None, None, None, None),
    )
    text = draft_commentary(Facts(indicator("cla_rate"), "Lancashire", AUG, 84.8, 84.7, 83.1, comparators=comparators))
    assert text[3] == (
        "Against the comparators it is below the North West (93.0 per 10,000 in 2018/19); and above England "
        "(64.0 per 10,000 in 2017/18, the latest published). There is no published figure for statistical neighbours."
    )


def test_a_judged_comparison_says_better_or_worse_and_similar_stays_similar():
    comparators = (
        ComparatorFact("North West", 89.2, "2017/18", False, "similar"),
        ComparatorFact("England", 95.0, "2017/18", False, "worse"),
    )
    text = draft_commentary(Facts(indicator("cla_health_assessment"), "Lancashire", AUG, 89.7, 88.3, 87.3,
                                  comparators=comparators))  # fmt: skip
    assert text[3] == (
        "Against the comparators it is similar to the North West (89.2 % in 2017/18, the latest published); and "
        "below England (95.0 % in 2017/18, the latest published), which is worse."
    )


def test_a_suppressed_figure_is_never_described_or_compared():
    facts = Facts(indicator("iro_pr_raised"), "Testshire", AUG, None, None, None, current_suppressed=True,
                  comparators=(ComparatorFact("England", 10.0, "2017/18", False, None),))  # fmt: skip
    assert draft_commentary(facts) == [
        "The August 2019 figure for Testshire is a small number and is not published (shown as \u201cc\u201d), "
        "so no comparison is given."
    ]
    earlier = Facts(indicator("iro_pr_raised"), "Testshire", AUG, 12, None, 9, last_month_suppressed=True)
    text = draft_commentary(earlier)
    assert text[1] == "The July 2019 figure is not published, so no change since then is given."
    assert text[2] == "Over the year, compared with August 2018 (9), it is up by 3."


def test_district_movements_leave_out_suppressed_small_and_unchanged_figures():
    rows = [
        ("Lancaster", 90.0, 80.0, 40, 40),  # -10: real
        ("Preston", None, 95.0, 40, 40),  # suppressed or missing last month
        ("Other", 0.0, 100.0, 1, 1),  # one child: not a real movement
        ("Burnley", 70.0, 70.04, 50, 50),  # no change once rounded
        ("Pendle", 60.0, 65.0, 30, 30),  # +5
        ("Rossendale", 50.0, 52.0, 30, 30),  # +2
        ("Chorley", 50.0, 51.0, 30, 30),  # +1: fourth, left out
    ]
    found = district_movements(indicator("cla_health_assessment"), rows, min_denominator=6)
    assert [c.area for c in found] == ["Lancaster", "Pendle", "Rossendale"]
    text = draft_commentary(Facts(indicator("cla_health_assessment"), "Lancashire", AUG, None, districts=found))
    assert text[-1] == (
        "The largest district changes since July 2019: Lancaster down by 10.0 percentage points (90.0 % to 80.0 %, "
        "worsened); Pendle up by 5.0 percentage points (60.0 % to 65.0 %, improved); Rossendale up by 2.0 "
        "percentage points (50.0 % to 52.0 %, improved)."
    )
    counts = district_movements(indicator("cla"), [("Preston", 320.0, 324.0, None, None)], min_denominator=6)
    assert counts == (DistrictChange("Preston", 320.0, 324.0),)


def test_commentary_of_the_whole_pack_states_no_causes_and_a_target_only_where_the_profile_sets_one(built):
    from cpb_pipeline.outputs.view import build_view

    for published in (False, True):
        for page in build_view(built.data, published=published).pages:
            targeted = [s for s in page.commentary if s.startswith("Against its target of ")]
            assert len(targeted) == (page.indicator.id in built.profile.targets and page.control.drawn), page.indicator.id
            text = " ".join(s for s in page.commentary if s not in targeted).lower()
            for word in ("because", "due to", "target", "caused", "as a result", "should"):
                assert word not in text, (page.indicator.id, text)


def test_the_spc_reading_leads_and_the_month_s_difference_follows():
    shift = SpcFact("a shift: 8 months above the mean since January 2019", "special_cause_concerning", 17,
                    dt.date(2018, 4, 30))  # fmt: skip
    text = draft_commentary(Facts(indicator("iro_caseload"), "Lancashire", AUG, 19.4, 19.1, 17.2, spc=shift))
    assert text[:3] == [
        "For August 2019 the figure for Lancashire is 19.4.",
        "Read as SPC over the 17 months from April 2018, it shows a shift: 8 months above the mean since January 2019 "
        "(special-cause variation: a concern).",
        "Compared with July 2019 (19.1), it has worsened: up by 0.3.",
    ]
    quiet = SpcFact("within common-cause variation: no change to explain", "common_cause", 12, dt.date(2018, 9, 30))
    text = draft_commentary(Facts(indicator("cla"), "Lancashire", AUG, 2117, 2089, 2059, spc=quiet))
    assert text[1] == ("Read as SPC over the 12 months from September 2018, it is within common-cause variation: no "
                       "change to explain.")  # fmt: skip
    assert text[2] == "Compared with July 2019 (2,089), it is up by 28."  # still there, but second


@pytest.mark.parametrize(
    "indicator_id, assurance, target, sentence",
    [
        ("cla_health_assessment", "consistently_fails", 95.0,
         "Against its target of 95.0 %, it consistently fails it: the upper process limit is below the target."),
        ("iro_caseload", "consistently_meets", 20.0,
         "Against its target of 20.0, it consistently meets it: the upper process limit is below the target."),
        ("cla_reviews_in_timescale", "hit_and_miss", 90.0,
         "Against its target of 90.0 %, it is hit and miss: the target lies between the process limits, so some "
         "months meet it and some miss it by chance alone."),
    ],
)  # fmt: skip
def test_assurance_against_a_target_follows_the_reading(indicator_id, assurance, target, sentence):
    fact = SpcFact("within common-cause variation: no change to explain", "common_cause", 13, dt.date(2018, 8, 31),
                   assurance, target)  # fmt: skip
    assert draft_commentary(Facts(indicator(indicator_id), "Lancashire", AUG, 90.0, spc=fact))[2] == sentence


def test_a_withheld_or_missing_chart_is_said_in_words_and_read_no_further():
    withheld = SpcFact(note="The SPC chart is withheld in this published version: a month of its series is a small "
                            "number, and its mean and limits would reveal it.")  # fmt: skip
    text = draft_commentary(Facts(indicator("iro_pr_raised"), "Testshire", AUG, None, current_suppressed=True,
                                  spc=withheld))  # fmt: skip
    assert text == [
        "The August 2019 figure for Testshire is a small number and is not published (shown as \u201cc\u201d), "
        "so no comparison is given.",
        withheld.note,
    ]
