"""docs/tutorial.md, run as a newcomer would: every command in order, its output checked.

The commands run in the clean copy of the checkout where README command 1
installed argmap into its virtual environment ``.venv`` (the ``installed``
fixture), with that environment active, so the guide works with what the
README sets up and nothing else.  The Protégé step is checked with the OWL
API, the library Protégé loads files with; the SPARQL server steps run
against a Virtuoso server.
"""

from __future__ import annotations

from .conftest import ROOT
from .tutorial import ROOT_PLACEHOLDER, run_step, steps

TUTORIAL = ROOT / "docs" / "tutorial.md"
PUSHED_GRAPH = "https://example.org/maps/buses"


def _protege(request, path):
    """What Protégé does on opening ``path``: load it and its imports through the catalog beside it."""
    from .owltools import hermit, owlapi_check

    catalog = path.parent / "catalog-v001.xml"
    assert catalog.is_file()
    report = owlapi_check(request.getfixturevalue("owlcheck_classpath"), path, catalog=catalog)[str(path)]
    assert report.clean, report
    # Reasoner > HermiT > Start reasoner: consistent, no class unsatisfiable
    ontology = path.parent / "../ontology/argmap.ttl"
    reasoning = hermit(ontology, path, workdir=request.getfixturevalue("tmp_path"))
    assert reasoning.consistent and reasoning.unsatisfiable == []


def _page(request, path):
    """The rendered page is one offline file that shows the map's claims."""
    text = path.read_text(encoding="utf-8")
    assert "Our town should stop charging fares on its buses." in text
    assert 'src="http' not in text and "href=\"http" not in text


CHECKS = {"protege": _protege, "page": _page}


def test_every_step_is_marked():
    text = TUTORIAL.read_text(encoding="utf-8")
    found = steps(text)
    assert len([s for s in found if s.command]) == text.count("<!-- run")
    assert {s.check[0] for s in found if s.check} == set(CHECKS)
    commands = " ".join(s.command for s in found if s.command)
    for name in ("import", "validate", "score", "explain", "render", "query", "push"):
        assert f"argmap {name} " in commands, name
    assert "--source" in commands and "--named" in commands and "--write" in commands


def test_tutorial_runs_as_written(installed, request):
    assert installed.result.returncode == 0, installed.result.stderr[-2000:]
    root = installed.src
    cwd, endpoint = root, None
    try:
        for step in steps(TUTORIAL.read_text(encoding="utf-8")):
            if step.check:
                name, arg = step.check
                CHECKS[name](request, cwd / arg)
                continue
            if step.needs_endpoint and endpoint is None:
                endpoint = request.getfixturevalue("virtuoso_server").endpoint
            code, out, err, cwd = run_step(step, cwd, root, installed.env, endpoint)
            assert code == step.exit, f"{step.command}\nexit {code}\n{err}"
            assert out == (step.output or ""), (f"{step.command} printed:\n{out}\n"
                                                "(if that is right: ARGMAP_UPDATE_DOCS=1 python -m tests.tutorial)")
            assert ROOT_PLACEHOLDER not in err
    finally:
        if endpoint is not None:  # the session's server is shared: leave it as found
            from argmap.store import EndpointStore

            EndpointStore(endpoint).query(f"DROP SILENT GRAPH <{PUSHED_GRAPH}>", allow_update=True)
