"""Both ways of reading a map file, end to end on small and middling maps, per command, in one run.

``python bench/reader_paths.py [--sizes 10 50 200 1000 3000 8000] [--runs 5]``

argmap can read a Turtle, N-Triples, RDF/XML or AIF file in two ways
(:func:`argmap.triples.use_fast_reader`): Oxigraph (AIF: a plain triple
list) fills the map's index directly and an rdflib graph is built only if
something asks for it, or, with ``ARGMAP_READER=rdflib``, rdflib parses the
file into a graph which is then indexed.  (When this script was written
the size of the files chose; its figures made the first way the one for
every size.)  This script runs each command on each map with each reader
(``ARGMAP_READER=rdflib`` and ``fast``) as a fresh process (start-up and
imports count, as they do for a user) and prints the best of ``--runs``
wall times:

* maps: the bundled map (``graphs/trump-kim-meeting.ttl``) and maps of N
  claims and 2N relations from :mod:`genmap` (written to the git-ignored
  ``bench/out``);
* commands: ``info``, ``score``, ``render -o page.html``, ``export --format
  json -o map.json`` and ``query --named claims-by-speaker --format csv``
  (``query`` reads its maps into an rdflib store whatever the reader, so its
  two columns show how much two runs of the same work differ);
* the baseline, measured in the same run: ``python -c pass`` and
  ``argmap --help``.

Each row says whether the two readers wrote the same output (standard
output, or the file written) and the ratio fast / rdflib; the load
average (``/proc/loadavg``) is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import genmap  # noqa: E402

COMMANDS = {
    "info": lambda m, w: (["info", m], None),
    "score": lambda m, w: (["score", m, "--format", "csv"], None),
    "render": lambda m, w: (["render", m, "-o", w / "page.html"], w / "page.html"),
    "export json": lambda m, w: (["export", m, "--format", "json", "-o", w / "map.json"], w / "map.json"),
    "query": lambda m, w: (["query", m, "--named", "claims-by-speaker", "--format", "csv"], None),
}


def best(args, runs: int, env=None, cwd=None) -> tuple[float, bytes]:
    """The shortest wall time of ``runs`` runs of ``args`` as fresh processes, and the last run's standard output."""
    full = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    times, out = [], b""
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run([str(a) for a in args], capture_output=True, env=full, cwd=cwd)
        times.append(time.perf_counter() - t0)
        if res.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, args))} exited {res.returncode}: {res.stderr.decode()[:300]}")
        out = res.stdout
    return min(times), out


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="*", type=int, default=[10, 50, 200, 1000, 3000, 8000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--commands", nargs="*", default=list(COMMANDS), choices=list(COMMANDS))
    args = ap.parse_args(argv)
    py = sys.executable
    maps = [("bundled", ROOT / "graphs" / "trump-kim-meeting.ttl")]
    maps += [(f"{n} claims", genmap.write(n, args.out)["turtle"]) for n in args.sizes]
    print(f"load average (1 min) before: {load()}")
    print(f"python -c pass: {best([py, '-c', 'pass'], args.runs)[0]:.3f} s; "
          f"argmap --help: {best([py, '-m', 'argmap', '--help'], args.runs)[0]:.3f} s (best of {args.runs})")
    print()
    print("| map | KB | command | rdflib s | fast s | fast / rdflib | same output |")
    print("|---|---|---|---|---|---|---|")
    for name, path in maps:
        kb = path.stat().st_size / 1000
        for command in args.commands:
            seen = {}
            for reader in ("rdflib", "fast"):
                with tempfile.TemporaryDirectory(prefix="argmap-reader-") as tmp:
                    cli, written = COMMANDS[command](path, Path(tmp))
                    seconds, out = best([py, "-m", "argmap", *cli], args.runs, {"ARGMAP_READER": reader}, cwd=tmp)
                    seen[reader] = (seconds, written.read_bytes() if written else out)
            (slow, a), (fast, b) = seen["rdflib"], seen["fast"]
            print(f"| {name} | {kb:.0f} | {command} | {slow:.3f} | {fast:.3f} | {fast / slow:.2f} | "
                  f"{'yes' if a == b else 'NO'} |", flush=True)
    print(f"\nload average (1 min) after: {load()}")


if __name__ == "__main__":
    main()
