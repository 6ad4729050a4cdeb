"""AIF JSON, as AIFdb and OVA write it.

The Argument Interchange Format (Chesñevar et al., "Towards an argument
interchange format", Knowledge Engineering Review 21(4), 2006; Rahwan and Reed,
"The Argument Interchange Format", in Argumentation in Artificial
Intelligence, 2009) draws an argument as a graph of information nodes (I) and
scheme nodes: rule applications (RA, an inference), conflict applications
(CA), rephrases (MA) and preferences (PA).  AIF+ adds dialogue: locutions (L),
transitions between them (TA) and illocutionary anchors (YA).  AIFdb's JSON
(www.aifdb.org, the ``/json/`` export of a nodeset) is one object::

    {"nodes": [{"nodeID": "1", "text": "...", "type": "I", "timestamp": "..."},
               {"nodeID": "2", "text": "Default Inference", "type": "RA", "scheme": "..."}],
     "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, ...],
     "locutions": [{"nodeID": "5", "personID": "1"}],
     "participants": [{"participantID": "1", "firstname": "Ann", "surname": "Lee"}]}

Ids are strings or numbers.  Reading: an I-node is a claim (``am:text``); an
RA-node whose premises and one conclusion are claims is an ``am:Support``; a
CA-node is an ``am:Attack`` of a claim or an ``am:Undercut`` of such a
relation.  Every other node (L, YA, TA, MA, PA, and an RA or CA that does not
fit, the stray structure real corpora contain) is kept as the AIF node it is,
``aif:X-node``, with its text as ``rdfs:label`` and its edges as
``aif:Premise`` (edges in) and ``aif:Conclusion`` (edges out); a locution
names its speaker with ``prov:wasAttributedTo``.  A node's ``scheme`` becomes
``am:scheme`` (the ontology's scheme where the name is one of them),
its ``timestamp`` ``dcterms:created``.  An edge between two information nodes
says nothing AIF defines and is dropped; an edge naming a node the file does
not hold is an error.  Writing gives the same nodes, edges and schemes back.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from rdflib import DCTERMS, RDF, RDFS, Namespace, URIRef

from .._files import read_text
from ..errors import ParseError
from ..vocab import AM
from ._build import Builder, date_literal

__all__ = ["read", "dumps", "sniff", "parse"]

AIF = "http://www.arg.tech/aif#"
PROV = "http://www.w3.org/ns/prov#"
NODE_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "YA", "TA")
_INFO = ("I", "L")
_DIALOGUE = ("YA", "TA")


def sniff(head: str) -> bool:
    """An AIF JSON file is an object whose first keys include ``nodes`` or ``edges``."""
    return bool(re.match(r'\s*\{\s*"(nodes|edges|locutions|participants|AIF)"', head))


def _line(text: str, node_id) -> int | None:
    """Line of the node ``node_id``'s declaration in the raw JSON, for messages."""
    m = re.search(r'"nodeID"\s*:\s*"?' + re.escape(str(node_id)) + r'"?\s*[,}]', text)
    return None if m is None else 1 + text.count("\n", 0, m.start())


def _ident(value):
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


