"""Several argument maps in one.

Each map's claims and relations keep the file they come from
(``dcterms:source``, added where a map does not say already), so a merged map
still tells which source put a claim forward.  Claims of different maps that
say the same thing (the same words, ignoring case, spacing and final
punctuation) are not fused but linked with ``am:rephrases``, as AIF links a
restatement with an MA-node; each keeps its own source and relations.
"""

from __future__ import annotations

import re
from pathlib import Path

import rdflib
from rdflib import DCTERMS, RDF, URIRef

from .errors import MapError
from .io.loading import load
from .model import ArgumentMap
from .vocab import AM

__all__ = ["merge", "same_text_key"]


def same_text_key(text: str) -> str:
    """What two claims must share to say the same thing: their words, case-folded."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def merge(*paths, format: str | None = None, rephrase: bool = True, cls=ArgumentMap):
    """One :class:`~argmap.ArgumentMap` of the maps in ``paths``, each claim keeping its source.

    Parameters
    ----------
    paths : str or path
        Map files, in any format argmap reads.
    format : str, optional
        The format of every file (else each file's suffix and content tell).
    rephrase : bool
        Link claims of different files that say the same thing with ``am:rephrases``.
    cls : type
        The class of the maps read and of the one returned.
    """
    if not paths:
        raise MapError("no map given")
    graph = rdflib.Graph()
    origin = {}
    for path in paths:
        part = load(path, format=format, cls=cls)
        source = URIRef(Path(path).resolve().as_uri())
        for node in [*part.claims, *part.relations]:
            if part.graph.value(URIRef(node), DCTERMS.source) is None:
                part.graph.add((URIRef(node), DCTERMS.source, source))
                part.graph.add((source, RDF.type, AM.Source))
            origin.setdefault(node, str(path))
        for prefix, ns in part.graph.namespaces():
            graph.bind(prefix, ns, override=False)
        graph += part.graph
    merged = cls(graph, paths=paths)
    if rephrase:
        groups = {}
        for cid, c in merged.claims.items():
            key = same_text_key(c.text)
            if key:
                groups.setdefault(key, []).append(cid)
        for ids in groups.values():
            first = ids[0]
            for other in ids[1:]:
                if origin.get(other) != origin.get(first):
                    graph.add((URIRef(first), AM.rephrases, URIRef(other)))
    merged = cls(graph, paths=paths)  # read again, with the rephrases
    merged.check()
    return merged
