"""The generated reference pages: docs/cli.md, docs/python-api.md and the layout section of docs/guide.md.

docs/cli.md is the commands' own ``--help``; docs/python-api.md the
signatures and docstrings of the names in ``argmap.__all__``; the guide's
layout, every module of argmap in its layer (:data:`LAYERS`) with the first
sentence of its docstring.  ``python -m tests.docgen`` rewrites them;
``tests/test_docs.py`` fails when one differs from what the code says, and
``tests/test_layout.py`` when a module imports from a layer above its own.
"""

from __future__ import annotations

from .conftest import ROOT

CLI_DOC = ROOT / "docs" / "cli.md"
API_DOC = ROOT / "docs" / "python-api.md"
GUIDE = ROOT / "docs" / "guide.md"

#: argmap's layers, from the top: a module imports only from its own layer and those below it, and
#: no two modules import each other, even through others.  Each module (``io.aif`` is
#: ``argmap/io/aif.py``; a package is its ``__init__.py``) is in exactly one layer.
LAYERS = {
    "face": ("", "__main__", "cli", "maps"),
    "commands": ("source",),
    "render, query, validate, io": (
        "drawing", "sparql", "validation", "anchor", "merging", "docs",
        "io", "io._build", "io.afgraph", "io.afmap", "io.aif", "io.argdown", "io.aspartix", "io.attackgraph",
        "io.gexf", "io.graphml", "io.iccma", "io.jsonld", "io.kialo", "io.loading", "io.mapjson",
        "io.microtexts", "io.rdf",
        "store", "store.base", "store.endpoint", "store.http", "store.memory", "store.oxigraph", "store.terms"),
    "semantics": ("semantics", "semantics.explain", "semantics.extensions", "semantics.framework",
                  "semantics.gradual", "semantics.indexing", "semantics.page", "semantics.tasks"),
    "model": ("model", "triples"),
    "vocabulary and errors": ("vocab", "namespace", "names", "ontology", "rdfs", "evaluations", "errors",
                              "progress", "_files", "_numbers"),
}

_LAYOUT_HEAD = """\
## Layout

The repository: `argmap/` the package; `ontology/argmap.ttl` the OWL ontology
and `ontology/shapes.ttl` its SHACL shapes; `graphs/` the bundled map and the
catalog Protégé reads; `argmap/queries/` the named SPARQL queries and
`argmap/templates/` the page; `tests/`; `bench/` benchmark scripts that print
figures.

The package in layers, from the top. A module imports from its own layer and
those below it, never from above, and no two modules import each other (not
even through others): the command line and the API are a face on the
commands, which use rendering, queries, validation and the formats, which use
the semantics, which compute on the model, which is built of the vocabulary.
Each API function of `argmap` has a name no module takes, so `argmap.query`
stays the function. This section is generated from the modules' docstrings
(`python -m tests.docgen`), and `tests/test_layout.py` checks every import
against it.

| Layer | Module | What it holds |
|---|---|---|
"""

_HEAD = """\
# argmap command reference

Every command of `argmap`, with the text its `--help` prints. This page is
generated from that help by `python -m tests.docgen`, and the test suite
fails when it is out of date, so it says what the installed `argmap` does.
The [tutorial](tutorial.md) shows the commands at work; the
[Python API](python-api.md) has a function for each.

Contents: {contents}.

## Shell completion

click, which argmap's command line is built on, completes command names,
options and their choices in bash, zsh and fish. Ask `argmap` for the
script once and have the shell read it:

```sh
_ARGMAP_COMPLETE=bash_source argmap > ~/.argmap-complete.bash
echo '. ~/.argmap-complete.bash' >> ~/.bashrc
```

For zsh use `zsh_source` (and `~/.zshrc`), for fish `fish_source` into
`~/.config/fish/completions/argmap.fish`. Then `argmap ren<Tab>` gives
`argmap render`, and `argmap render --color <Tab>` offers `verdict`, `status` and `kind`.

`argmap --version` prints the version, `argmap COMMAND --help` the text below.
"""


def command_help(name: str | None = None) -> str:
    """What ``argmap [NAME] --help`` prints, at a fixed width of 80 columns."""
    import click

    from argmap.cli import cli

    root = click.Context(cli, info_name="argmap", terminal_width=80, max_content_width=80, **cli.context_settings)
    if name is None:
        return cli.get_help(root)
    command = cli.commands[name]
    ctx = click.Context(command, info_name=name, parent=root, terminal_width=80, max_content_width=80)
    return command.get_help(ctx)


def cli_markdown() -> str:
    """The whole of docs/cli.md."""
    from argmap.cli import cli

    names = sorted(cli.commands)
    contents = ", ".join(f"[`argmap {n}`](#argmap-{n})" for n in names)
    parts = [_HEAD.format(contents=contents), "## argmap\n\n```text\n" + command_help() + "\n```\n"]
    for name in names:
        parts.append(f"## argmap {name}\n\n```text\n{command_help(name)}\n```\n")
    return "\n".join(parts)