def parse(text: str, path):
    """``(nodes, edges, speakers, whole)`` of an AIF JSON text, ``whole`` the map's own entries
    (``thesis``, the main thesis's node, and ``sources``); ParseError on malformed input."""
    def fail(message, line=None, column=None, node=None):
        if node is not None:  # looked up only for an error, so reading stays linear
            line = _line(text, node)
        return ParseError(message, path=str(path), line=line, column=column)

    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise fail("empty file; an AIF map is a JSON object with nodes and edges", 1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"bad JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise fail("bad JSON: nested too deeply", 1) from None
    if not isinstance(data, dict):
        raise fail(f"an AIF map is a JSON object with nodes and edges, not a {type(data).__name__}", 1)
    if "AIF" in data and isinstance(data["AIF"], dict):  # OVA 3 wraps the map
        data = data["AIF"]
    raw_nodes, raw_edges = data.get("nodes"), data.get("edges", [])
    if not isinstance(raw_nodes, list):
        raise fail('"nodes" must be a list of node objects', 1)
    if not isinstance(raw_edges, list):
        raise fail('"edges" must be a list of edge objects', 1)
    nodes = {}
    for i, n in enumerate(raw_nodes):
        if not isinstance(n, dict):
            raise fail(f"node {i + 1} is not an object")
        nid = _ident(n.get("nodeID"))
        if nid is None:
            raise fail(f"node {i + 1} has no nodeID (a string or a number)")
        ntype = n.get("type")
        if not isinstance(ntype, str):
            raise fail(f"node {nid}: type must be a string", node=nid)
        if ntype not in NODE_TYPES:
            raise fail(f"node {nid}: unknown type {ntype!r} (known: {', '.join(NODE_TYPES)})", node=nid)
        for key in ("text", "scheme", "timestamp"):
            if n.get(key) is not None and not isinstance(n[key], (str, int, float)) or isinstance(n.get(key), bool):
                raise fail(f"node {nid}: {key} must be text", node=nid)
        if nid in nodes:
            raise fail(f"node {nid} is declared twice", node=nid)
        nodes[nid] = {
            "type": ntype,
            "text": "" if n.get("text") is None else str(n["text"]),
            "scheme": None if n.get("scheme") in (None, "") else str(n["scheme"]),
            "timestamp": None if n.get("timestamp") in (None, "") else str(n["timestamp"]),
            "extra": _extra(n, nid, fail),
        }
    edges = []
    for i, e in enumerate(raw_edges):
        if not isinstance(e, dict):
            raise fail(f"edge {i + 1} is not an object")
        a, b = _ident(e.get("fromID")), _ident(e.get("toID"))
        if a is None or b is None:
            raise fail(f"edge {e.get('edgeID', i + 1)} needs fromID and toID (strings or numbers)")
        for end in (a, b):
            if end not in nodes:
                m = re.search(r'"(fromID|toID)"\s*:\s*"?' + re.escape(end) + r'"?\s*[,}]', text)
                line = None if m is None else 1 + text.count("\n", 0, m.start())
                raise fail(f"edge {e.get('edgeID', i + 1)} names node {end}, which the file does not hold", line)
        edges.append((a, b))
    speakers = {}
    people = {}
    for p in data.get("participants") or []:
        if isinstance(p, dict) and _ident(p.get("participantID")) is not None:
            name = " ".join(str(p[k]) for k in ("firstname", "surname") if isinstance(p.get(k), str) and p[k])
            people[_ident(p["participantID"])] = name
    for loc in data.get("locutions") or []:
        if isinstance(loc, dict):
            nid, pid = _ident(loc.get("nodeID")), _ident(loc.get("personID"))
            if nid in nodes and pid is not None:
                speakers[nid] = (pid, people.get(pid, ""))
    sources = data.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(x, dict) and isinstance(x.get("sourceID"), str)
                                                and all(isinstance(v, str) for v in x.values()) for x in sources):
        raise fail('"sources" must be a list of objects with a "sourceID" and text values', 1)
    thesis = _ident(data.get("mainThesis"))
    if thesis is not None:
        if thesis not in nodes or nodes[thesis]["type"] != "I":
            raise fail(f'"mainThesis" names {thesis}, which is no I-node of the file', 1)
    return nodes, edges, speakers, {"thesis": thesis, "sources": sources}


#: argmap's own keys of a node, in AIF's room for extra keys: a claim's label, kind and base score, a
#: quote's offsets in its source (an L-node that a YA-node anchors in the claim).
_EXTRA = {"label": str, "claimType": str, "baseScore": (int, float), "start": int, "end": int, "source": str}


def _extra(node, nid, fail) -> dict:
    out = {}
    for key, kind in _EXTRA.items():
        value = node.get(key)
        if value is None:
            continue
        if not isinstance(value, kind) or isinstance(value, bool):
            raise fail(f"node {nid}: {key} must be {'text' if kind is str else 'a number'}", node=nid)
        out[key] = value
    if "start" in node:
        out["quote"] = True
    return out


