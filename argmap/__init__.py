"""argmap: argument maps as RDF knowledge graphs.

Load a map, score its claims, render it, query it::

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> result = argmap.score(amap)
    >>> max(result.scores, key=result.scores.get) in amap.claims
    True
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "ArgumentMap",
    "ArgmapError",
    "load",
    "bundled_map_path",
    "score",
    "render",
    "query",
    "export",
    "__version__",
]

from .errors import ArgmapError


def __getattr__(name):
    # rdflib takes a fifth of a second to import: load the model on first use,
    # so that ``argmap --help`` stays fast.
    if name in ("ArgumentMap", "bundled_map_path"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def load(*paths, format: str | None = None) -> "ArgumentMap":
    """Load one or more map files into one :class:`ArgumentMap`."""
    from .model import ArgumentMap

    return ArgumentMap.load(*paths, format=format)


def score(amap: "ArgumentMap", semantics: str = "dfquad"):
    """Score every claim; see :mod:`argmap.semantics`."""
    from .semantics import score as _score

    return _score(amap, semantics)


def render(amap: "ArgumentMap", path, **kwargs):
    """Write ``amap`` as an interactive HTML page; see :mod:`argmap.render`."""
    from .render import render as _render

    return _render(amap, path, **kwargs)


def query(amap: "ArgumentMap", text: str):
    """Run a SPARQL SELECT or ASK; see :mod:`argmap.query`."""
    from .query import query as _query

    return _query(amap, text)


def export(amap: "ArgumentMap", format: str, path=None) -> str:
    """Serialize ``amap`` in ``format``; write it to ``path`` atomically if given."""
    from . import io
    from ._files import atomic_write

    text = io.dumps(amap, format)
    if path is not None:
        atomic_write(path, text)
    return text
