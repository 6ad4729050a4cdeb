"""The ``argmap`` command: a thin face on the library.

Each command parses its arguments, makes one library call and prints.  Every
:class:`~argmap.errors.ArgmapError` becomes one line ``argmap: error: ...`` and
its exit code (see :mod:`argmap.errors`); heavy packages are imported inside
the commands, so ``argmap --help`` starts fast.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
import sys
from io import StringIO
from pathlib import Path

import click

from . import __version__, anchor_map
from . import explain as explain_claim
from . import info as map_info
from . import solve as solve_task
from ._files import atomic_write, bundled_map_path
from .errors import ArgmapError, Findings, InputError, QueryError, UsageError
from .io import dumps, formats, get_format
from .io import write as write_map
from .names import EXTENSION_NAMES, GRADUAL_NAMES, semantics_name
from .sparql import (bind_params, claim_labels, named_queries, named_query, parse_params, resolve_params,
                        syntax_error_line, to_csv, to_json, to_table, to_tsv, with_prefixes)

__all__ = ["cli", "main"]

#: How the command line spells the library's arguments that errors name (see :mod:`argmap.errors`).
FLAGS = {
    "maps": "MAP files", "store": "--store DIR", "endpoint": "--endpoint URL", "update_endpoint": "--update-endpoint",
    "graph": "--graph IRI", "graph_store": "--graph-store", "timeout": "--timeout", "allow_update": "--allow-update",
    "create_store": "argmap load MAP --store DIR", "what_if": "--what-if", "params": "--param",
    "named_queries": "argmap query --list", "write": "--write", "output": "-o FILE", "source": "--source FILE",
    "format": "--format", "argument": "-a ARG", "tasks": "argmap solve --problems",
}
#: Exit code for a bug in argmap itself (never for a user's mistake).
EXIT_INTERNAL = 3


def map_source(*, trailing: tuple = (), default_bundled: bool = False):
    """The options that say where a command's map comes from, as one ``source`` argument.

    MAP files, ``--store DIR`` (an Oxigraph store made by ``argmap load``) or
    ``--endpoint URL --graph IRI`` (a SPARQL 1.1 server); see
    :class:`argmap.source.MapSource`.  ``trailing`` names positional
    arguments that follow the MAPs (``explain MAP CLAIM``); with
    ``default_bundled``, no map at all means the bundled one.
    """
    metavar = "[MAP ...]" + "".join(f" {t.upper()}" for t in trailing)

    def decorate(fn):
        @click.argument("args", nargs=-1, metavar=metavar)
        @click.option("--store", metavar="DIR", help="Read the map from an Oxigraph store made by argmap load.")
        @click.option("--endpoint", metavar="URL", help="Read the map from a SPARQL 1.1 server (give --graph).")
        @click.option("--graph", "graph_iri", metavar="IRI", help="The map's named graph in the store or on the server "
                                                                   "[store default: every map in it].")
        @click.option("--graph-store", metavar="URL", help="The server's Graph Store Protocol URL [default: the "
                                                            "endpoint's URL + -graph-crud]; none: SPARQL queries only.")
        @click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
                      help="Give up on a server request that takes longer.")
        @functools.wraps(fn)
        def command(args, store, endpoint, graph_iri, graph_store, timeout, **kwargs):
            from .source import MapSource  # lazy: it imports pyoxigraph and urllib.request (0.1 s)

            _check_trailing(args, trailing, bool(store or endpoint or default_bundled))
            maps = args[: len(args) - len(trailing)]
            kwargs.update(zip(trailing, args[len(maps):]))
            if default_bundled and not (maps or store or endpoint):
                maps = (bundled_map_path(),)
            source = MapSource(tuple(maps), store, endpoint, graph_iri, graph_store, kwargs.pop("fmt_in", None),
                               timeout)
            return fn(source=source, **kwargs)

        return command

    return decorate


def _check_trailing(args, trailing, maps_optional):
    """Fail with what is missing or misplaced when ``args`` cannot be MAP files followed by ``trailing``.

    ``explain MAP`` lacks its CLAIM (its map is not taken for a claim, to
    then find no map), and ``explain CLAIM MAP`` names an existing file last
    and none before it: the arguments are in the wrong order.
    """
    if not trailing:
        return
    names = [t.upper() for t in trailing]
    usage = f"argmap {click.get_current_context().info_name} MAP {' '.join(names)}"
    missing = names[len(args):]
    if not maps_optional and len(args) <= len(trailing):
        first = Path(args[0]) if args else None
        # a file, or what is named like one, is the MAP that comes first
        missing = names[len(args) - 1:] if first and (first.is_file() or first.suffix) else ["MAP", *missing]
    if missing:
        raise UsageError(f"missing {' and '.join(missing)}: {usage}")
    maps, last = args[: len(args) - len(trailing)], args[-1]
    if maps and Path(last).is_file() and not any(Path(m).is_file() for m in maps):
        raise UsageError(f"the arguments are in the wrong order: {usage}, and {last} is a map file")


_SEMANTICS = (*GRADUAL_NAMES, *EXTENSION_NAMES)


class _Semantics(click.Choice):
    """A semantics' command-line name; the ontology's name of it (``DFQuAD``) too, in any case (argmap.names)."""

    def convert(self, value, param, ctx):
        try:
            return semantics_name(value, among=self.choices)
        except UsageError as exc:
            self.fail(exc.message, param, ctx)


def _table(header, rows):
    """Rows as aligned plain-text columns."""
    rows = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli():
    """argmap: argument maps as RDF knowledge graphs.

    Claims joined by support, attack and undercut relations, each traced to a
    quote in its source; scored with gradual semantics, drawn as an interactive
    page, queried with SPARQL.

    Example: argmap render   (writes the bundled map to ./argmap.html)
    """


@cli.command()
@map_source(default_bundled=True)
@click.option("-o", "--output", help="The file to write [default: argmap.html, or argmap.svg/.png with --format].")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), help="Page or picture [default: from the suffix, else html].")
@click.option("--semantics", type=_Semantics(GRADUAL_NAMES), default="dfquad", show_default=True,
              help="Gradual semantics that sizes the claims.")
@click.option("--color", type=click.Choice(["verdict", "status", "kind"]), default="verdict", show_default=True,
              help="Colour by verdict (strength raised above, kept at or lowered below the base score), by "
                   "grounded status (IN/OUT/UNDEC) or by claim kind.")
@click.option("--support", default="none", show_default=True,
              help="Attacks derived from supports for the grounded status: none, supported, secondary, mediated, "
                   "or all (comma-separated).")
@click.option("--source", "text_file", metavar="FILE",
              help="The article the quotes come from, shown beside the map with every quote marked [default: the "
                   "quotes' own source, where it is a readable file: IRI].")
@click.option("--layout", type=click.Choice(["hierarchical", "force"]), default="hierarchical", show_default=True)
@click.option("--title", help="Heading of the page (default: the source's title).")
@click.option("--focus", metavar="CLAIM", help="Draw only the claims within --depth relations of CLAIM (IRI, last "
                                              "segment or label).")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="Relations from the focus, or from the strongest claims, to draw.")
@click.option("--top", type=click.IntRange(min=1), metavar="N",
              help="Draw the main thesis and the N strongest claims with their neighbours [default for maps over "
                   "2,000 claims: 200].")
def render(source, output, fmt, semantics, color, support, text_file, layout, title, focus, depth, top):
    """Draw MAP as one self-contained, interactive HTML page, or as SVG/PNG.

    With no MAP, draws the map bundled with argmap. The page works offline
    from file://; SVG and PNG need Graphviz's dot.

    Example: argmap render graphs/trump-kim-meeting.ttl --source article.txt -o map.html
    """
    from .drawing import RenderOptions, picture_format, view_of  # lazy: it imports rdflib and numpy
    from .drawing import render as render_page  # lazy: it imports rdflib and numpy

    fmt = fmt or picture_format(output)
    output = output or f"argmap.{fmt}"
    amap = source.load()
    options = RenderOptions(semantics=semantics, color=color, layout=layout, title=title, focus=focus, depth=depth,
                            top=top, support=support, source=text_file)
    view = view_of(amap, options)
    if view.note:
        click.echo(f"argmap: {view.note}", err=True)
    path = render_page(amap, output, format=fmt, options=options, view=view)
    click.echo(os.path.abspath(path))



def _csv(header, rows) -> str:
    buf = StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


@cli.command()
@map_source()
@click.option("--semantics", type=_Semantics(_SEMANTICS), default="dfquad", show_default=True,
              help=f"Gradual ({', '.join(GRADUAL_NAMES)}) or extension ({', '.join(EXTENSION_NAMES)}) semantics; "
                   "the ontology's names (DFQuAD, am:Grounded) work too.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--support", default="none", show_default=True,
              help="Extension semantics: attacks derived from supports: none, supported, secondary, mediated, "
                   "or all (comma-separated).")
@click.option("--write", is_flag=True,
              help="Store the results as am:Evaluation nodes in MAP, rewritten as canonical RDF (its comments are "
                   "lost), in the store's or server's graph, or in -o FILE.")
@click.option("-o", "--output", help="With --write: the RDF file to write instead of MAP.")
def score(source, semantics, fmt, support, write, output):
    """Rank the claims of MAP by strength, or give its extensions.

    Example: argmap score graphs/trump-kim-meeting.ttl --semantics qe --format json
    """
    from .semantics import extensions_of  # lazy: it imports numpy
    from .semantics import score as run  # lazy: it imports numpy

    if output and not write:
        raise UsageError("-o/--output goes with --write")
    if write:
        source.file_target(output)  # fail before any work
    amap = source.load() if write else source.load_framework()
    if semantics in GRADUAL_NAMES:
        result = run(amap, semantics)
        values = result.scores
        if fmt == "json":
            out = {k: getattr(result, k) for k in ("semantics", "converged", "iterations", "residual", "scores")}
            text = json.dumps(out, indent=2, sort_keys=True)
        elif fmt == "csv":
            text = _csv(["claim", "score"], [[cid, repr(v)] for cid, v in result.ranking()]).rstrip("\n")
        else:
            rows = []
            for rank, (cid, value) in enumerate(result.ranking(), 1):
                c = amap.claims[cid]
                rows.append([rank, f"{value:.3f}", "-" if c.base_score is None else f"{c.base_score:.2f}", c.label])
            text = _table(["rank", "score", "base", "claim"], rows)
        if not result.converged:
            click.echo(f"warning: did not converge after {result.iterations} iterations "
                       f"(residual {result.residual:.2e})", err=True)
    else:
        result = extensions_of(amap, semantics, support)
        values = result.status
        if fmt == "json":
            text = json.dumps({"semantics": semantics, "extensions": result.extensions}, indent=2, sort_keys=True)
        elif fmt == "csv":
            rows = [[i, cid] for i, ext in enumerate(result.extensions, 1) for cid in ext]
            text = _csv(["extension", "claim"], rows).rstrip("\n")
        else:
            member = {cid: [str(i) for i, e in enumerate(result.extensions, 1) if cid in e] for cid in amap.claims}
            order = {"IN": 0, "sceptical": 0, "credulous": 1, "UNDEC": 1, "OUT": 2, "rejected": 2}
            rows = sorted(amap.claims, key=lambda cid: (order[values[cid]], cid))
            text = f"{len(result.extensions)} {semantics} extension(s)\n" + _table(
                ["status", "in extensions", "claim"],
                [[values[cid], ",".join(member[cid]) or "-", amap.claims[cid].label] for cid in rows],
            )
    if write:
        n, target = source.write_evaluations(amap, semantics, values, output)
        click.echo(f"stored {n} evaluations in {target}", err=True)
    click.echo(text)


@cli.command()
@map_source(trailing=("claim",))
@click.option("--semantics", type=_Semantics(GRADUAL_NAMES), default="dfquad", show_default=True)
@click.option("--what-if", "what_if", multiple=True, metavar="CLAIM=SCORE",
              help="Recompute with this base score (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def explain(source, claim, semantics, what_if, fmt):
    """Explain CLAIM's score: each attacker's and supporter's contribution, and its path to the main thesis.

    CLAIM is a claim's full IRI, the last segment of it, or its label (in any
    case; a miss suggests the nearest labels).  Contributions are
    removal-based (score minus the score without that claim) and
    gradient-based (derivative by that claim's base score).

    Example: argmap explain map.ttl A1 --what-if P1=0.1
    """
    from .semantics.explain import parse_what_if  # lazy: it imports numpy

    amap = source.load_framework()
    cid = amap.find_claim(claim)
    changes = parse_what_if(amap.claims, what_if)
    result = explain_claim(amap, cid, semantics, what_if=changes)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, sort_keys=True))
        return
    label = {c: amap.claims[c].label for c in amap.claims}
    lines = [f"claim: {label[cid]} <{cid}>", f"score ({semantics}): {result.score:.4f}   base: {result.base:.2f}"]
    if changes:
        what = ", ".join(f"{label[c]}={v:g}" for c, v in changes.items())
        lines.append(f"what if {what}: {result.score_before:.4f} -> {result.score:.4f}")
    lines.append("")
    if result.contributions:
        rows = [[c.kind, f"{c.removal:+.4f}", f"{c.gradient:+.4f}", label[c.claim]] for c in result.contributions]
        lines.append(_table(["kind", "removal", "gradient", "from claim"], rows))
    else:
        lines.append("no attackers or supporters")
    lines.append("")
    if amap.main_thesis is None:
        lines.append("path to the main thesis: the map names no main thesis")
    elif result.path is None:
        lines.append("path to the main thesis: none")
    elif not result.path:
        lines.append("this is the main thesis")
    else:
        lines.append("path to the main thesis:")
        lines += [f"  {label[a]} --{kind}--> {label[b]}" for a, _r, kind, b in result.path]
    click.echo("\n".join(lines))


def _read_query(text):
    if not text.startswith("@"):
        return text
    try:
        with open(text[1:], encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read query: {getattr(exc, 'strerror', None) or 'not UTF-8 text'}", path=text[1:]) from None


@cli.command()
@click.argument("args", nargs=-1, metavar="[MAP ...] [QUERY | @FILE.rq]")
@click.option("--named", metavar="NAME", help="Run a named query (see --list) instead of QUERY.")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their descriptions.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (an IRI, a prefixed name, a number or a string); repeatable. A claim "
                   "parameter also takes the claim's label or last segment, and semantics= a name such as dfquad.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True,
              help="Plain table, or SPARQL 1.1 results as CSV, TSV or JSON.")
@click.option("--store", metavar="DIR", help="Query an Oxigraph store made by argmap load instead of MAP files.")
@click.option("--endpoint", metavar="URL", help="Query a SPARQL 1.1 server instead of MAP files.")
@click.option("--update-endpoint", metavar="URL", help="Where the server takes updates [default: --endpoint].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Stop a query that runs longer, with an error.")
@click.option("--allow-update", is_flag=True, help="Let a SPARQL update change the store (refused otherwise).")
def query(args, named, list_, params, fmt, store, endpoint, update_endpoint, timeout, allow_update):
    """Run a SPARQL SELECT or ASK over maps, the ontology and stored evaluations.

    The maps are MAP files (in memory), an Oxigraph store (--store) or a
    SPARQL server (--endpoint); each map is a named graph and the default
    graph is their union with the ontology, RDFS subclass and subproperty
    entailments included. QUERY is the query text or @FILE; --named NAME runs
    a shipped query. Credentials for a server come from ARGMAP_ENDPOINT_USER
    and ARGMAP_ENDPOINT_PASSWORD.

    Example: argmap query graphs/trump-kim-meeting.ttl --named claims-by-speaker --format csv
    """
    from .store import open_store  # lazy: its back ends import rdflib

    if list_:
        queries = named_queries()
        width = max(len(q.name) for q in queries)
        for q in queries:
            click.echo(f"{q.name.ljust(width)}  {q.description}")
        return
    maps = list(args)
    source = None
    if named:
        text = named_query(named).text
    elif maps:
        source = maps.pop()
        text = _read_query(source)
        source = source[1:] if source.startswith("@") else None
    else:
        raise UsageError("give a QUERY (or @FILE, or --named NAME)")
    params = parse_params(params)
    bind_params(text, params)  # a parameter the query lacks is an error before any map is read
    with open_store(maps, store=store, endpoint=endpoint, update_endpoint=update_endpoint, timeout=timeout) as st:
        text = bind_params(text, resolve_params(text, params, lambda: claim_labels(st)))
        try:
            result = st.query(text, timeout=timeout, allow_update=allow_update)
        except QueryError as exc:
            if source is None or exc.path is not None:
                raise
            line = syntax_error_line(exc.message)
            if line is not None:  # the declarations argmap adds come before the file's first line
                line = max(1, line - (with_prefixes(text).count("\n") - text.count("\n")))

            message = re.sub(r",?\s*\(line:\s*\d+, col:\s*\d+\)|\(at char \d+\),?|\berror at \d+:\d+:\s*", "",
                             exc.template) if line is not None else exc.template
            raise QueryError(message.strip(), path=source, line=line, arguments=exc.arguments) from None
        if result.boolean is None and not result.variables and not result.rows:
            click.echo(f"update done ({st.kind})", err=True)
            return
        if fmt == "json":
            click.echo(to_json(result))
        elif fmt == "csv":
            click.echo(to_csv(result), nl=False)
        elif fmt == "tsv":
            click.echo(to_tsv(result), nl=False)
        else:
            nm = st.dataset.namespace_manager if st.kind == "memory" else None
            click.echo(to_table(result, nm))


@cli.command()
@click.argument("maps", nargs=-1, required=True, metavar="MAP [MAP ...]")
@click.option("--store", required=True, metavar="DIR", help="The Oxigraph store folder (created if missing).")
@click.option("--graph", metavar="IRI", help="The named graph for one MAP [default: the file's file: URI].")
@click.option("--format", "fmt", help="The format of the MAP files [default: from each suffix].")
def load(maps, store, graph, fmt):
    """Load maps into an Oxigraph store on disk, each in its own named graph.

    Loading a map again replaces its graph. The ontology is stored too; the
    RDFS entailments of its class tree are added when a query first needs
    them. Query it with argmap query --store DIR.

    Example: argmap load graphs/trump-kim-meeting.ttl --store maps.oxigraph
    """
    from .store import OxigraphStore  # lazy: its back ends import rdflib

    with OxigraphStore(store) as st:
        for r in st.load(list(maps), graph=graph, format=fmt):
            click.echo(f"{r.path}: {r.triples} triples in <{r.graph}>")


@cli.command()
@click.argument("maps", nargs=-1, required=True, metavar="MAP [MAP ...]")
@click.option("--endpoint", required=True, metavar="URL", help="The SPARQL 1.1 server's query URL.")
@click.option("--update-endpoint", metavar="URL", help="Where the server takes updates [default: --endpoint].")
@click.option("--graph", metavar="IRI", help="The named graph for one MAP [default: the file's file: URI].")
@click.option("--format", "fmt", help="The format of the MAP files [default: from each suffix].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up on a request that takes longer.")
def push(maps, endpoint, update_endpoint, graph, fmt, timeout):
    """Put maps on a SPARQL 1.1 server, each in its own named graph.

    Pushing a map again replaces its graph; the ontology goes to the graph
    https://w3id.org/argmap. Each map lands whole or not at all, and the
    triples are counted on the server. Credentials come from
    ARGMAP_ENDPOINT_USER and ARGMAP_ENDPOINT_PASSWORD, never from the command
    line.

    Example: argmap push graphs/trump-kim-meeting.ttl --endpoint http://localhost:8890/sparql
    """
    from .store import EndpointStore  # lazy: its back ends import rdflib

    st = EndpointStore(endpoint, update_endpoint, timeout=timeout)
    for r in st.push(list(maps), graph=graph, format=fmt):
        click.echo(f"{r.path}: {r.stored} triples ({r.triples} read, with entailments) in <{r.graph}>, "
                   "verified on the server")


def _emit_map(amap, output):
    """Write ``amap`` to ``output`` (format from its suffix), or print it as Turtle."""
    if output:
        write_map(amap, output)
    else:
        click.echo(dumps(amap, "turtle"), nl=False)


def _one_of(fmts) -> str:
    """The registry's formats as help text: ``turtle, ntriples ... or iccma``."""
    names = [f.name for f in fmts]
    return ", ".join(names[:-1]) + " or " + names[-1]


_WRITABLE = _one_of(formats(writable=True))
_READABLE = _one_of(formats(readable=True))


@cli.command("import")
@click.argument("files", nargs=-1, required=True, metavar="FILE [FILE ...]")
@click.option("--from", "fmt", metavar="FORMAT", help=f"The files' format: {_READABLE} [default: from suffix and content].")
@click.option("-o", "--output", metavar="MAP.ttl", help="Write the map here (format from the suffix) instead of "
                                                        "Turtle on standard output.")
@click.option("--source", metavar="FILE", help="The source text in which an Argdown map's quotes are found "
                                               "[default: the front matter's source].")
def import_(files, fmt, output, source):
    """Read FILE (Argdown, AIF JSON, Kialo, arg-microtexts, RDF, ...) into one argmap map.

    An Argdown map's quotes ({quote: "..."}) are found in the source text,
    and stored with their offsets.

    Example: argmap import debate.argdown --source article.txt -o debate.ttl
    """
    from .io.loading import load  # lazy: it imports rdflib

    _emit_map(load(*files, format=fmt, source=source), output)


@cli.command()
@click.argument("maps", nargs=-1, required=True, metavar="MAP [MAP ...]")
@click.option("-o", "--output", metavar="MAP.ttl", help="Write the merged map here instead of Turtle on standard output.")
@click.option("--from", "fmt", metavar="FORMAT", help="The maps' format [default: from suffix and content].")
@click.option("--rephrase/--no-rephrase", default=True, show_default=True,
              help="Link claims of different maps that say the same thing (am:rephrases).")
def merge(maps, output, fmt, rephrase):
    """Merge several maps into one; each claim keeps its source.

    Example: argmap merge a.argdown b.json -o both.ttl
    """
    from .merging import merge as run  # lazy: it imports rdflib

    _emit_map(run(*maps, format=fmt, rephrase=rephrase), output)


@cli.command()
@map_source()
@click.option("--format", "fmt", required=True, help=f"One of {_WRITABLE}.")
@click.option("-o", "--output", help="Write to this file instead of standard output.")
@click.option("--source", "text_source", metavar="FILE", help="Argdown: the source text, named in the front "
                                                              "matter and used to tell equal passages apart.")
def export(source, fmt, output, text_source):
    """Write MAP in another format.

    The JSON format is a stable contract, described in docs/guide.md.

    Example: argmap export graphs/trump-kim-meeting.ttl --format json -o map.json
    """
    fmt_obj = get_format(fmt)  # an unknown format fails before any work
    text = fmt_obj.dumps(source.load(), source=text_source, path=output)
    if output:
        atomic_write(output, text)
    else:
        click.echo(text, nl=False)


@cli.command()
@map_source()
def info(source):
    """Count the claims and relations of MAP, and name its sources and thesis.

    Example: argmap info graphs/trump-kim-meeting.ttl
    """
    amap = source.load()
    facts = map_info(amap)
    click.echo(f"claims: {facts['claims']}")
    for k, n in facts["claim_kinds"].items():
        click.echo(f"  {k}: {n}")
    click.echo(f"relations: {facts['relations']}")
    for k, n in facts["relation_kinds"].items():
        click.echo(f"  {k}: {n}")
    click.echo("sources:")
    for s in facts["sources"]:
        click.echo(f"  {s}")
    for t in facts["main_theses"]:
        click.echo(f"main thesis: {amap.claims[t].label} <{t}>")


@cli.command()
@map_source()
@click.option("--source", "sources", multiple=True, metavar="[IRI=]FILE",
              help="Check every quote against this source text (or, as IRI=FILE, the quotes of that source).")
def validate(source, sources):
    """Check each MAP against the SHACL shapes and argmap's structural rules.

    Prints one finding per line, FILE:LINE: NODE: message, and exits 1 when
    there is any; prints each clean MAP as valid and exits 0.

    Example: argmap validate graphs/*.ttl --source article.txt
    """
    from .validation import parse_source_options, read_source_text, validate_graph  # lazy: it imports rdflib
    from .validation import validate as run  # lazy: it imports rdflib

    texts = parse_source_options(sources)
    if source.paths:
        maps = [str(p) for p in source.paths]
        findings = run(maps, sources=texts)
    else:  # the map as stored, entailments included
        maps = [source.name]
        findings = validate_graph(source.load().graph, path=source.name,
                                  source_texts={k: read_source_text(v) for k, v in texts.items()})
    for finding in findings:
        click.echo(str(finding))
    flawed = {f.path for f in findings}
    for path in maps:
        if str(path) not in flawed:
            click.echo(f"{path}: valid")
    if findings:
        raise Findings(f"{len(findings)} finding(s) in {len(flawed)} of {len(maps)} map(s)")


@cli.command()
@click.argument("map_path", metavar="MAP")
@click.option("--source", "source_file", required=True, metavar="FILE", help="The source's text (UTF-8).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=3, show_default=True, metavar="N",
              help="Passages proposed per claim.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.6, show_default=True,
              help="With --write: the least score a proposal needs to be stored.")
@click.option("--write", is_flag=True,
              help="Store each claim's best proposal (scoring at least --threshold) as an am:Quote and mend the "
                   "offsets of quotes that no longer fit, in MAP rewritten as canonical RDF (its comments are "
                   "lost), or in -o FILE.")
@click.option("-o", "--output", help="With --write: the RDF file to write instead of MAP.")
def anchor(map_path, source_file, fmt, top, threshold, write, output):
    """Propose quotes from FILE for the claims of MAP that have none, and re-anchor quotes whose offsets no longer fit.

    A proposal is a sentence or clause of FILE, scored from 0 to 1 by how many
    words it shares with the claim's text and label (rapidfuzz token set and
    token sort ratios); the best come first. A quote whose am:start and
    am:end no longer span its am:exact text in FILE is found again, at the
    place nearest its old start, whitespace, quotation marks, dashes and case
    aside.

    Example: argmap anchor draft.ttl --source article.txt --write
    """
    from .io.loading import load  # lazy: it imports rdflib

    if output and not write:
        raise UsageError("-o/--output goes with --write")
    amap = load(map_path)
    report = anchor_map(amap, source_file, top=top, threshold=threshold,
                        write=(output or map_path) if write else None)
    if fmt == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(_anchor_table(report))
    if write and not (report.stored or report.fixed or output):
        click.echo(f"nothing to store: {map_path} is left as it is", err=True)
    elif write:
        click.echo(f"stored {_count(report.stored, 'new quote')} and mended the offsets of "
                   f"{_count(report.fixed, 'quote')} in {output or map_path}", err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _anchor_table(report) -> str:
    """The proposals and re-anchorings of ``report`` as plain-text tables."""
    rows = [[p.label, f"{p.score:.2f}", f"[{p.span.start}, {p.span.end})", _short(p.span.exact)]
            for p in report.proposals]
    parts = [_table(["claim", "score", "span", "proposed quote"], rows) if rows else "no claim lacks a quote"]
    if report.reanchorings:
        rows = [[r.label, f"[{r.start}, {r.end})", f"[{r.span.start}, {r.span.end})" if r.span else "-",
                 _short(r.exact) if r.span else r.problem] for r in report.reanchorings]
        parts.append(_table(["claim", "old span", "new span", "quote"], rows))
    else:
        parts.append("every quote fits the source")
    return "\n\n".join(parts)


@cli.command()
@click.option("-p", "--problem", "task", metavar="TASK", help="The task, such as DC-PR or SE-ST (see --problems).")
@click.option("-f", "--file", "path", metavar="FILE",
              help="The framework: ICCMA 2023 (p af N; .af, .i23) or ASPARTIX (.apx).")
@click.option("-a", "--argument", metavar="ARG",
              help="DC and DS: the argument, by its number in an ICCMA file or its name in an ASPARTIX one.")
@click.option("--witness", is_flag=True,
              help="After DC's YES, an extension with the argument; after DS's NO, one without it.")
@click.option("--problems", is_flag=True, help="List the tasks, as [DC-CO,...], and exit.")
@click.option("--formats", is_flag=True, help="List the file formats, as [i23,apx], and exit.")
def solve(task, path, argument, witness, problems, formats):
    """Solve an ICCMA 2023 task on an abstract argumentation framework.

    DC-σ: is ARG in some σ-extension, DS-σ: in every one (YES or NO); SE-σ:
    one σ-extension as "w 1 4 7", or NO when there is none.  σ is GR
    grounded, CO complete, PR preferred, ST stable, SST semi-stable, STG
    stage or ID ideal.

    Example: argmap solve -p DS-PR -f graph.af -a 3 --witness
    """
    from .semantics.tasks import FORMATS, TASKS, answer_lines  # lazy: it imports numpy

    if problems or formats:
        click.echo(f"[{','.join(TASKS if problems else FORMATS)}]")
        return
    if not task or not path:
        raise UsageError("give -p TASK and -f FILE (argmap solve --problems lists the tasks)")
    click.echo("\n".join(answer_lines(solve_task(path, task, argument), witness)))


@cli.command("ontology-docs")
@click.option("-o", "--output", required=True, metavar="DIR", help="The folder to write index.html into.")
def ontology_docs(output):
    """Write an HTML reference of the argmap ontology to DIR/index.html.

    Every class, property and individual with its label, definition and use
    (pyLODE).

    Example: argmap ontology-docs -o docs/ontology
    """
    from .docs import ontology_docs as run  # lazy: it imports rdflib

    click.echo(os.path.abspath(run(output)))


def main(argv=None) -> int:
    """Run the command line; return (and exit with) its exit code."""
    try:
        cli.main(args=argv, prog_name="argmap", standalone_mode=False)
        code = 0
    except ArgmapError as exc:
        click.echo(f"argmap: error: {exc.render(FLAGS)}", err=True)
        code = exc.exit_code
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        hint = ""
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            hint = f" (see '{ctx.command_path} --help')"
        click.echo(f"argmap: error: {exc.format_message()}{hint}", err=True)
        code = exc.exit_code
    except click.Abort:
        click.echo("argmap: aborted", err=True)
        code = 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): not an error
        code = 0
    except Exception as exc:  # a bug in argmap, not a user's mistake
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        what = " ".join(str(exc).split())[:200]
        click.echo(f"argmap: internal error: {type(exc).__name__}: {what} (ARGMAP_DEBUG=1 shows the traceback)", err=True)
        code = EXIT_INTERNAL
    sys.exit(code)
