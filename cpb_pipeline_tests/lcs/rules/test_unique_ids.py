from cpb_pipeline_tests.lcs.rules.helpers import outcome


def test_duplicate_ids_list_every_copy(tmp_path):
    [finding] = outcome(
        tmp_path, lambda t: t["ssd_person"].append(dict(t["ssd_person"][1])), "ssd_person", "valid"
    ).findings
    assert (finding.column, finding.rows, finding.rule) == ("pers_person_id", (3, 5), "must be unique within the file")
