"""The package's layout: API functions keep their names whatever modules load."""

from __future__ import annotations

import importlib
import pkgutil
import types

import argmap


def test_api_names_are_never_shadowed_by_modules():
    loaded = [m.name for m in pkgutil.walk_packages(argmap.__path__, "argmap.") if m.name != "argmap.__main__"]
    for name in loaded:
        importlib.import_module(name)
    assert {"argmap.sparql", "argmap.drawing", "argmap.store.memory"} <= set(loaded)
    functions = [n for n in argmap.__all__ if callable(getattr(argmap, n)) and not isinstance(getattr(argmap, n), type)]
    assert {"query", "render", "validate", "merge", "score", "explain", "load"} <= set(functions)
    assert [n for n in argmap.__all__ if isinstance(getattr(argmap, n), types.ModuleType)] == []
    assert [n for n in functions if getattr(argmap, n).__module__ != "argmap"] == ["bundled_map_path"]  # from the model
