"""Generate large argument maps, deterministically, in Turtle and AIF JSON.

``python bench/genmap.py 100000 [--out bench/out]`` writes
``map-100000.ttl`` and ``map-100000.json`` (``bench/out`` is git-ignored;
never commit these files).  The same size and seed always give the same bytes.

A map of N claims has 2N relations.  The first N - 1 make a random tree
under the main thesis, claim 0 (claim i supports or attacks one claim before
it), so that every claim bears on the thesis; the other N + 1 are supports
(60 %), attacks (35 %) and undercuts (5 %), one in ten with two linked
premises.  Every premise has a larger number than what it bears on (an
undercut's premise a larger number than the target of the relation it
undercuts), so the map is acyclic.  Each claim has a kind, a label, a text, a
base score, a source and a speaker: about 14.7 triples per claim, so 100,000
claims make about 1.5 million triples.  The AIF file holds the same claims
(I-nodes) and relations (RA- and CA-nodes) without base scores, sources or
speakers.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

__all__ = ["generate", "turtle", "aif", "write"]

BASE = "https://example.org/bench/map-{n}#"
KINDS = ("FactualClaim", "PredictiveClaim", "EvaluativeClaim", "PolicyClaim", "Claim")
SPEAKERS = 50


def generate(n: int, seed: int = 1):
    """``(claims, relations)``: claims as ``(kind, base)``; relations as ``(kind, premises, target)``.

    An undercut's target is the number of the relation it undercuts.
    """
    rnd = random.Random(seed)
    claims = [(KINDS[rnd.randrange(len(KINDS))], rnd.randrange(5, 96) / 100) for _ in range(n)]
    relations = []
    for i in range(1, n):
        relations.append(("support" if rnd.random() < 0.65 else "attack", (i,), rnd.randrange(i)))
    for _ in range(n + 1):
        roll = rnd.random()
        if roll < 0.05 and relations:
            k = rnd.randrange(len(relations))
            while relations[k][0] == "undercut":
                k = rnd.randrange(len(relations))
            low = relations[k][2]
            if low >= n - 1:
                kind, target = "attack", rnd.randrange(n - 1)
                low = target
            else:
                kind, target = "undercut", k
        else:
            kind = "support" if roll < 0.65 else "attack"
            target = low = rnd.randrange(n - 1)
        count = 2 if rnd.random() < 0.1 and low < n - 2 else 1
        premises = tuple(sorted(rnd.sample(range(low + 1, n), count))) if n - low - 1 >= count else (n - 1,)
        relations.append((kind, premises, target))
    return claims, relations


def turtle(n: int, seed: int = 1) -> str:
    """The map in Turtle (prefixed names; one subject per block)."""
    claims, relations = generate(n, seed)
    out = [
        f"@prefix g: <{BASE.format(n=n)}> .",
        "@prefix am: <https://w3id.org/argmap#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "",
        f'g:map a am:ArgumentMap ; am:mainThesis g:c0 ; am:source g:src ; rdfs:label "Generated map of {n} claims" .',
        f'g:src a am:Source ; dcterms:title "Generated corpus of {n} claims" ; dcterms:date "2026-01-01"^^xsd:date .',
    ]
    out += [f'g:s{i} a prov:Person ; rdfs:label "Speaker {i}" .' for i in range(SPEAKERS)]
    kind_code = {"support": "Support", "attack": "Attack", "undercut": "Undercut"}
    for i, (kind, base) in enumerate(claims):
        out.append(f'g:c{i} a am:{kind} ; rdfs:label "Claim {i}" ; am:text "The text of claim number {i}." ; '
                   f'am:baseScore {base:.2f} ; dcterms:source g:src ; am:attributedTo g:s{i % SPEAKERS} .')
    for j, (kind, premises, target) in enumerate(relations):
        tgt = f"g:r{target}" if kind == "undercut" else f"g:c{target}"
        prem = ", ".join(f"g:c{p}" for p in premises)
        out.append(f"g:r{j} a am:{kind_code[kind]} ; am:premise {prem} ; am:target {tgt} ; dcterms:source g:src .")
    return "\n".join(out) + "\n"


def aif(n: int, seed: int = 1) -> str:
    """The same claims and relations as AIF JSON (I-, RA- and CA-nodes)."""
    claims, relations = generate(n, seed)
    nodes = [{"nodeID": f"c{i}", "text": f"The text of claim number {i}.", "type": "I"} for i in range(n)]
    edges = []
    for j, (kind, premises, target) in enumerate(relations):
        nodes.append({"nodeID": f"r{j}", "text": "Default Inference" if kind == "support" else "Default Conflict",
                      "type": "RA" if kind == "support" else "CA"})
        edges += [{"edgeID": f"e{j}p{p}", "fromID": f"c{p}", "toID": f"r{j}"} for p in premises]
        edges.append({"edgeID": f"e{j}t", "fromID": f"r{j}", "toID": f"r{target}" if kind == "undercut" else f"c{target}"})
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": [], "participants": []}, indent=0) + "\n"


def write(n: int, out: Path, seed: int = 1) -> dict:
    """Write ``map-N.ttl`` and ``map-N.json`` into ``out``; returns their paths by format."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {"turtle": out / f"map-{n}.ttl", "aif": out / f"map-{n}.json"}
    paths["turtle"].write_text(turtle(n, seed), encoding="utf-8")
    paths["aif"].write_text(aif(n, seed), encoding="utf-8")
    return paths


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000, 300_000])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    for n in args.sizes:
        for fmt, path in write(n, args.out, args.seed).items():
            print(f"{path}: {fmt}, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
