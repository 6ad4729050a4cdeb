"""The one HTTP client of argmap: GET and form POST to a SPARQL server, credentials from the environment.

Every failure is one :class:`~argmap.errors.StoreError`: a server that is
down, slow, or answers with an HTTP error (its code kept as ``status``).
"""

from __future__ import annotations

import base64
import os
import socket
import urllib.error
import urllib.parse
import urllib.request

from ..errors import StoreError
from .base import clip

__all__ = ["HttpClient", "USER_VAR", "PASSWORD_VAR"]

#: Environment variables that hold an endpoint's credentials (HTTP Basic authentication).
USER_VAR, PASSWORD_VAR = "ARGMAP_ENDPOINT_USER", "ARGMAP_ENDPOINT_PASSWORD"


class HttpClient:
    """Requests with argmap's headers and HTTP Basic credentials from :data:`USER_VAR` and :data:`PASSWORD_VAR`.

    ``timeout`` (seconds) is the default of every request; 300 if None.
    """

    def __init__(self, timeout: float | None = None):
        self.timeout = timeout

    def _headers(self, accept, *, form: bool):
        headers = {"User-Agent": "argmap"}
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        if accept:
            headers["Accept"] = accept
        user = os.environ.get(USER_VAR)
        if user:
            token = base64.b64encode(f"{user}:{os.environ.get(PASSWORD_VAR, '')}".encode()).decode("ascii")
            headers["Authorization"] = "Basic " + token
        return headers

    def post_form(self, url, params: dict, accept: str | None, timeout=None) -> bytes:
        """The body of the answer to a POST of ``params`` as ``application/x-www-form-urlencoded``."""
        return self.fetch(url, accept, timeout, data=urllib.parse.urlencode(params).encode("utf-8"))

    def fetch(self, url, accept: str | None, timeout=None, *, data: bytes | None = None) -> bytes:
        """The body of the server's answer to a POST of the form ``data`` to ``url``, or to a GET without it.

        A failure names ``url`` (a GET's without its query string).
        """
        timeout = timeout or self.timeout or 300
        shown = url if data is not None else url.split("?")[0]
        req = urllib.request.Request(url, data=data, headers=self._headers(accept, form=data is not None),
                                     method="POST" if data is not None else "GET")
        slow = StoreError(f"{shown} did not answer within {timeout:g} s ({{timeout}})", arguments=("timeout",))
        try:
            with urllib.request.urlopen(req, timeout=timeout) as res:
                return res.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(2000).decode("utf-8", "replace").strip().splitlines()
            first = next((line for line in detail if line.strip()), exc.reason)
            raise StoreError(f"{shown} answered HTTP {exc.code}: {clip(first)}", status=exc.code) from None
        except (socket.timeout, TimeoutError):
            raise slow from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise slow from None
            raise StoreError(f"cannot reach {shown}: {clip(getattr(reason, 'strerror', None) or reason)}") from None
        except OSError as exc:
            raise StoreError(f"cannot reach {shown}: {clip(exc.strerror or exc)}") from None