def read(path, fmt=None, graph=None):
    """Read an AIF JSON file into an argmap RDF graph (or into ``graph``, e.g. a :class:`._build.TripleList`)."""
    nodes, edges, speakers, whole = parse(read_text(path), path)
    b = Builder(path, "aif-map", graph)
    iri, Literal = b.URIRef, b.Literal  # rdflib terms, or a TripleList's plain ones
    rdf_type, source, label, created = b.type_p, b.source_p, b.label_p, iri(str(DCTERMS.created))
    scheme_p, scheme_c = iri(str(AM.scheme)), iri(str(AM.ArgumentationScheme))
    b.graph.bind("aif", AIF)
    ins = {nid: [] for nid in nodes}
    outs = {nid: [] for nid in nodes}
    for a, c in dict.fromkeys(edges):
        ins[c].append(a)
        outs[a].append(c)

    # which scheme nodes are relations: an undercut's target must be one first
    kinds: dict = {}

    def own_kind(nid):
        """support, attack, None, or ("undercut", target) when it depends on the target."""
        n = nodes[nid]
        # premises are I-nodes; scheme nodes aiming here (an undercut, an anchoring YA) keep their own edges
        premises = [p for p in ins[nid] if nodes[p]["type"] == "I"]
        core = [c for c in outs[nid] if nodes[c]["type"] not in _DIALOGUE]
        if not (n["type"] in ("RA", "CA") and premises and len(core) == 1):
            return None
        target = core[0]
        if nodes[target]["type"] == "I":
            return "support" if n["type"] == "RA" else "attack"
        if n["type"] == "CA" and nodes[target]["type"] in ("RA", "CA"):
            return ("undercut", target)
        return None

    def kind_of(nid):
        """Follow a chain of undercuts iteratively (a chain may be long); a circle is no relation."""
        chain, on_chain, cur = [], set(), nid
        while cur not in kinds:
            own = own_kind(cur)
            if not isinstance(own, tuple):
                kinds[cur] = own
                break
            chain.append(cur)
            on_chain.add(cur)
            if own[1] in on_chain:
                kinds[own[1]] = None  # an undercut circle aims at no inference
                break
            cur = own[1]
        for node in reversed(chain):
            if node not in kinds:
                kinds[node] = "undercut" if kinds[own_kind(node)[1]] else None
        return kinds[nid]

    schemes = {}
    for nid, n in nodes.items():
        node = b.iri(nid)
        t = n["type"]
        if t == "I":
            b.claim(node, n["text"] or None)  # "" is a claim without text
        elif kind_of(nid):
            premises = [b.iri(p) for p in ins[nid] if nodes[p]["type"] == "I"]
            target = next(c for c in outs[nid] if nodes[c]["type"] not in _DIALOGUE)
            b.relation(node, kinds[nid], premises, b.iri(target), label=n["text"])
        else:
            b.add((node, rdf_type, iri(f"{AIF}{t}-node")))
            b.add((node, source, b.source))
            b.add((node, label, Literal(n["text"])))
            if t not in _INFO:  # an edge is kept on its scheme node's side
                for p in ins[nid]:
                    b.add((node, iri(AIF + "Premise"), b.iri(p)))
                for c in outs[nid]:
                    b.add((node, iri(AIF + "Conclusion"), b.iri(c)))
        if n["scheme"]:
            name = n["scheme"]
            if name not in schemes:
                known = name in AM.__annotations__ and not name.startswith("_")
                schemes[name] = iri(str(AM[name])) if known else b.iri("scheme-" + name)
                if not known:
                    b.add((schemes[name], rdf_type, scheme_c))
                    b.add((schemes[name], label, Literal(name)))
            b.add((node, scheme_p, schemes[name]))
        if n["timestamp"]:
            b.add((node, created, Literal(n["timestamp"])))
    for entry in whole["sources"]:
        src = iri(entry["sourceID"])
        b.add((src, rdf_type, iri(str(AM.Source))))
        if "title" in entry:
            b.add((src, iri(str(DCTERMS.title)), Literal(entry["title"])))
        if "date" in entry:
            b.add((src, iri(str(DCTERMS.date)), date_literal(entry["date"], Literal)))
        if "author" in entry:
            author = b.iri("author-" + entry["author"])
            b.add((author, rdf_type, iri(PROV + "Agent")))
            b.add((author, label, Literal(entry["author"])))
            b.add((src, iri(str(DCTERMS.creator)), author))
    if whole["thesis"] is not None:
        b.add((b.map, iri(str(AM.mainThesis)), b.iri(whole["thesis"])))
    for nid, (pid, name) in speakers.items():
        person = b.iri("person-" + pid)
        b.add((person, rdf_type, iri(PROV + "Person")))
        if name:
            b.add((person, label, Literal(name)))
        said = AM.attributedTo if nodes[nid]["type"] == "I" else PROV + "wasAttributedTo"
        b.add((b.iri(nid), iri(str(said)), person))
    _read_extras(b, nodes, ins, outs)
    return b.graph


