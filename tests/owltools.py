"""Helpers for the OWL tests: the OWL API checker (Java) and HermiT (owlready2).

* :func:`owlapi_check` compiles ``tests/java/OwlCheck.java`` against the Debian
  OWL API jars (package ``libowlapi-java`` and the jars it depends on, under
  ``/usr/share/java``) and runs it on OWL documents, resolving imports through
  the XML catalog Protégé reads.  It reports parse errors, unparsed triples,
  guessed declarations and OWL 2 DL profile violations (OWL 2 Structural
  Specification, sections 3 and 11).
* :func:`hermit` merges an ontology and maps with rdflib (dropping the
  ``owl:imports`` that the merge makes redundant), writes N-Triples, and runs
  the HermiT reasoner that owlready2 ships: is the whole consistent, and which
  named classes are unsatisfiable (OWL 2 Direct Semantics, section 2.3).

Missing Java, jars or owlready2 skip the calling test (fail under
``ARGMAP_STRICT=1``) through :func:`conftest.need`.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .conftest import ROOT, need, need_program

JAVA_SOURCE = Path(__file__).resolve().parent / "java" / "OwlCheck.java"
CATALOG = ROOT / "graphs" / "catalog-v001.xml"
JAVA_DIR = Path(os.environ.get("ARGMAP_JAVA_LIBS", "/usr/share/java"))

#: The OWL API distribution jar and the jars of the Debian packages it depends
#: on (``apt-cache depends libowlapi-java``) that its parsers load at run time.
OWLAPI_JARS = (
    "owlapi-distribution", "guava", "caffeine", "commons-io", "commons-codec",
    "commons-rdf-api", "commons-rdf-simple", "commons-rdf-jsonld-java", "slf4j-api", "slf4j-nop",
    "jsr305", "hppcrt", "atinject-jsr330-api", "xz", "jackson-core", "jackson-databind",
    "jackson-annotations", "jsonld-java", "httpclient", "httpclient-cache", "httpcore",
    "commons-logging",
)


def owlapi_classpath() -> str:
    """The class path for the Debian OWL API, or skip when a jar is missing."""
    jars = [JAVA_DIR / f"{name}.jar" for name in OWLAPI_JARS]
    jars += sorted(p for p in JAVA_DIR.glob("rdf4j-*.jar") if not p.stem[-1].isdigit())
    missing = [p.name for p in jars if not p.exists()]
    need(not missing, f"OWL API jars missing from {JAVA_DIR}: {', '.join(missing)} (apt install libowlapi-java)")
    need(any(p.name.startswith("rdf4j-rio-turtle") for p in jars), "rdf4j jars missing (apt install librdf4j-java)")
    return os.pathsep.join(map(str, jars))


@dataclass
class OwlReport:
    """What the OWL API said about one document."""

    path: str
    counts: dict = field(default_factory=dict)
    details: list = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not any(self.counts.values())


def compile_owlcheck(build_dir: Path) -> str:
    """Compile OwlCheck.java into ``build_dir``; return the run class path."""
    need_program("javac")
    need_program("java")
    classpath = owlapi_classpath()
    build_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["javac", "-nowarn", "-d", str(build_dir), "-cp", classpath, str(JAVA_SOURCE)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, f"javac failed:\n{done.stderr}"
    return os.pathsep.join([str(build_dir), classpath])


def owlapi_check(classpath: str, *paths, catalog: Path | None = CATALOG) -> dict[str, OwlReport]:
    """Run OwlCheck on ``paths``; one :class:`OwlReport` per path, by path."""
    args = ["java", "-cp", classpath, "OwlCheck"]
    if catalog is not None:
        args += ["--catalog", str(catalog)]
    done = subprocess.run(args + [str(p) for p in paths], capture_output=True, text=True, timeout=600)
    reports: dict[str, OwlReport] = {}
    current = None
    for line in done.stdout.splitlines():
        key, _, rest = line.partition(" ")
        if key == "FILE":
            current = reports[rest] = OwlReport(rest)
        elif key == "detail":
            current.details.append(rest)
        elif current is not None and rest.isdigit():
            current.counts[key] = int(rest)
    assert set(reports) == {str(p) for p in paths}, f"OwlCheck gave no report for some files:\n{done.stdout}\n{done.stderr}"
    for r in reports.values():
        assert set(r.counts) == {"parse-errors", "unparsed-triples", "guessed-declarations", "profile-violations"}, done.stdout
    assert done.returncode == (0 if all(r.clean for r in reports.values()) else 1), done.stderr
    return reports


@dataclass
class Reasoning:
    consistent: bool
    unsatisfiable: list


def hermit(*paths, workdir: Path) -> Reasoning:
    """Run HermiT (via owlready2) on the merge of ``paths``."""
    need_program("java")
    try:
        import owlready2
    except ImportError:  # pragma: no cover - depends on the machine
        need(False, "owlready2 is not installed (pip install '.[test]')")
    import rdflib
    from rdflib import OWL

    merged = rdflib.Graph()
    for p in paths:
        merged.parse(p, format="turtle")
    merged.remove((None, OWL.imports, None))
    nt = workdir / "merged.nt"
    merged.serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.resolve().as_uri()).load()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return Reasoning(False, [])
    nothing = {owlready2.Nothing}
    unsat = sorted(c.iri for c in world.inconsistent_classes() if c not in nothing)
    return Reasoning(True, unsat)
