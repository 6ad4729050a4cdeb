"""argmap: argument maps as RDF knowledge graphs.

Load a map, score its claims, render it, query it::

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> result = argmap.score(amap)
    >>> max(result.scores, key=result.scores.get) in amap.claims
    True

Each command of the ``argmap`` command line has one function here (see
docs/python-api.md): ``argmap import`` is :func:`load` (and :func:`export`),
``argmap load`` is :func:`load_store`.  Every mistake in the input raises an
:class:`ArgmapError`.  The heavy packages (rdflib, networkx, numpy) are
imported by the functions, not by ``import argmap``: each function imports
the modules it calls when it runs (see the guide's layout).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

__version__ = "0.1.0"

__all__ = [
    "ArgumentMap",
    "ArgmapError",
    "bundled_map_path",
    "load",
    "load_framework",
    "info",
    "validate",
    "anchor_map",
    "score",
    "extensions",
    "explain",
    "render",
    "query",
    "export",
    "merge",
    "load_store",
    "push",
    "ontology_docs",
    "solve",
    "__version__",
]

from . import io
from ._files import atomic_write, bundled_map_path
from .errors import ArgmapError, UsageError
from .io import read_framework, writable_target
from .io import write as write_map
from .namespace import local_name
from .sparql import bind_params, named_query, parse_params


def __getattr__(name):
    # the map class is loaded on first use: its module imports rdflib and numpy (0.3 s), which
    # ``argmap --help`` and a framework file's score (load_framework) do without
    if name == "ArgumentMap":
        from .maps import ArgumentMap  # lazy: it imports rdflib and numpy

        return ArgumentMap
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def load(*paths, format: str | None = None, source=None) -> "ArgumentMap":
    """Read one or more map files, in any format argmap reads, into one :class:`ArgumentMap`.

    The command line's ``argmap import`` (which then writes the map as
    Turtle), and what every command does with its MAP arguments.  ``format``
    names the files' format; by default each file's suffix and content tell.
    ``source`` is the file of the source text in which an Argdown map's
    quotes are found (by default its front matter's ``source``).

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> amap.claims[amap.main_thesis].label
    'Be cautious at the Kim meeting'
    """
    from .maps import ArgumentMap  # lazy: it imports rdflib and numpy

    return ArgumentMap.load(*paths, format=format, source=source)


def load_framework(path, format: str | None = None):
    """Read one ASPARTIX (``.apx``), weighted bipolar (``.bag``) or ICCMA 2023 (``.af``) file, without RDF.

    What ``argmap score`` (without ``--write``) and ``argmap explain`` do
    with such a file: a :class:`argmap.io.afmap.FrameworkMap` holds the
    claims (named as :func:`load` names them, ``file:///...#a``) and the
    framework compiled to arrays, and :func:`score`, :func:`extensions` and
    :func:`explain` take it as they take a map, with the same results.
    ``format`` names the file's format (``aspartix``, ``bag``, ``iccma``);
    by default its suffix tells.  A malformed file raises a
    :class:`argmap.errors.ParseError` naming its line.

    >>> import argmap, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "debate.bag"
    >>> _ = path.write_text("arg(a,0.5). arg(b,0.8). att(b,a).")
    >>> af = argmap.load_framework(path)
    >>> [(af.claims[c].label, round(v, 3)) for c, v in argmap.score(af).ranking()]
    [('b', 0.8), ('a', 0.1)]
    """
    return read_framework(path, format)


def info(amap: "ArgumentMap") -> dict:
    """What ``argmap info`` prints: claims by kind, relations by kind, sources and main theses.

    >>> import argmap
    >>> facts = argmap.info(argmap.load(argmap.bundled_map_path()))
    >>> facts["claims"], facts["relations"]
    (47, 46)
    >>> facts["relation_kinds"]
    {'support': 37, 'attack': 5, 'undercut': 4}
    >>> facts["sources"]
    ['President Trump Should be Cautious During the Kim Meeting (2018-03)']
    """
    kinds = Counter()
    for types, n in amap.claim_types().items():
        named = [local_name(t) for t in types if local_name(t) != "Claim"]
        kinds[", ".join(named) or "Claim"] += n
    return {
        "claims": len(amap.claims),
        "claim_kinds": dict(sorted(kinds.items())),
        "relations": len(amap.relations),
        "relation_kinds": amap.relation_counts(),
        "sources": [(s.title or s.id) + (f" ({s.date})" if s.date else "") for s in amap.sources],
        "main_theses": list(amap.main_theses),
    }


def validate(*paths, source=None, format: str | None = None) -> list:
    """Check each map file against the SHACL shapes and the structural rules; the findings.

    ``argmap validate``.  ``source`` is a file every quote must match, or a
    dict ``{source IRI: file}``.  Each finding is a
    :class:`argmap.validation.Finding`; ``str(finding)`` is the command's
    line ``FILE:LINE: NODE: message``.  No findings: an empty list.

    >>> import argmap
    >>> argmap.validate(argmap.bundled_map_path())
    []
    """
    from .validation import validate as run  # lazy: it imports rdflib

    sources = None if source is None else (dict(source) if isinstance(source, dict) else {None: source})
    return run(paths, sources=sources, format=format)


def anchor_map(amap: "ArgumentMap", source, *, top: int = 3, threshold: float = 0.6, write=None):
    """Quotes for the claims that have none, and mended offsets for those that no longer fit (``argmap anchor``).

    ``source`` is the file of the source's text.  Each claim without a quote
    gets the ``top`` passages of the source (sentences and clauses) most like
    its text and label, scored from 0 to 1 (:func:`argmap.anchor.propose`);
    each quote whose offsets do not span its exact text in the source is
    found again (:func:`argmap.anchor.reanchor`).  With ``write`` (a path),
    the best proposal of each claim that scores at least ``threshold``
    becomes an ``am:Quote`` and the offsets are mended, and the map is
    written there atomically as RDF (format from the suffix); a map file
    with nothing to change is left as it is.  Returns an
    :class:`argmap.anchor.AnchorReport`.

    >>> import argmap, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "bridge.txt").write_text("We should build the bridge. Critics call it a waste.")
    >>> _ = (folder / "bridge.ttl").write_text('''@prefix am: <https://w3id.org/argmap#> .
    ...     <urn:x:build> a am:Claim ; am:text "Build the bridge." .''')
    >>> report = argmap.anchor_map(argmap.load(folder / "bridge.ttl"), folder / "bridge.txt")
    >>> best = report.proposals[0]
    >>> best.span.exact, best.span.start, best.span.end, round(best.score, 2)
    ('We should build the bridge.', 0, 27, 0.88)
    """
    from .anchor import AnchorReport, proposals, reanchorings, store  # lazy: it imports rdflib
    from .validation import read_source_text  # lazy: it imports rdflib

    target = None if write is None else writable_target(write, "quotes")  # fail before any work
    text = read_source_text(source)
    report = AnchorReport(proposals(amap, text, top), reanchorings(amap, text))
    if target is not None:
        store(amap, report, Path(source).name, threshold)
        if report.stored or report.fixed or target not in amap.paths:  # an unchanged map keeps its comments
            write_map(amap, target)
    return report


def score(amap: "ArgumentMap", semantics: str = "dfquad"):
    """Every claim's strength under a gradual semantics (``argmap score``).

    ``semantics`` is ``dfquad``, ``qe``, ``euler`` or ``hcat`` (or the
    ontology's name of one, such as ``DFQuAD``: see :mod:`argmap.names`); the result's
    ``scores`` map claim ids to strengths and ``ranking()`` sorts them.

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> claim, value = argmap.score(amap, "qe").ranking()[0]
    >>> amap.claims[claim].label, round(value, 3)
    ('Be cautious at the Kim meeting', 0.986)
    """
    from .semantics import score as _score  # lazy: it imports numpy

    return _score(amap, semantics)


def extensions(amap: "ArgumentMap", semantics: str = "grounded", support=None):
    """The extensions of the map's attack graph (``argmap score --semantics grounded`` ...).

    ``semantics`` is ``grounded``, ``complete``, ``preferred``, ``stable``,
    ``semistable``, ``stage`` or ``ideal``;
    ``support`` names the attacks that supports induce
    (``"supported,mediated"``).  The result has ``extensions`` (lists of
    claim ids) and each claim's ``status``.

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> result = argmap.extensions(amap, "grounded")
    >>> result.status[amap.main_thesis], len(result.extensions)
    ('IN', 1)
    """
    from .semantics import extensions_of  # lazy: it imports numpy

    return extensions_of(amap, semantics, support)


def solve(path, task: str, argument: str | None = None):
    """Solve an ICCMA 2023 task on the framework in the file ``path`` (``argmap solve``).

    ``task`` is one of ``argmap.semantics.tasks.TASKS`` (``DC-PR``,
    ``DS-ST``, ``SE-GR``, ...); ``argument``, for DC and DS, is the
    argument's number in an ICCMA file (``p af N``) or its name in an
    ASPARTIX one.  The answer has ``yes`` (None for SE) and ``extension``: a
    witness, a counter-example or SE's extension, as argument names, or None.

    >>> import argmap, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cycle.af"
    >>> _ = path.write_text("p af 3\\n1 2\\n2 1\\n2 3\\n")
    >>> argmap.solve(path, "DS-PR", "3")
    Answer(task='DS-PR', yes=False, extension=['2'])
    """
    from .io.attackgraph import read_af  # lazy: it imports numpy
    from .semantics.tasks import check_task  # lazy: it imports numpy
    from .semantics.tasks import solve as run  # lazy: it imports numpy

    task = check_task(task, argument)  # before the file is read
    return run(read_af(path), task, argument, path=path)


def explain(amap: "ArgumentMap", claim: str, semantics: str = "dfquad", what_if: dict | None = None):
    """Why ``claim`` has its score: each contribution and the path to the thesis (``argmap explain``).

    ``claim`` is a claim's IRI, its last segment or its label (see
    :meth:`ArgumentMap.find_claim`); ``what_if`` maps claims (named the same
    way) to base scores to try.  ``semantics`` is ``dfquad``, ``qe``,
    ``euler`` or ``hcat``, or the ontology's name of one (``DFQuAD``).

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> why = argmap.explain(amap, "reneged")
    >>> [(amap.claims[c.claim].label, c.kind) for c in why.contributions]
    [('This time may be different', 'attack')]
    >>> round(why.score, 3), round(argmap.explain(amap, "reneged", what_if={"something-different": 0}).score, 3)
    (0.589, 0.8)
    """
    from .semantics.explain import explain as run  # lazy: it imports numpy
    from .semantics.framework import Framework  # lazy: it imports numpy

    cid = amap.find_claim(claim)
    changes = {amap.find_claim(k): float(v) for k, v in (what_if or {}).items()}
    return run(Framework.from_map(amap), cid, semantics, what_if=changes, thesis=amap.main_thesis)


def render(amap: "ArgumentMap", path, **kwargs):
    """Write ``amap`` as an interactive HTML page, or SVG/PNG by the suffix (``argmap render``).

    Keyword arguments are :class:`argmap.drawing.RenderOptions` fields
    (``semantics``, ``color``, ``layout``, ``title``) and ``format``.
    Returns the path written.

    >>> import argmap, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> page = argmap.render(argmap.load(argmap.bundled_map_path()), folder / "map.html", color="kind")
    >>> page.name, "Be cautious at the Kim meeting" in page.read_text(encoding="utf-8")
    ('map.html', True)
    """
    from .drawing import render as _render  # lazy: it imports rdflib and numpy

    return _render(amap, path, **kwargs)


def query(amap: "ArgumentMap | None", text: str | None = None, *, named: str | None = None,
          params: dict | None = None, store=None, endpoint: str | None = None, timeout: float | None = None):
    """Run a SPARQL SELECT or ASK over a map, an Oxigraph store or a server (``argmap query``).

    Give ``amap`` (with the ontology and RDFS entailments), or ``store=DIR``
    from :func:`load_store`, or ``endpoint=URL`` (then ``amap`` is None).
    ``text`` is the query, or ``named`` names a shipped one
    (``argmap query --list``); ``params`` binds variables, as
    ``{"claim": "https://..."}``.  The result has ``variables`` and
    ``rows`` of rdflib terms, or ``boolean`` for an ASK.

    >>> import argmap
    >>> amap = argmap.load(argmap.bundled_map_path())
    >>> result = argmap.query(amap, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a am:PolicyClaim }")
    >>> result.rows[0][0].toPython()
    10
    >>> argmap.query(amap, named="unanswered-attacks").variables
    ['attack', 'attacker', 'label', 'target']
    """
    if (text is None) == (named is None):
        raise UsageError("give a query text or a named query, not both or neither")
    text = named_query(named).text if named else text
    text = bind_params(text, parse_params(f"{k}={v}" for k, v in (params or {}).items()))
    from .store import MemoryStore, open_store  # lazy: its back ends import rdflib

    if amap is None:
        with open_store((), store=store, endpoint=endpoint, timeout=timeout) as st:
            return st.query(text, timeout=timeout)
    return MemoryStore.from_map(amap).query(text, timeout=timeout)


def export(amap: "ArgumentMap", format: str, path=None, source=None) -> str:
    """``amap`` in ``format`` (``argmap export``); written to ``path`` atomically if given.

    ``source`` is the file of the source text: Argdown quotes by text alone,
    and names the source in its front matter, so it needs the text to tell
    which of several equal passages a quote is.

    >>> import argmap, json
    >>> text = argmap.export(argmap.load(argmap.bundled_map_path()), "json")
    >>> sorted(json.loads(text))
    ['claims', 'main_thesis', 'relations', 'scores']
    """
    text = io.dumps(amap, format, source=source, path=path)
    if path is not None:
        atomic_write(path, text)
    return text


def merge(*paths, format: str | None = None, rephrase: bool = True) -> "ArgumentMap":
    """One map of several files, each claim keeping its source (``argmap merge``).

    With ``rephrase``, claims of different files that say the same words are
    linked by ``am:rephrases``.

    >>> import argmap
    >>> both = argmap.merge(argmap.bundled_map_path(), argmap.bundled_map_path())
    >>> len(both.claims)
    47
    """
    from .maps import ArgumentMap  # lazy: it imports rdflib and numpy
    from .merging import merge as run  # lazy: it imports rdflib

    return run(*paths, format=format, rephrase=rephrase, cls=ArgumentMap)


def load_store(paths, store, *, graph: str | None = None, format: str | None = None) -> list:
    """Put map files into an Oxigraph store on disk, one named graph each (``argmap load``).

    Returns a :class:`argmap.store.LoadReport` per file; query the store with
    ``query(None, ..., store=DIR)``.  The RDFS entailments a query needs are
    added when it first runs.

    >>> import argmap, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> [report.triples for report in argmap.load_store([argmap.bundled_map_path()], folder)]
    [1285]
    >>> argmap.query(None, "SELECT (COUNT(?c) AS ?n) { ?c a am:Claim }", store=folder).rows[0][0].toPython()
    47
    """
    from .store import OxigraphStore  # lazy: its back ends import rdflib

    with OxigraphStore(store) as st:
        return st.load(list(paths), graph=graph, format=format)


def push(paths, endpoint: str, *, update_endpoint: str | None = None, graph: str | None = None,
         format: str | None = None, timeout: float | None = None) -> list:
    """Put map files on a SPARQL 1.1 server, one named graph each (``argmap push``).

    Each map replaces its graph whole or not at all; returns a
    :class:`argmap.store.LoadReport` per file.  Credentials come from
    ``ARGMAP_ENDPOINT_USER`` and ``ARGMAP_ENDPOINT_PASSWORD``.  A server that
    does not answer raises an :class:`ArgmapError`:

    >>> import argmap
    >>> try:
    ...     argmap.push([argmap.bundled_map_path()], "http://127.0.0.1:9/sparql", timeout=5)
    ... except argmap.ArgmapError as exc:
    ...     print(exc.exit_code, "cannot reach http://127.0.0.1:9/sparql" in str(exc))
    2 True
    """
    from .store import EndpointStore  # lazy: its back ends import rdflib

    return EndpointStore(endpoint, update_endpoint, timeout=timeout).push(list(paths), graph=graph, format=format)


def ontology_docs(output) -> "Path":
    """Write the HTML reference of the ontology to ``output/index.html`` (``argmap ontology-docs``).

    Needs pyLODE (``pip install 'argmap[docs]'``).  Returns the page's path.

    >>> import argmap, tempfile
    >>> page = argmap.ontology_docs(tempfile.mkdtemp())
    >>> page.name, "Argumentation schemes and their critical questions" in page.read_text(encoding="utf-8")
    ('index.html', True)
    """
    from .docs import ontology_docs as run  # lazy: it imports rdflib

    return run(output)