def _read_extras(b, nodes, ins, outs):
    """argmap's extra keys: a claim's ``claimType`` and ``baseScore``; a quote, an L-node with
    ``start`` (and ``end``, ``source``) anchored by a YA-node in one I-node, becomes an ``am:Quote``."""
    iri, Literal = b.URIRef, b.Literal
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for nid, n in nodes.items():
        extra, node = n["extra"], b.iri(nid)
        if n["type"] == "I":
            if "label" in extra:
                b.add((node, b.label_p, Literal(extra["label"])))
            if "claimType" in extra:
                b.graph.remove((node, b.type_p, iri(str(AM.Claim))))
                b.add((node, b.type_p, iri(str(AM[extra["claimType"]]))))
            if "baseScore" in extra:
                b.add((node, iri(str(AM.baseScore)), Literal(repr(float(extra["baseScore"])), datatype=iri(xsd + "decimal"))))
        elif n["type"] == "L" and extra.get("quote"):
            anchors = [c for y in outs[nid] if nodes[y]["type"] == "YA" for c in outs[y] if nodes[c]["type"] == "I"]
            if len(anchors) != 1:
                continue  # not one claim's quote: stays the L-node it is
            quote = b.iri(nid)
            b.graph.remove((quote, None, None))
            for y in outs[nid]:
                if nodes[y]["type"] == "YA":
                    b.graph.remove((b.iri(y), None, None))
            b.add((b.iri(anchors[0]), iri(str(AM.quote)), quote))
            b.add((quote, b.type_p, iri(str(AM.Quote))))
            b.add((quote, iri(str(AM.exact)), Literal(n["text"])))
            for key in ("start", "end"):
                if key in extra:
                    b.add((quote, iri(str(AM[key])), Literal(str(extra[key]), datatype=iri(xsd + "nonNegativeInteger"))))
            source = iri(extra["source"]) if "source" in extra else b.source
            b.add((source, b.type_p, iri(str(AM.Source))))
            b.add((b.map, iri(str(AM.source)), source))
            b.add((quote, iri(str(AM.inSource)), source))


# --- writing ------------------------------------------------------------------


def _ids(iris) -> dict:
    """A short, unique AIF id for each IRI: its fragment where those are unique."""
    short = {}
    for iri in iris:
        s = str(iri)
        short[iri] = unquote(s.rsplit("#", 1)[1] if "#" in s else s.rstrip("/").rsplit("/", 1)[-1])
    if len(set(short.values())) != len(short):
        return {iri: str(iri) for iri in iris}
    return short


