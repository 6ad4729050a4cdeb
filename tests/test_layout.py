"""The package's layout: API functions keep their names whatever modules load, and imports point down the
layers of docs/guide.md (:data:`tests.docgen.LAYERS`), without cycles."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types

import networkx as nx

import argmap

from .conftest import ROOT
from .docgen import LAYERS, module_path


def test_api_names_are_never_shadowed_by_modules():
    loaded = [m.name for m in pkgutil.walk_packages(argmap.__path__, "argmap.") if m.name != "argmap.__main__"]
    for name in loaded:
        importlib.import_module(name)
    assert {"argmap.sparql", "argmap.drawing", "argmap.store.memory"} <= set(loaded)
    functions = [n for n in argmap.__all__ if callable(getattr(argmap, n)) and not isinstance(getattr(argmap, n), type)]
    assert {"query", "render", "validate", "merge", "score", "explain", "load"} <= set(functions)
    assert [n for n in argmap.__all__ if isinstance(getattr(argmap, n), types.ModuleType)] == []
    assert [n for n in functions if getattr(argmap, n).__module__ != "argmap"] == ["bundled_map_path"]  # from _files


def modules() -> dict[str, ast.Module]:
    """Every module of argmap by dotted name (``argmap.io.aif``; a package by its own name), parsed."""
    found = {}
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = ast.parse(path.read_text(encoding="utf-8"))
    return found


def imports(name: str, tree: ast.Module, known) -> set[str]:
    """The argmap modules that module ``name`` imports anywhere in its text (in functions too).

    ``from . import x`` imports the module ``x`` when there is one, else the package.  (Python
    runs a package's ``__init__`` before its modules, but a package that gathers its own modules
    is not a cycle.)
    """
    package = name if (ROOT / name.replace(".", "/")).is_dir() else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            subs = [f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in known]
            targets = subs if len(subs) == len(node.names) else [module, *subs]
        else:
            continue
        for target in targets:
            while target.startswith("argmap.") and target not in known:
                target = target.rpartition(".")[0]  # a name imported from a module
            if target == "argmap" or target.startswith("argmap."):
                found.add(target)
    found.discard(name)
    return found


def layer_of() -> dict[str, int]:
    """Each module's layer, 0 the top (the face)."""
    return {("argmap." + m if m else "argmap"): depth for depth, names in enumerate(LAYERS.values()) for m in names}


def test_every_module_is_in_one_layer():
    listed = [m for names in LAYERS.values() for m in names]
    assert len(listed) == len(set(listed))
    assert set(layer_of()) == set(modules())


def test_imports_point_down_the_layers_without_cycles():
    tree, layer = modules(), layer_of()
    graph = nx.DiGraph()
    for name, module in tree.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target in imports(name, module, tree))
    upward = sorted(f"{a} ({list(LAYERS)[layer[a]]}) imports {b} ({list(LAYERS)[layer[b]]})"
                    for a, b in graph.edges if layer[b] < layer[a])
    assert upward == []
    assert [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1] == []
    # the walk sees what the modules say: the model stands on the vocabulary, the face on everything
    assert {"argmap.vocab", "argmap.triples", "argmap.errors"} <= set(graph.successors("argmap.model"))
    assert "argmap.source" in set(graph.successors("argmap.cli"))


def test_the_walk_sees_imports_in_functions_and_cycles():
    tree = {"argmap.a": ast.parse("def f():\n    from .b import g\n"), "argmap.b": ast.parse("from . import a\n")}
    assert imports("argmap.a", tree["argmap.a"], tree) == {"argmap.b"}
    assert imports("argmap.b", tree["argmap.b"], tree) == {"argmap.a"}


def test_one_framework_file_is_scored_without_rdflib():
    """The layers keep the light paths light: a framework file read and scored (``argmap score F.af``)
    loads no rdflib, and the command line's start loads none of the heavy packages."""
    import subprocess
    import sys

    code = ("import sys, argmap, argmap.cli, argmap.source\n"
            "light = sorted(m for m in ('rdflib', 'numpy', 'networkx') if m in sys.modules)\n"
            "scores = argmap.score(argmap.load_framework(sys.argv[1])).scores\n"
            "print(light, 'rdflib' in sys.modules, len(scores))")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "tests" / "data" / "preferred.apx")],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
    assert out == ["[]", "False", "4"]  # the file's arguments a, b, c, d


def test_imports_inside_functions_say_why():
    """An import sits at the top of its module unless it is measurably heavy; then its line says why
    (``# lazy: rdflib takes 0.2 s to import``) and the reason names a package or a cost."""
    unexplained = []
    for name, tree in modules().items():
        path = ROOT / module_path(name.removeprefix("argmap").lstrip("."))
        lines = path.read_text(encoding="utf-8").split("\n")
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, (ast.Import, ast.ImportFrom)) and "# lazy: " not in lines[node.end_lineno - 1]:
                        unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unexplained == []
    assert "# lazy: rdflib takes 0.2 s to import" in (ROOT / "argmap" / "ontology.py").read_text(encoding="utf-8")
