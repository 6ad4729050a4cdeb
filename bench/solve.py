"""Benchmark ``argmap solve`` next to clingo and the answer-set encodings of ``tests/asp/``.

For each framework (random, grid, chain with cycles, dense mutual attacks;
1,000 to 100,000 arguments) and each task (SE-PR, DC-CO, DS-PR, SE-ST,
SE-SST), in the same run on the same files:

* argmap: ``python -m argmap solve -p TASK -f F.af [-a ARG]``, end to end
  (process start, reading the ICCMA file, solving, printing);
* clingo: a fresh Python process loading the encodings and the framework as
  facts (``arg(0..n-1). att(i,j).``), grounding and solving for one answer
  set, with ``:- not in(a).`` for DC and ``:- in(a).`` for DS (an answer set
  is then a counter-example: NO).

Each run has a time limit (``--timeout``, 60 s); a run past it is reported as
a timeout.  The two answers are compared (YES/NO, or whether an extension
exists).  The queried argument is the lowest-numbered one the grounded
labelling leaves undecided (argument 1 when there is none).  Prints a
markdown table::

    python bench/solve.py                       # 1k, 10k and 100k arguments
    python bench/solve.py --sizes 1000 --timeout 10
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TASKS = ("SE-PR", "DC-CO", "DS-PR", "SE-ST", "SE-SST")
_SEMANTICS = {"PR": "preferred", "CO": "complete", "ST": "stable", "SST": "semistable"}


# --- frameworks: (n, attacks as 0-based pairs) -------------------------------------------
def random_af(n, rng):
    """n arguments, 2.5n attacks from a random argument to a random one."""
    return n, {(rng.randrange(n), rng.randrange(n)) for _ in range(int(2.5 * n))}


def grid_af(n, rng):
    """A square grid: each cell and its right neighbour attack each other, each cell attacks the one below."""
    side = int(n ** 0.5)
    attacks = set()
    for r in range(side):
        for c in range(side):
            i = r * side + c
            if c + 1 < side:
                attacks |= {(i, i + 1), (i + 1, i)}
            if r + 1 < side:
                attacks.add((i, i + side))
    return side * side, attacks


def chain_af(n, rng):
    """A chain 0 -> 1 -> ... with cycles: every 5th argument attacks the one 2 back (odd cycles of 3),
    every 7th the one before (cycles of 2)."""
    attacks = {(i, i + 1) for i in range(n - 1)}
    attacks |= {(i, i - 2) for i in range(2, n, 5)}
    attacks |= {(i, i - 1) for i in range(1, n, 7)}
    return n, attacks


def dense_af(n, rng):
    """Groups of 10 arguments that all attack each other, and n random attacks between groups."""
    attacks = {(a, b) for g in range(0, n, 10) for a in range(g, min(g + 10, n)) for b in range(g, min(g + 10, n))
               if a != b}
    attacks |= {(rng.randrange(n), rng.randrange(n)) for _ in range(n)}
    return n, attacks


FAMILIES = {"random (2.5n attacks)": random_af, "grid": grid_af, "chain with cycles": chain_af,
            "dense mutual (cliques of 10)": dense_af}


# --- runs --------------------------------------------------------------------------------
def _timed(argv, timeout):
    """(seconds, stdout) of a fresh process, or (None, None) past ``timeout``."""
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        return None, None
    if done.returncode:
        raise RuntimeError(f"{argv}: {done.stderr.strip()[-300:]}")
    return time.perf_counter() - start, done.stdout


def run_argmap(path, task, argument, timeout):
    argv = [sys.executable, "-m", "argmap", "solve", "-p", task, "-f", str(path)]
    seconds, out = _timed(argv + (["-a", str(argument + 1)] if argument is not None else []), timeout)
    return seconds, None if out is None else out.split()[0] != "NO"


def run_clingo(facts_path, task, argument, timeout):
    argv = [sys.executable, __file__, "--clingo", task, str(facts_path), str(-1 if argument is None else argument)]
    seconds, out = _timed(argv, timeout)
    return seconds, None if out is None else out.strip() == "YES"


def _clingo_main(task, facts_path, argument):
    """In the child process: one clingo call; prints YES/NO as argmap would answer."""
    from tests.asp_reference import PARTS, models

    kind, code = task.split("-")
    program = Path(facts_path).read_text()
    argument = int(argument)
    if kind == "DC":
        program += f":- not in({argument}).\n"
    elif kind == "DS":
        program += f":- in({argument}).\n"
    found = bool(models(PARTS[_SEMANTICS[code]], program, limit=1))
    print("NO" if found == (kind == "DS") else "YES")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import numpy as np

    from argmap.semantics.extensions import AttackGraph, grounded_labels

    print(f"<!-- {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, time limit {args.timeout:g} s -->")
    print("| framework | arguments | attacks | task | argmap | clingo | same answer |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            for family, build in FAMILIES.items():
                n, attacks = build(size, random.Random(args.seed))
                attacks = sorted(attacks)
                af_path, lp_path = Path(tmp) / "f.af", Path(tmp) / "f.lp"
                af_path.write_text(f"p af {n}\n" + "".join(f"{a + 1} {b + 1}\n" for a, b in attacks))
                lp_path.write_text(f"arg(0..{n - 1}).\n" + "".join(f"att({a},{b}).\n" for a, b in attacks))
                pairs = np.array(attacks, dtype=np.int64).reshape(-1, 2)
                labels = grounded_labels(AttackGraph(list(range(n)), pairs[:, 0], pairs[:, 1]))
                undecided = np.flatnonzero(labels == 0)
                query = int(undecided[0]) if len(undecided) else 0
                for task in TASKS:
                    argument = None if task.startswith("SE") else query
                    a_time, a_yes = run_argmap(af_path, task, argument, args.timeout)
                    c_time, c_yes = run_clingo(lp_path, task, argument, args.timeout)
                    same = "-" if None in (a_yes, c_yes) else ("yes" if a_yes == c_yes else "**NO**")

                    def shown(seconds):
                        return f"> {args.timeout:g} s" if seconds is None else f"{seconds:.2f} s"

                    answer = "" if a_yes is None else (" (YES)" if a_yes else " (NO)")
                    print(f"| {family} | {n:,} | {len(attacks):,} | {task} | {shown(a_time)}{answer} | "
                          f"{shown(c_time)} | {same} |", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--clingo"]:
        _clingo_main(*sys.argv[2:5])
    else:
        main()