def _natural(key: str):
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def to_dict(amap) -> dict:
    """The map as an AIF JSON object (nodes and edges sorted, ids kept where the map came from AIF)."""
    g = amap.graph
    aif, prov = Namespace(AIF), Namespace(PROV)
    claims, relations = amap.claims, amap.relations
    kinds = {"support": "RA", "attack": "CA", "undercut": "CA"}
    defaults = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
    bare = {}
    for t in NODE_TYPES:
        for s in g.subjects(RDF.type, aif[f"{t}-node"]):
            if str(s) not in claims and str(s) not in relations:
                bare[str(s)] = t
    ma_pairs = set()
    for s, t in bare.items():
        if t == "MA":
            for p in g.objects(URIRef(s), aif.Premise):
                for c in g.objects(URIRef(s), aif.Conclusion):
                    ma_pairs.add(frozenset((str(p), str(c))))
    rephrases = sorted({tuple(sorted((str(a), str(c)))) for a, c in g.subject_objects(AM.rephrases)
                        if frozenset((str(a), str(c))) not in ma_pairs and str(a) != str(c)})
    ids = _ids([*claims, *relations, *bare, *(f"{a}|rephrase|{c}" for a, c in rephrases)])

    def scheme_of(node):
        s = g.value(URIRef(node), AM.scheme)
        if s is None:
            return None
        if str(s).startswith(str(AM._NS)):
            return str(s)[len(str(AM._NS)):]
        label = g.value(s, RDFS.label)
        return str(label) if label is not None else str(s)

    def entry(node, ntype, text):
        d = {"nodeID": ids[node], "type": ntype, "text": text}
        scheme = scheme_of(node) if "|" not in node else None
        if scheme:
            d["scheme"] = scheme
        stamp = g.value(URIRef(node), DCTERMS.created) if "|" not in node else None
        if stamp is not None:
            d["timestamp"] = str(stamp)
        return d

    kind_names = {str(AM[k]): k for k in ("FactualClaim", "PredictiveClaim", "EvaluativeClaim", "PolicyClaim")}
    quotes = {cid: [q for q in g.objects(URIRef(cid), AM.quote)] for cid in claims}
    ids.update(_ids([str(q) for qs in quotes.values() for q in qs]))
    nodes, edges = [], set()
    for cid, c in claims.items():
        d = entry(cid, "I", c.text)
        label = g.value(URIRef(cid), RDFS.label)
        if label is not None and str(label) != c.text:
            d["label"] = str(label)
        kinds_of = [kind_names[t] for t in c.types if t in kind_names]
        if len(kinds_of) == 1:
            d["claimType"] = kinds_of[0]
        base = g.value(URIRef(cid), AM.baseScore)
        if base is not None:
            d["baseScore"] = float(base)
        nodes.append(d)
        for q in sorted(quotes[cid], key=str):  # an L-node of the quote's words, anchored in the claim by a YA-node
            lid, yid = ids[str(q)], ids[str(q)] + "-anchor"
            quote = {"nodeID": lid, "type": "L", "text": str(g.value(q, AM.exact) or "")}
            for key in ("start", "end"):
                value = g.value(q, AM[key])
                quote[key] = None if value is None else int(value)
            source = g.value(q, AM.inSource)
            if source is not None:
                quote["source"] = str(source)
            nodes += [quote, {"nodeID": yid, "type": "YA", "text": "Asserting"}]
            edges.update({(lid, yid), (yid, ids[cid])})
    for rid, r in relations.items():
        t = kinds[r.type]
        label = g.value(URIRef(rid), RDFS.label)
        nodes.append(entry(rid, t, str(label) if label is not None else defaults[t]))
        edges.update((ids[p], ids[rid]) for p in r.sources)
        edges.add((ids[rid], ids[r.target]))
    for node, t in bare.items():
        label = g.value(URIRef(node), RDFS.label)
        nodes.append(entry(node, t, str(label) if label is not None else defaults.get(t, t)))
        for p in g.objects(URIRef(node), aif.Premise):
            if str(p) in ids:
                edges.add((ids[str(p)], ids[node]))
        for c in g.objects(URIRef(node), aif.Conclusion):
            if str(c) in ids:
                edges.add((ids[node], ids[str(c)]))
    for a, c in rephrases:
        key = f"{a}|rephrase|{c}"
        nodes.append(entry(key, "MA", defaults["MA"]))
        edges.update({(ids[a], ids[key]), (ids[key], ids[c])})
    nodes.sort(key=lambda d: _natural(d["nodeID"]))
    out = {} if amap.main_thesis is None else {"mainThesis": ids[amap.main_thesis]}
    quoted = sorted({str(g.value(q, AM.inSource)) for qs in quotes.values() for q in qs} - {"None"})
    described = [s for s in amap.sources if s.id in quoted]
    if described:  # the sources the quotes are in, as the map describes them
        def author(s):
            return None if s.creator is None else str(g.value(URIRef(s.creator), RDFS.label) or s.creator)

        out["sources"] = [{k: v for k, v in (("sourceID", s.id), ("title", s.title), ("author", author(s)),
                                              ("date", s.date)) if v is not None} for s in described]
    out |= {
        "nodes": nodes,
        "edges": [{"edgeID": str(i), "fromID": a, "toID": c, "formEdgeID": None}
                  for i, (a, c) in enumerate(sorted(edges, key=lambda e: (_natural(e[0]), _natural(e[1]))), 1)],
    }
    said = [*g.subject_objects(prov.wasAttributedTo), *g.subject_objects(AM.attributedTo)]
    speakers = sorted({(ids[str(s)], str(p)) for s, p in said if str(s) in ids})
    if speakers:
        pids = _ids(sorted({p for _s, p in speakers}))
        out["locutions"] = [{"nodeID": s, "personID": pids[p].removeprefix("person-")} for s, p in speakers]
        people = []
        for p in sorted({p for _s, p in speakers}):
            first, _, last = str(g.value(URIRef(p), RDFS.label) or "").partition(" ")
            people.append({"participantID": pids[p].removeprefix("person-"), "firstname": first, "surname": last})
        out["participants"] = people
    return out


def dumps(amap, fmt=None) -> str:
    """The map as AIF JSON text (sorted, two-space indent, final newline)."""
    return json.dumps(to_dict(amap), indent=2, ensure_ascii=False) + "\n"
