"""Benchmark argmap's semantics against straightforward implementations.

Builds random maps (n claims, 2n relations, half attacks and half supports,
each from a random claim to a random claim) and prints, per semantics, the
time of argmap's implementation next to a straightforward pure-Python one of
the same definition, measured in the same run on the same map:

* gradual semantics: argmap's vectorised update against the plain-Python
  reference (``evaluate(..., reference=True)``), dictionaries and the
  papers' formulas;
* grounded: argmap's counter algorithm against (a) the least fixpoint of
  Dung's characteristic function iterated with Python sets and (b) the same
  counter algorithm written with a Python queue;
* one preferred extension of an n-argument, 2.5n-attack graph: argmap's
  SAT search against the same search without the grounded reduction, with
  clauses built argument by argument in Python.

Times exclude reading files: the maps are built in memory.  Run::

    python bench/bench_semantics.py            # 10k and 100k claims
    python bench/bench_semantics.py --sizes 10000 --repeat 1
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from argmap.semantics.extensions import AttackGraph, grounded, grounded_reference, preferred_one  # noqa: E402
from argmap.semantics.framework import Arrays  # noqa: E402
from argmap.semantics.gradual import GRADUAL, evaluate  # noqa: E402


def timed(fn, repeat=1):
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def random_map(n, rng, base):
    m = 2 * n
    kind = np.r_[np.ones(m // 2, dtype=np.int8), np.zeros(m - m // 2, dtype=np.int8)]
    return Arrays.from_indices(base, kind, rng.integers(0, n, m), rng.integers(0, n, m))


def grounded_queue(af):
    """Grounded extension by counters and a queue, in plain Python."""
    n = len(af.arguments)
    out = [[] for _ in range(n)]
    alive = [0] * n
    for a, b in zip(af.source.tolist(), af.target.tolist()):
        out[a].append(b)
        alive[b] += 1
    label = [0] * n
    todo = deque(i for i in range(n) if alive[i] == 0)
    while todo:
        a = todo.popleft()
        if label[a]:
            continue
        label[a] = 1
        for b in out[a]:
            if label[b] == 0:
                label[b] = 2
                for c in out[b]:
                    alive[c] -= 1
                    if alive[c] == 0 and label[c] == 0:
                        todo.append(c)
    return frozenset(af.arguments[i] for i in range(n) if label[i] == 1)


def preferred_plain(af):
    """One preferred extension: complete labellings of all arguments in SAT, grown to a maximal one."""
    from pysat.solvers import Solver

    n = len(af.arguments)
    attackers = [[] for _ in range(n)]
    for a, b in zip(af.source.tolist(), af.target.tolist()):
        attackers[b].append(a)
    s = Solver(name="cadical153")
    for a in range(n):
        i, o = a + 1, n + a + 1
        s.add_clause([-i, -o])
        s.add_clause([i] + [-(n + b + 1) for b in attackers[a]])
        s.add_clause([-o] + [b + 1 for b in attackers[a]])
        for b in attackers[a]:
            s.add_clause([-i, n + b + 1])
            s.add_clause([o, -(b + 1)])
    s.solve()
    model = s.get_model()
    ext = [a for a in range(n) if model[a] > 0]
    top = 2 * n
    while True:
        rest = sorted(set(range(n)) - set(ext))
        if not rest:
            break
        top += 1
        s.add_clause([-top] + [b + 1 for b in rest])
        if not s.solve(assumptions=[top] + [a + 1 for a in ext]):
            break
        model = s.get_model()
        ext = [a for a in range(n) if model[a] > 0]
        s.add_clause([-top])
    s.delete()
    return frozenset(af.arguments[a] for a in ext)


def row(what, fast, slow, note=""):
    ratio = f"{slow / fast:8.1f}x" if fast > 0 else "      -"
    print(f"  {what:<34} {fast:9.3f} s {slow:10.3f} s {ratio}  {note}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="claims per map, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs of argmap's version (the best is shown)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--base", choices=["default", "random", "both"], default="both",
                        help="base scores: all 0.5 (argmap's default), uniform in [0, 1], or both")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"numpy {np.__version__}")
    print(f"  {'semantics':<34} {'argmap':>11} {'straightforward':>12} {'ratio':>9}")
    for n in (int(x) for x in args.sizes.split(",")):
        rng = np.random.default_rng(args.seed)
        bases = {"default": np.full(n, 0.5), "random": rng.random(n)}
        for name, base in bases.items():
            if args.base not in (name, "both"):
                continue
            arr = random_map(n, rng, base)
            print(f"{n} claims, {2 * n} relations (half attacks), base scores {name}:")
            t_build, fw = timed(arr.to_framework)
            t_compile, _ = timed(lambda: Arrays.build(fw), args.repeat)
            print(f"  (compiling a dictionary framework to arrays: {t_compile:.3f} s, not counted below)")
            for sem in GRADUAL:
                fast, res = timed(lambda: evaluate(arr, sem), args.repeat)
                slow, ref = timed(lambda: evaluate(fw, sem, reference=True))
                worst = max(abs(res.scores[c] - ref.scores[c]) for c in fw.base)
                note = f"{res.method}, {res.iterations} it, residual {res.residual:.1e}, max diff {worst:.1e}"
                row(sem, fast, slow, note)
        rng = np.random.default_rng(args.seed + 1)
        att = AttackGraph(list(range(n)), rng.integers(0, n, 2 * n), rng.integers(0, n, 2 * n))
        print(f"{n} arguments, {2 * n} attacks:")
        fast, g = timed(lambda: grounded(att), args.repeat)
        slow, g_ref = timed(lambda: grounded_reference(att))
        row("grounded vs characteristic fn", fast, slow, f"|grounded| = {len(g)}, same: {g == g_ref}")
        slow_q, g_q = timed(lambda: grounded_queue(att))
        row("grounded vs Python queue", fast, slow_q, f"same: {g == g_q}")
        m = 5 * n // 2
        src, dst = rng.integers(0, n, m), rng.integers(0, n, m)
        graphs = {
            "random": AttackGraph(list(range(n)), src, dst),
            "symmetric": AttackGraph(list(range(n)), np.r_[src[: m // 2], dst[: m // 2]],
                                     np.r_[dst[: m // 2], src[: m // 2]]),
        }
        for kind, af in graphs.items():
            print(f"{n} arguments, {len(af.source)} attacks ({kind}):")
            fast, p = timed(lambda: preferred_one(af), args.repeat)
            slow, p_plain = timed(lambda: preferred_plain(af))
            row("one preferred extension", fast, slow, f"|ext| = {len(p)} (plain: {len(p_plain)})")


if __name__ == "__main__":
    main()
