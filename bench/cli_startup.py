"""How long ``argmap --help`` takes, next to a bare Python start-up.

Run: python3 bench/cli_startup.py [RUNS]

Prints the median wall time of ``python -c pass`` (the baseline), of
``python -m argmap --help`` and of importing rdflib, measured in this run.
The target is ``argmap --help`` under 0.3 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_time(cmd, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(runs: int = 15) -> None:
    py = sys.executable
    rows = [
        ("python -c pass (baseline)", [py, "-c", "pass"]),
        ("argmap --help", [py, "-m", "argmap", "--help"]),
        ("python -c 'import rdflib' (for scale)", [py, "-c", "import rdflib"]),
    ]
    for name, cmd in rows:
        print(f"{name:42s} {median_time(cmd, runs) * 1000:7.1f} ms (median of {runs})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
