"""Pseudonyms: keyed, stable across tables and months, and only from the environment outside the demo."""

import pytest

from cpb_pipeline.domain.errors import ConfigError
from cpb_pipeline.runtime.privacy import KEY_VARIABLE, load_key
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, stored, write_extract


def test_same_child_same_pseudonym_in_every_table_and_month(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, "a-secret")
    key = load_key(demo=False)
    store = None
    for month in ("2019-07", "2019-08"):
        extract = load_extract(write_extract(tmp_path / month, minimal_extract()), month, key)
        store = stored(extract, tmp_path)
    child = key.pseudonym("person", "1001")

    def kept(table, column, month):
        return set(store.query(f"SELECT {column} FROM staging.{table} WHERE period_end = '{month}'")[column])

    assert child in kept("ssd_person", "pers_person_id", "2019-07-31")
    assert child in kept("ssd_person", "pers_person_id", "2019-08-31")
    assert kept("ssd_cla_episodes", "clae_person_id", "2019-07-31") == {child}
    assert kept("ssd_cla_health", "clah_person_id", "2019-08-31") == {child}
    # a period of care keeps its pseudonym between the episodes and the reviews that name it
    assert kept("ssd_cla_reviews", "clar_cla_id", "2019-08-31") == kept("ssd_cla_episodes", "clae_cla_id", "2019-08-31")


def test_a_different_key_gives_different_pseudonyms(monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, "one")
    one = load_key(demo=False).pseudonym("person", "1001")
    monkeypatch.setenv(KEY_VARIABLE, "two")
    assert load_key(demo=False).pseudonym("person", "1001") != one


def test_namespaces_keep_ids_of_different_kinds_apart(monkeypatch):
    monkeypatch.setenv(KEY_VARIABLE, "k")
    key = load_key(demo=False)
    assert key.pseudonym("person", "42") != key.pseudonym("cp_plan", "42")


def test_real_authority_refuses_to_run_without_the_key(monkeypatch):
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    with pytest.raises(ConfigError, match=KEY_VARIABLE):
        load_key(demo=False)
    assert load_key(demo=True).is_demo_fallback
