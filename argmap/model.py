"""The argument map: claims and relations over an RDF graph.

An :class:`ArgumentMap` wraps an rdflib ``Graph`` that uses the argmap
ontology (``ontology/argmap.ttl``).  The graph is the truth; the claims,
relations and sources are read from it on first use and cached.

A relation is a node of its own (as AIF's RA- and CA-nodes are): it has one
or more premises (several when they are *linked*, i.e. support the target only
together) and exactly one target.  A support or an attack targets a claim; an
undercut attacks a relation, i.e. the inference from premises to target,
not the target itself (Pollock 1987; AIF, Chesñevar et al. 2006).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress
from operator import or_
from pathlib import Path

from .errors import MapError
from .namespace import local_name
from .vocab import AM

__all__ = ["ArgumentMap", "Claim", "Relation", "Quote", "Source", "RELATION_TYPES", "local_name"]

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

#: The relation kinds, as used in exports and on networkx edges.
RELATION_TYPES = ("support", "attack", "undercut")


@dataclass(frozen=True)
class Quote:
    """A passage of a source that a claim is drawn from."""

    text: str
    source: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Claim:
    """A statement of the map."""

    id: str
    label: str
    text: str
    types: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    base_score: float | None = None
    attributed_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """A support, attack or undercut from one or more premises to one target."""

    id: str
    type: str
    sources: tuple[str, ...]
    target: str
    weight: float | None = None


@dataclass(frozen=True)
class Source:
    """A document the map's quotes come from."""

    id: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    creator: str | None = None
    extra: dict = field(default_factory=dict, compare=False)


def _locate(path: str | None, iri: str) -> int | None:
    """Line of the first mention of ``iri`` in a text file, for error messages."""
    if not path:
        return None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    local = local_name(iri)
    needles = [f"<{iri}>", f":{local}"] if local else [f"<{iri}>"]
    for number, line in enumerate(lines, 1):
        if any(n in line for n in needles):
            return number
    return None


