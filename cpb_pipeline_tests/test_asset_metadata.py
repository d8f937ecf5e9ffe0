"""Every asset tells its own story in the UI: group, description, owner, kinds, and a column schema for tables."""

from cpb_pipeline.definitions import definitions_for

GROUPS = {"sources", "staging", "marts", "benchmarks", "outputs", "publish"}


def _nodes():
    graph = definitions_for().resolve_asset_graph()
    return [(key, graph.get(key)) for key in graph.get_all_asset_keys()]


def test_every_asset_has_group_description_owner_and_kinds():
    for key, node in _nodes():
        name = key.to_user_string()
        assert node.group_name in GROUPS, name
        assert node.description and len(node.description) > 30, name
        assert node.owners == ["team:childrens-bi"], name
        assert node.kinds, name


def test_every_table_asset_has_a_column_schema_and_mirrors_its_table():
    for key, node in _nodes():
        if key.path[0] in ("staging", "marts", "reference") and node.group_name != "sources":
            assert len(key.path) == 2, key  # asset key schema/table is the table schema.table
            schema = node.metadata.get("dagster/column_schema")
            assert schema is not None and schema.columns, key.to_user_string()


def test_table_assets_report_row_counts_when_materialised(demo_pipeline):
    instance = demo_pipeline.instance
    for key, node in _nodes():
        if key.path[0] not in ("staging", "marts", "reference") or node.group_name == "sources":
            continue
        event = instance.get_latest_materialization_event(key)
        assert event is not None, key.to_user_string()
        metadata = event.asset_materialization.metadata
        assert "dagster/row_count" in metadata, key.to_user_string()
