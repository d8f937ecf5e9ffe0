"""Statistical process control (XmR charts) for the board's monthly series, as NHS England's "Making Data Count".

Plain computation (`method.py`), free of Dagster and DuckDB, so the figures can be checked on their own.
"""