class ArgumentMap:
    """An argument map over an rdflib ``Graph``.

    Parameters
    ----------
    graph : rdflib.Graph, optional
        The map's triples; a new empty graph if omitted.
    paths : list of str, optional
        The files the graph was read from (used to point errors at a line).

    Examples
    --------
    >>> from argmap import ArgumentMap
    >>> amap = ArgumentMap.bundled()
    >>> len(amap.claims) >= 16
    True
    >>> amap.main_thesis in amap.claims
    True
    """

    def __init__(self, graph=None, *, paths=(), index=None, load_graph=None):
        self._graph = graph
        self._load_graph = load_graph
        self.paths = [str(p) for p in paths]
        if index is not None:
            self.__dict__["_index"] = index
        if graph is not None:
            graph.bind("am", AM._NS)

    @property
    def graph(self):
        """The map's rdflib ``Graph``; a map read by Oxigraph builds it only when first asked for."""
        if self._graph is None:
            import rdflib

            self._graph = self._load_graph() if self._load_graph is not None else rdflib.Graph()
            self._graph.bind("am", AM._NS)
        return self._graph

    @graph.setter
    def graph(self, value):
        self._graph = value

    @cached_property
    def _index(self):
        """The triples the structure is read from (see :mod:`argmap.triples`)."""
        from .triples import from_graph

        return from_graph(self.graph)

    # --- loading -------------------------------------------------------------
    @classmethod
    def load(cls, *paths, format: str | None = None, source=None) -> "ArgumentMap":
        """Read one or more files (format from each suffix) into one map.

        Turtle, N-Triples and RDF/XML files are streamed through Oxigraph,
        AIF files read into a plain list of triples; neither becomes an
        rdflib graph unless :attr:`graph` is asked for (see
        :func:`argmap.triples.use_fast_reader`).  The answers are the same
        as through rdflib (``ARGMAP_READER=rdflib``).  ``source`` names the source text's file, in which an
        Argdown file's quotes are found (instead of its front matter's).
        """
        from contextlib import nullcontext

        from .progress import files_label, progress
        from .triples import quiet_gc, read_parts, use_fast_reader

        if not paths:
            raise MapError("no map given")
        fast = source is None and use_fast_reader(paths, format)
        # without the cyclic collector, for the claims and relations that check builds too
        bar = progress(f"reading {files_label(paths)}", total=len(paths))
        with bar, (quiet_gc() if fast else nullcontext()):
            if fast:
                index, parts = read_parts(paths, format)
                bar.advance(len(paths))
                amap = cls(paths=paths, index=index, load_graph=lambda: _read_graphs(paths, format, parts))
                amap._parts = parts
            else:
                amap = cls(_read_graphs(paths, format, bar=bar, check=True, source=source), paths=paths)
            amap.check()
        return amap

    def ntriples(self) -> list[str] | None:
        """The map's triples as N-Triples lines when it was read without rdflib, else None.

        None too once :attr:`graph` has been built, since the graph may have changed since.
        """
        from .triples import ntriples_lines

        if self._graph is not None or not getattr(self, "_parts", None):
            return None
        return ntriples_lines(self._parts)

    @classmethod
    def bundled(cls) -> "ArgumentMap":
        """The map argmap ships: the 2018 op-ed on the Trump-Kim meeting."""
        return cls.load(bundled_map_path())

    # --- the class tree --------------------------------------------------------
    @cached_property
    def _subclasses(self) -> dict:
        """Each argmap class with all its subclasses, from the ontology and the map."""
        from .ontology import closure_of, subclass_pairs
        from .triples import SUBCLASS

        roots = [str(c) for c in (AM.Claim, AM.Relation, AM.Support, AM.Attack, AM.Undercut)]
        return closure_of(roots, (*subclass_pairs(), *self._index.pairs(SUBCLASS)))

    @cached_property
    def _kinds(self) -> dict[str, set]:
        """The nodes typed with each class of :attr:`_subclasses` (or a subclass of it)."""
        from .triples import RDF_TYPE

        typed: dict = {}  # the nodes of each type: a map uses a handful of types
        for s, t in zip(*self._index.columns(RDF_TYPE)):
            members = typed.get(t)
            if members is None:
                typed[t] = [s]
            else:
                members.append(s)
        return {root: set().union(*(typed[c] for c in subs if c in typed)) for root, subs in self._subclasses.items()}

    def _instances(self, cls_) -> set:
        return self._kinds[str(cls_)]

    def _value(self, node, prop):
        return self._index.value(node, str(prop))

    def _int(self, node, prop) -> int | None:
        v = self._index.value(node, str(prop))
        return None if v is None else int(v)

    def _path_of(self, node):
        for p in self.paths:
            if _locate(p, str(node)) is not None:
                return p
        return self.paths[0] if self.paths else None

    def _line_of(self, node):
        return _locate(self._path_of(node), str(node))

    def _error(self, node, message):
        return MapError(f"{node}: {message}", path=self._path_of(node), line=self._line_of(node))

    # --- what the map holds -----------------------------------------------------
    def _table(self, prop) -> dict:
        return self._index.table(str(prop))

    @cached_property
    def _relation_kinds(self) -> list[tuple[str, set]]:
        return [(k, self._instances(c)) for k, c in (("support", AM.Support), ("attack", AM.Attack), ("undercut", AM.Undercut))]

    def _relation_fault(self, node) -> str | None:
        """What is wrong with the relation ``node`` on its own (kind, target, premises, weight), or None.

        The reference for :meth:`_check_relations`, which finds the faulty
        relations without a loop per relation and asks this of the first.
        """
        declared = [k for k, members in self._relation_kinds if node in members]
        if len(declared) != 1:
            return "relation has " + ("no kind (support, attack or undercut)" if not declared
                                      else "several kinds: " + ", ".join(declared))
        targets = self._table(AM.target).get(node, ())
        if len(targets) != 1:
            return f"relation has {len(targets)} targets; it needs exactly one"
        if not self._table(AM.premise).get(node):
            return "relation has no premise"
        weight = self._value(node, AM.weight)
        if weight is not None and not _is_number(weight):
            return f"{AM.weight} is not a number: {weight}"
        return None

    def _columns(self, prop) -> tuple[list, list]:
        return self._index.columns(str(prop))

    @cached_property
    def _relation_set(self) -> set:
        return self._instances(AM.Relation)

    def _check_relations(self) -> None:
        """Raise the first (by id) relation's :meth:`_relation_fault`, if any relation has one.

        The suspects are found from the columns of triples, with set
        operations; a pair read twice makes a suspect that the reference clears.
        """
        ids = self._relation_set
        kinds = [members for _k, members in self._relation_kinds]
        faulty = set().union(*(a & b for i, a in enumerate(kinds) for b in kinds[i + 1:]))
        faulty |= ids.difference(*kinds)
        targeted = self._columns(AM.target)[0]
        once = set(targeted)
        faulty |= ids - once
        faulty |= ids.difference(self._columns(AM.premise)[0])
        if len(once) != len(targeted):
            faulty.update(n for n, k in Counter(targeted).items() if k > 1)
        faulty.update(n for n, w in zip(*self._columns(AM.weight)) if not _is_number(w))
        for node in sorted(faulty & ids):
            fault = self._relation_fault(node)
            if fault is not None:
                raise self._error(node, fault)

    @cached_property
    def relations(self) -> "Mapping[str, Relation]":
        """The map's relations by id (IRI), sorted by id; each is built when first looked at."""
        self._check_relations()
        supports, attacks = self._instances(AM.Support), self._instances(AM.Attack)
        objects = self._index.objects
        target_p, premise_p, weight_p = str(AM.target), str(AM.premise), str(AM.weight)

        def make(node):
            premises, weight = objects(node, premise_p), objects(node, weight_p)
            return Relation(node, "support" if node in supports else "attack" if node in attacks else "undercut",
                            (premises[0],) if len(premises) == 1 else tuple(sorted(premises)),
                            objects(node, target_p)[0], float(min(weight)) if weight else None)

        return _Lazy(self._relation_set, make)

    @cached_property
    def _base_scores(self) -> dict[str, float]:
        """The base score of each claim that has one; a score that is not a number is an error at its claim."""
        claims = self._claim_set
        nodes, values = self._columns(AM.baseScore)
        if len(set(nodes)) != len(nodes):  # several scores for one claim: the least, as ever
            table = self._table(AM.baseScore)
            nodes, values = list(table), [min(v) for v in table.values()]
        try:
            return {n: float(v) for n, v in zip(nodes, values) if n in claims}
        except ValueError:
            pass
        node = min(n for n, v in zip(nodes, values) if n in claims and not _is_number(v))
        raise self._error(node, f"{AM.baseScore} is not a number: {self._value(node, AM.baseScore)}")

    @cached_property
    def _claim_set(self) -> set:
        return self._instances(AM.Claim)

    @cached_property
    def claims(self) -> "Mapping[str, Claim]":
        """The map's claims by id (IRI), sorted by id; each is built when first looked at."""
        from .triples import RDF_TYPE

        value, objects = self._index.value, self._index.objects
        exact_p, in_source_p, quote_p, text_p = str(AM.exact), str(AM.inSource), str(AM.quote), str(AM.text)
        speaker_p = str(AM.attributedTo)
        base = self._base_scores

        def make(node):
            quotes = tuple(sorted(
                (Quote(value(q, exact_p) or "", value(q, in_source_p), self._int(q, AM.start), self._int(q, AM.end))
                 for q in objects(node, quote_p)),
                key=lambda q: (q.source or "", q.start if q.start is not None else -1, q.text)))
            text, label = objects(node, text_p), objects(node, RDFS_LABEL)
            text = text and min(text)
            label = label and min(label)
            types = objects(node, RDF_TYPE)
            who = objects(node, speaker_p)
            return Claim(node, label or text or node, text or label or "",
                         (types[0],) if len(types) == 1 else tuple(sorted(types)), quotes,
                         base.get(node), tuple(sorted(who)) if who else ())

        return _Lazy(self._claim_set, make)

    @cached_property
    def main_theses(self) -> list[str]:
        """The main thesis of each map in the graph, sorted."""
        return sorted({t for _m, t in self._index.pairs(str(AM.mainThesis))})

    @property
    def main_thesis(self) -> str | None:
        """The main thesis (the first, when several maps are loaded together)."""
        return self.main_theses[0] if self.main_theses else None

    def find_claim(self, name: str) -> str:
        """The id of the claim ``name`` names: its IRI, the last segment of it, or its label (any case).

        :class:`~argmap.errors.UsageError` when no claim or several claims
        have that name; a miss suggests the nearest labels (see
        :func:`argmap.names.claim_id`).

        >>> amap = ArgumentMap.bundled()
        >>> amap.find_claim("be cautious at the  Kim meeting") == amap.main_thesis
        True
        """
        from .names import claim_id

        return claim_id(self.claims, name)

    @cached_property
    def sources(self) -> list[Source]:
        """The source documents the map cites, sorted by id."""
        from .triples import RDF_TYPE

        dct = "http://purl.org/dc/terms/"
        index = self._index
        source_t = str(AM.Source)
        nodes = {s for s, t in zip(*index.columns(RDF_TYPE)) if t == source_t}
        nodes.update(o for p in (AM.source, AM.inSource) for _s, o in index.pairs(str(p)))
        return [Source(n, *(index.value(n, dct + k) for k in ("title", "publisher", "date", "creator")))
                for n in sorted(nodes)]

    def relation_columns(self) -> dict:
        """The relations' structure as columns, for compiling it without building each :class:`Relation`.

        ``{"support": ids, "attack": ids, "premises": (subjects, claim ids),
        "targets": (subjects, targets), "weights": {relation id: weight}}``;
        the rest of :attr:`relations` are undercuts.  The columns hold every
        ``am:premise`` and ``am:target`` triple as read, so a subject may be
        no relation and a pair may repeat.  The map is checked first.
        """
        self.relations
        rels = self._relation_set
        weights = {s: float(min(w)) for s, w in self._table(AM.weight).items() if s in rels}
        return {"support": self._instances(AM.Support), "attack": self._instances(AM.Attack),
                "premises": self._columns(AM.premise), "targets": self._columns(AM.target), "weights": weights}

    def claim_types(self) -> "Counter[tuple[str, ...]]":
        """How many claims have each list of types (sorted IRIs), counted without building the claims."""
        from .triples import RDF_TYPE

        claims = self._claim_set
        subjects, objects = self._index.columns(RDF_TYPE)
        if len(set(subjects)) == len(subjects):  # one type each, the usual case
            return Counter((t,) for s, t in zip(subjects, objects) if s in claims)
        return Counter((ts[0],) if len(ts) == 1 else tuple(sorted(ts))
                       for s, ts in self._index.table(RDF_TYPE).items() if s in claims)

    def relation_counts(self) -> dict[str, int]:
        """How many relations of each kind (see :data:`RELATION_TYPES`) the map has."""
        self.relations  # checks that each has exactly one kind
        return {k: len(members) for k, members in self._relation_kinds}

    def base_scores(self, default: float = 0.5) -> dict[str, float]:
        """Each claim's base score, ``default`` where the map gives none."""
        base = self._base_scores
        return {cid: base.get(cid, default) for cid in self.claims}

    def check(self) -> None:
        """Raise :class:`MapError` if the map's structure cannot be used.

        Every relation needs one kind, premises and one target; its ends must
        be claims (or, for an undercut's target, a relation), and scores and
        weights must be numbers.  The first fault by id is reported (claims'
        scores first), as :meth:`_ends_fault` and :meth:`_relation_fault`
        describe it.
        """
        self._base_scores
        self.relations
        claims, relations = self._claim_set, self._relation_set
        undercuts = self._instances(AM.Undercut)
        # suspects, found in C: a premise that is no claim, a target that is no claim or is an undercut's
        subjects, objects = self._columns(AM.premise)
        odd = set(objects).difference(claims)
        faulty = set(compress(subjects, map(odd.__contains__, objects)))
        subjects, objects = self._columns(AM.target)
        odd = set(objects).difference(claims)
        suspects = compress(zip(subjects, objects), map(or_, map(odd.__contains__, objects), map(undercuts.__contains__, subjects)))
        faulty.update(s for s, o in suspects if o not in (relations if s in undercuts else claims))
        faulty &= relations
        for node in sorted(faulty):
            fault = self._ends_fault(self.relations[node])
            if fault is not None:
                raise self._error(node, fault)
        for t in self.main_theses:
            if t not in claims:
                raise self._error(t, "main thesis is not a claim of the map")

    def _ends_fault(self, r: Relation) -> str | None:
        """What is wrong with the ends of the relation ``r``, or None (the reference for :meth:`check`)."""
        for p in r.sources:
            if p not in self.claims:
                return f"premise {p} is not a claim of the map"
        if r.type == "undercut":
            if r.target not in self.relations:
                return f"undercut target {r.target} is not a relation of the map"
        elif r.target not in self.claims:
            return f"{r.type} target {r.target} is not a claim of the map"
        return None

    # --- views -------------------------------------------------------------------
    def to_networkx(self):
        """The map as a ``networkx.DiGraph``.

        Nodes are the claims, with ``kind="claim"``, ``label``, ``text`` and
        ``base_score``, plus every relation that an undercut targets, with
        ``kind="relation"``.  A support or attack relation gives an edge from
        each of its premises to its target; an undercut gives an edge from each
        of its premises to the relation it undercuts.  Every edge carries
        ``kind`` (``"support"``, ``"attack"`` or ``"undercut"``), ``relation``
        (the relation's id) and ``linked`` (the number of premises).
        """
        import networkx as nx

        g = nx.DiGraph()
        for cid, c in self.claims.items():
            g.add_node(cid, kind="claim", label=c.label, text=c.text, base_score=c.base_score)
        undercut = {r.target for r in self.relations.values() if r.type == "undercut"}
        for rid in sorted(undercut):
            r = self.relations[rid]
            g.add_node(rid, kind="relation", type=r.type, sources=r.sources, target=r.target)
        for r in self.relations.values():
            for p in r.sources:
                g.add_edge(p, r.target, kind=r.type, relation=r.id, linked=len(r.sources), weight=r.weight)
        g.graph["main_thesis"] = self.main_thesis
        return g

    # --- annotations: labels, schemes, critical questions, stored scores --------
    def label(self, iri) -> str:
        """A readable name for ``iri``: its label in the map or the ontology, else its last segment."""
        from rdflib import RDFS, URIRef

        from .ontology import ontology_graph

        node = URIRef(str(iri))
        for g in (self.graph, ontology_graph()):
            value = g.value(node, RDFS.label)
            if value is not None:
                return str(value)
        return local_name(iri)

    def question_statuses(self, relation_id) -> list[dict]:
        """The critical questions a relation's scheme raises: text, and who answers them.

        Each item is ``{"question", "text", "answered_by": [claim ids]}``; an
        empty ``answered_by`` means the question is open (Walton, Reed and
        Macagno 2008, on critical questions as the points where an argument
        from a scheme can be challenged).
        """
        from rdflib import URIRef

        from .ontology import ontology_graph

        onto = ontology_graph()
        out = []
        for st in self.graph.objects(URIRef(relation_id), AM.questionStatus):
            q = self.graph.value(st, AM.question)
            if q is None:
                continue
            text = self.graph.value(q, AM.questionText) or onto.value(q, AM.questionText)
            answered = sorted(str(a) for a in self.graph.objects(st, AM.answeredBy))
            out.append({"question": str(q), "text": str(text) if text else self.label(q), "answered_by": answered})
        return sorted(out, key=lambda d: d["question"])

    def scheme(self, relation_id) -> str | None:
        """The argumentation scheme a relation applies, if the map says."""
        from rdflib import URIRef

        value = self.graph.value(URIRef(relation_id), AM.scheme)
        return None if value is None else str(value)

    def evaluations(self) -> dict[str, list[dict]]:
        """Stored scores by claim: ``{"semantics", "value", "when"}``, sorted; an acceptance word stands for its 1 or 0."""
        from rdflib import RDF

        from .evaluations import stored

        out: dict[str, list[dict]] = {}
        for ev in self.graph.subjects(RDF.type, AM.Evaluation):
            claim, value = stored(self.graph, ev)
            if claim is None or value is None:
                continue
            sem = self.graph.value(ev, AM.semantics)
            when = self.graph.value(ev, AM.computedAt)
            out.setdefault(str(claim), []).append(
                {"semantics": self.label(sem) if sem is not None else "", "value": str(value),
                 "when": str(when) if when is not None else ""}
            )
        for items in out.values():
            items.sort(key=lambda d: (d["semantics"], d["when"], d["value"]))
        return out

    def annotations(self) -> dict[str, dict]:
        """For each claim: the relations into it, with scheme and open questions, and stored scores."""
        labels = {cid: c.label for cid, c in self.claims.items()}
        stored = self.evaluations()
        out = {cid: {"relations": [], "scores": stored.get(cid, [])} for cid in self.claims}
        for r in self.relations.values():
            target = self.relations[r.target].target if r.type == "undercut" else r.target
            if target not in out:
                continue
            premises = " + ".join(labels.get(p, p) for p in r.sources)
            if r.type == "undercut":
                inner = self.relations[r.target]
                text = f"undercut by {premises}: the step from {' + '.join(labels.get(p, p) for p in inner.sources)}"
            else:
                text = f"{r.type} from {premises}"
            scheme = self.scheme(r.id)
            open_q = [q["text"] for q in self.question_statuses(r.id) if not q["answered_by"]]
            out[target]["relations"].append({"text": text, "scheme": self.label(scheme) if scheme else "", "open": open_q})
        return out

    def _repr_html_(self) -> str:
        """Jupyter shows the map as its interactive page, sandboxed in an iframe."""
        import html

        from .drawing import render_html

        page = html.escape(render_html(self), quote=True)
        return f'<iframe srcdoc="{page}" style="width:100%;height:640px;border:0" sandbox="allow-scripts"></iframe>'

    def __len__(self) -> int:
        return len(self.claims)

    def __repr__(self) -> str:
        return f"<ArgumentMap: {len(self.claims)} claims, {len(self.relations)} relations>"


