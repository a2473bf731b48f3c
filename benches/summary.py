#!/usr/bin/env python3
"""Prints the median of every criterion benchmark under target/criterion, one a line:
`python3 benches/summary.py [FILTER]` after `cargo bench`."""

import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
pattern = sys.argv[1] if len(sys.argv) > 1 else ""


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for bench in root.rglob("new/benchmark.json"):
    meta = json.loads(bench.read_text())
    name = meta["full_id"]
    if pattern not in name:
        continue
    estimates = json.loads((bench.parent / "estimates.json").read_text())
    rows.append((name, estimates["median"]["point_estimate"]))
for name, ns in sorted(rows):
    print(f"{name:60} {human(ns):>10}")