_API_HEAD = """\
# argmap in Python

The command line is a thin face on a library: each command has one function
in the `argmap` package, with the same options as keyword arguments. This
page lists `argmap.__all__` with each name's signature and docstring; it is
generated by `python -m tests.docgen`, the test suite fails when it differs
from the code, and every example below runs as a doctest under
`python3 -m pytest`.

`import argmap` is light: rdflib, networkx and numpy are imported by the
functions when first called. Every mistake in the input raises an
`argmap.ArgmapError` (its `exit_code` is the command line's), never a bare
traceback from a parser.

| command | function |
|---|---|
{table}
"""

#: The command each function stands for (names not listed are shared by all).
API_FOR_COMMAND = {
    "import": "load", "info": "info", "validate": "validate", "anchor": "anchor_map", "score": "score",
    "score --semantics grounded (complete, preferred, stable, semistable, stage, ideal)": "extensions", "explain": "explain",
    "render": "render", "query": "query", "export": "export", "merge": "merge", "load": "load_store",
    "push": "push", "ontology-docs": "ontology_docs", "solve": "solve",
}


def _signature(fn) -> str:
    """``(a, *b, c: int = 1) -> str`` with the annotations as written (they are strings here)."""
    import inspect

    def note(annotation) -> str:
        return str(annotation).strip("'\"")

    sig = inspect.signature(fn)
    parts, keyword_only = [], False
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and not keyword_only:
            parts.append("*")
        keyword_only = keyword_only or p.kind in (p.KEYWORD_ONLY, p.VAR_POSITIONAL)
        text = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "") + p.name
        if p.annotation is not p.empty:
            text += f": {note(p.annotation)}"
        if p.default is not p.empty:
            text += f" = {p.default!r}" if p.annotation is not p.empty else f"={p.default!r}"
        parts.append(text)
    ret = "" if sig.return_annotation is sig.empty else f" -> {note(sig.return_annotation)}"
    return f"({', '.join(parts)}){ret}"


def api_entry(name: str) -> str:
    """The section of one public name: its signature and its docstring."""
    import inspect

    import argmap

    obj = getattr(argmap, name)
    if name == "__version__":
        return "## argmap.__version__\n\nThe version of argmap, as `argmap --version` prints it.\n"
    doc = inspect.cleandoc(obj.__doc__ or "")
    if inspect.isclass(obj):
        base = f"({obj.__base__.__name__})" if issubclass(obj, BaseException) else ""
        usage = f"class argmap.{name}{base}"
    else:
        usage = f"argmap.{name}{_signature(obj)}"
    return f"## argmap.{name}\n\n```python\n{usage}\n```\n\n```text\n{doc}\n```\n"


def api_markdown() -> str:
    """The whole of docs/python-api.md."""
    import argmap

    table = "\n".join(f"| `argmap {cmd}` | [`argmap.{fn}`](#argmap{fn.replace('_', '').lower()}) |"
                      for cmd, fn in API_FOR_COMMAND.items())
    return "\n".join([_API_HEAD.format(table=table)] + [api_entry(n) for n in argmap.__all__])


def module_path(name: str) -> str:
    """``argmap/io/aif.py`` for ``io.aif``; a package's ``__init__.py`` for its name ("" is argmap itself)."""
    path = ROOT / "argmap" / name.replace(".", "/")
    return str((path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).relative_to(ROOT))


def _summary(name: str) -> str:
    """The first sentence of a module's docstring, on one line."""
    import ast
    import re

    doc = ast.get_docstring(ast.parse((ROOT / module_path(name)).read_text(encoding="utf-8"))) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    first = re.sub(r":\w+:`~?(?:[\w.]+\.)?([\w.]+)`", r"`\1`", first).replace("``", "`")  # reST roles and literals
    return re.split(r"(?<=[a-z)`'])\. ", first, maxsplit=1)[0].rstrip(".").replace("|", "\\|")


def layout_markdown() -> str:
    """The layout section of docs/guide.md: every module in its layer."""
    rows = [f"| {layer} | `{module_path(name)}` | {_summary(name)} |"
            for layer, names in LAYERS.items() for name in names]
    return _LAYOUT_HEAD + "\n".join(rows) + "\n"


def guide_with_layout(text: str) -> str:
    """The guide ``text`` with its layout section (the last section) as :func:`layout_markdown` makes it."""
    return text[: text.index("## Layout\n")] + layout_markdown()


if __name__ == "__main__":
    CLI_DOC.parent.mkdir(exist_ok=True)
    for path, text in ((CLI_DOC, cli_markdown()), (API_DOC, api_markdown()),
                       (GUIDE, guide_with_layout(GUIDE.read_text(encoding="utf-8")))):
        path.write_text(text, encoding="utf-8")
        print(path)