def _is_number(text) -> bool:
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True


class _Lazy(Mapping):
    """A read-only mapping of the keys ``members``, in sorted order, whose values ``make(key)`` builds when first looked up.

    A large map's claims and relations are checked as a whole, but a
    command that draws or explains a few of them builds only those (and
    one that only counts them never sorts them).
    """

    __slots__ = ("_members", "_make", "_made", "_order")

    def __init__(self, members: set, make):
        self._members = members
        self._make = make
        self._made: dict = {}
        self._order = None

    def __getitem__(self, key):
        try:
            return self._made[key]
        except KeyError:
            if key not in self._members:
                raise
        made = self._made[key] = self._make(key)
        return made

    def __contains__(self, key) -> bool:
        return key in self._members

    def __iter__(self):
        if self._order is None:
            self._order = sorted(self._members)
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def _read_graphs(paths, format=None, parts=(), bar=None, check=False, source=None):
    """The files in one rdflib graph, with the prefixes they declare.

    ``parts`` may hold files already read into triple lists (see
    :func:`argmap.triples.read_parts`), which are not read again.  With
    ``check``, a file with an object of the wrong kind for its predicate
    (a literal target, say) is an error at its line, as the fast reader makes it
    (:func:`argmap.triples.misfit_error`).
    """
    import rdflib

    from .io import read_graph
    from .triples import graph_misfits, misfit_error

    read = {path: triples for path, _name, triples in parts if triples is not None}
    graph = rdflib.Graph()
    for path in paths:
        part = read.get(str(path)) or read_graph(path, format, source)
        if source is not None:  # the quotes that came without offsets (Argdown's reader placed its own)
            from .anchor import anchor_graph

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


def bundled_map_path() -> Path:
    """Path of the bundled map, ``graphs/trump-kim-meeting.ttl`` (inside the package when installed).

    >>> from argmap import bundled_map_path
    >>> bundled_map_path().name, bundled_map_path().is_file()
    ('trump-kim-meeting.ttl', True)
    """
    from ._files import data_path

    return data_path("graphs", "trump-kim-meeting.ttl")
