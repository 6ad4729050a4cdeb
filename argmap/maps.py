"""The argument map as the API hands it out: it reads itself from files and shows itself in Jupyter.

:class:`ArgumentMap` is :class:`argmap.model.ArgumentMap` with what needs
the layers above the model: reading files (:mod:`argmap.io.loading`) and
drawing the page (:mod:`argmap.drawing`).  The model itself knows neither,
so that the semantics, io and render can all build on it.
"""

from __future__ import annotations

import html

from . import model
from ._files import bundled_map_path
from .drawing import render_html
from .io import loading

__all__ = ["ArgumentMap", "bundled_map_path"]


class ArgumentMap(model.ArgumentMap):
    __doc__ = model.ArgumentMap.__doc__

    @classmethod
    def load(cls, *paths, format: str | None = None, source=None) -> "ArgumentMap":
        """Read one or more files (format from each suffix) into one map.

        Turtle, N-Triples and RDF/XML files are streamed through Oxigraph,
        AIF files read into a plain list of triples; neither becomes an
        rdflib graph unless :attr:`graph` is asked for (see
        :func:`argmap.io.loading.use_fast_reader`).  The answers are the same
        as through rdflib (``ARGMAP_READER=rdflib``).  ``source`` names the source text's file, in which an
        Argdown file's quotes are found (instead of its front matter's).
        """
        return loading.load(*paths, format=format, source=source, cls=cls)

    @classmethod
    def bundled(cls) -> "ArgumentMap":
        """The map argmap ships: the 2018 op-ed on the Trump-Kim meeting."""
        return cls.load(bundled_map_path())

    def _repr_html_(self) -> str:
        """Jupyter shows the map as its interactive page, sandboxed in an iframe."""
        page = html.escape(render_html(self), quote=True)
        return f'<iframe srcdoc="{page}" style="width:100%;height:640px;border:0" sandbox="allow-scripts"></iframe>'
