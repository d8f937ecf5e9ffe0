from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, write_extract


def outcome(tmp_path, damage, table, check, month="2019-08"):
    """Load the minimal extract after `damage(tables)` and return the named check's outcome."""
    tables = minimal_extract()
    damage(tables)
    extract = load_extract(write_extract(tmp_path / month, tables), month, load_key(demo=True))
    return next(o for o in extract.outcomes if o.table == table and o.name == check)
