"""Reading map files into an :class:`~argmap.model.ArgumentMap`.

Two readers fill a map.  Turtle, N-Triples and RDF/XML files are streamed
through Oxigraph, and AIF files read into a plain list of triples
(:mod:`argmap.triples`), at every size; neither becomes an rdflib graph
unless the map's :attr:`~argmap.model.ArgumentMap.graph` is asked for.  The
other formats (Argdown, Kialo, the microtexts, JSON-LD), and every file
under ``ARGMAP_READER=rdflib``, are read by their format's reader into an
rdflib graph (:func:`read_graphs`).  The answers are the same either way
(:func:`use_fast_reader`).
"""

from __future__ import annotations

import os
from contextlib import nullcontext

import rdflib

from ..anchor import anchor_graph
from ..errors import MapError
from ..model import ArgumentMap
from ..progress import files_label, progress
from ..triples import (OXIGRAPH_FORMATS, from_file, from_rows, graph_misfits, misfit_error,
                       quiet_gc)
from . import get_format, guess_format, read_graph

__all__ = ["load", "read_graphs", "use_fast_reader", "read_parts"]


def load(*paths, format: str | None = None, source=None, cls=ArgumentMap) -> ArgumentMap:
    """Read one or more files (format from each suffix, or ``format``) into one map of class ``cls``.

    ``source`` names the source text's file, in which an Argdown file's
    quotes are found (instead of its front matter's).  The map is checked
    (:meth:`~argmap.model.ArgumentMap.check`) before it is returned.
    """
    if not paths:
        raise MapError("no map given")
    fast = source is None and use_fast_reader(paths, format)
    # without the cyclic collector, for the claims and relations that check builds too
    bar = progress(f"reading {files_label(paths)}", total=len(paths))
    with bar, (quiet_gc() if fast else nullcontext()):
        if fast:
            index, parts = read_parts(paths, format)
            bar.advance(len(paths))
            amap = cls(paths=paths, index=index, parts=parts, load_graph=lambda: read_graphs(paths, format, parts))
        else:
            amap = cls(read_graphs(paths, format, bar=bar, check=True, source=source), paths=paths)
        amap.check()
    return amap


def read_graphs(paths, format=None, parts=(), bar=None, check=False, source=None):
    """The files in one rdflib graph, with the prefixes they declare.

    ``parts`` may hold files already read into triple lists (see
    :func:`read_parts`), which are not read again.  With ``check``, a file
    with an object of the wrong kind for its predicate (a literal target,
    say) is an error at its line, as the fast reader makes it
    (:func:`argmap.triples.misfit_error`).  ``source`` is the source text's
    file, in which quotes that came without offsets are found.
    """
    read = {path: triples for path, _name, triples in parts if triples is not None}
    graph = rdflib.Graph()
    for path in paths:
        part = read.get(str(path)) or read_graph(path, format, source)
        if source is not None:  # the quotes that came without offsets (Argdown's reader placed its own)
            anchor_graph(part, source, path)
        misfits = graph_misfits(part) if check else None
        if misfits:
            raise misfit_error(path, misfits)
        for prefix, ns in part.namespaces():
            graph.bind(prefix, ns, override=False)
        if str(path) in read:
            for triple in part.rdflib_triples():
                graph.add(triple)
        else:
            graph += part
        if bar is not None:
            bar.advance()
    return graph


def use_fast_reader(paths, format: str | None = None) -> bool:
    """Whether to read ``paths`` without rdflib: each is in a format that can be, and ``ARGMAP_READER`` is not ``rdflib``.

    Oxigraph parses Turtle, N-Triples and RDF/XML; formats registered with
    ``triples=True`` (AIF) read into a plain triple list.  This is the way
    for every size: on the bundled map and generated maps of 10 to 8,000
    claims it was as fast or faster end to end for every command
    (``bench/reader_paths.py``, figures in ``bench/README.md``).
    ``ARGMAP_READER=rdflib`` reads through an rdflib graph instead, the
    reference the tests compare with.
    """
    if os.environ.get("ARGMAP_READER", "").lower() == "rdflib":
        return False
    try:
        fmts = [get_format(format) if format else guess_format(p) for p in paths]
    except Exception:  # the rdflib path reports it
        return False
    return all(f.name in OXIGRAPH_FORMATS or f.options.get("triples") for f in fmts)


def read_parts(paths, format: str | None = None):
    """``(index, parts)`` of files read without rdflib (see :func:`use_fast_reader`).

    ``parts`` has ``(path, format name, TripleList or None)`` per file, for
    :func:`argmap.triples.ntriples_lines` and for building the rdflib graph should it be needed.
    """
    index, parts = None, []
    for path in paths:
        fmt = get_format(format) if format else guess_format(path)
        if fmt.name in OXIGRAPH_FORMATS:
            part, triples = from_file(path, fmt.name), None
        else:
            triples = fmt.read_triples(path)
            part = from_rows(triples.rows())
        index = part if index is None else index.merge(part)
        parts.append((str(path), fmt.name, triples))
    return index, parts
