"""A throw-away Virtuoso Open Source server for the SPARQL endpoint tests.

Each server gets its own database folder and ini file under a temporary
folder, listens on 127.0.0.1 on free ports, lets the anonymous SPARQL user
update (``GRANT SPARQL_UPDATE TO "SPARQL"``), and is stopped afterwards.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

__all__ = ["Virtuoso"]

_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 4
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
DirsAllowed = ., {d}
CaseMode = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """Start ``virtuoso-t`` in ``folder``; ``endpoint`` is its SPARQL URL."""

    def __init__(self, folder: Path, program: str = "virtuoso-t", isql: str = "isql-vt"):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.endpoint = f"http://127.0.0.1:{self.http_port}/sparql"
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(d=self.folder, sql=self.sql_port, http=self.http_port), encoding="utf-8")
        self.proc = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], cwd=self.folder,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.wait_until_up()
            subprocess.run([isql, f"127.0.0.1:{self.sql_port}", "dba", "dba",
                            "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"],
                           check=True, capture_output=True, timeout=30)
        except BaseException:
            self.stop()
            raise

    def wait_until_up(self, seconds: float = 60) -> None:
        """Return once the SPARQL endpoint answers; RuntimeError if the server exits or ``seconds`` pass."""
        url = self.endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                log = (self.folder / "virtuoso.log")
                tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: {tail}")
            try:
                with urllib.request.urlopen(url, timeout=2) as res:
                    if res.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        raise RuntimeError("virtuoso-t did not answer in time")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
