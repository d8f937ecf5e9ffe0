"""python -m cpb_pipeline.demo.lcs OUT_DIR [--national]: write the demo LCS extracts."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cpb_pipeline.demo.lcs import generate_lcs_extracts, generate_national_month
from cpb_pipeline.demo.lcs.generator import DEMO_SEED, FIRST_EXTRACT, LAST_EXTRACT


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m cpb_pipeline.demo.lcs", description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder to write YYYY-MM/ssd_*.csv into")
    parser.add_argument("--national", action="store_true", help="one England-sized month instead of the demo")
    parser.add_argument("--first", default=FIRST_EXTRACT, help="first month of the demo (YYYY-MM)")
    parser.add_argument("--last", default=LAST_EXTRACT, help="last month of the demo, or the national month")
    parser.add_argument("--seed", type=int, default=None, help=f"random seed (demo: {DEMO_SEED}, national: 1)")
    parser.add_argument("--scale", type=int, default=40, help="national month: times the demo's size")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    seed = {} if args.seed is None else {"seed": args.seed}
    if args.national:
        folders = [generate_national_month(args.out_dir, args.last, args.scale, **seed)]
    else:
        folders = generate_lcs_extracts(args.out_dir, args.first, args.last, **seed)
    print(f"wrote {len(folders)} month(s) to {args.out_dir} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
