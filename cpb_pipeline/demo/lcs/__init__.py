"""Synthetic monthly LCS extracts (SSD format) for the demo authority, calibrated to the seed."""

from cpb_pipeline.demo.lcs.generator import generate_lcs_extracts
from cpb_pipeline.demo.lcs.national import generate_national_month

__all__ = ["generate_lcs_extracts", "generate_national_month"]
