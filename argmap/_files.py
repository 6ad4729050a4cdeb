"""Small file helpers: data shipped with argmap and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["data_path", "atomic_write"]

_PACKAGE = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a file shipped with argmap, e.g. ``data_path("ontology", "argmap.ttl")``.

    A wheel carries ``ontology/`` and ``graphs/`` inside the package as
    ``argmap/_data``; a source checkout has them at the top level.
    """
    installed = _PACKAGE / "_data" / Path(*parts)
    if installed.exists():
        return installed
    return _PACKAGE.parent / Path(*parts)


def atomic_write(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` so that it appears whole or not at all.

    The data goes to a temporary file in the same directory, which is then
    renamed over ``path``; on any failure the temporary file is removed.
    """
    from .errors import InputError

    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", path=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise InputError(f"cannot write: {exc.strerror}", path=str(target)) from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def _remove(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
