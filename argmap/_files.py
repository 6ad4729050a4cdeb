"""Small file helpers: data shipped with argmap and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import InputError, ParseError

__all__ = ["data_path", "file_of", "atomic_write", "read_text", "bundled_map_path"]

_PACKAGE = Path(__file__).resolve().parent


def file_of(iri: str) -> Path | None:
    """The path a ``file:`` IRI names (RFC 8089), or None for any other IRI."""
    from urllib.request import url2pathname  # lazy: urllib.request takes 0.1 s to import

    parsed = urlparse(str(iri))
    if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(unquote(parsed.path)))


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


def read_text(path) -> str:
    """The text of a UTF-8 file, exactly as stored (newlines are not translated).

    A missing file, a folder or an unreadable file raises :class:`InputError`;
    binary data or bytes that are not UTF-8 raise :class:`ParseError` with the
    line where the trouble starts.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if b"\x00" in data:
        raise ParseError("binary data, not a text file", path=str(path), line=1 + data[: data.index(b"\x00")].count(b"\n"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = 1 + data[: exc.start].count(b"\n")
        raise ParseError("not UTF-8 text", path=str(path), line=line) from None


def bundled_map_path() -> Path:
    """Path of the bundled map, ``graphs/trump-kim-meeting.ttl`` (inside the package when installed).

    >>> from argmap import bundled_map_path
    >>> bundled_map_path().name, bundled_map_path().is_file()
    ('trump-kim-meeting.ttl', True)
    """
    return data_path("graphs", "trump-kim-meeting.ttl")
