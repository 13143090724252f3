"""The chapters as Jupyter runs them: a kernel per notebook (nbclient), and JupyterLab's server.

Each chapter is read from its MyST file with Jupytext and executed top to bottom by nbclient in a
fresh kernel, as JupyterLab would run it, not through Sphinx: on the repository's data, every
value it glues must equal the value the built site glued (``jupyter_execute/<chapter>.glue.json``,
from the build of the test session), and the preamble must name the package it read; on an edited
copy of the data (one network moved from the freelance traffickers to the nightclub owners,
chosen with ``TRATA_DATA`` as ``DATA=path make lab`` does), the values that depend on the edit
change and the others stay as built; on an invalid package, the first cell stops with the build's
list of problems and nothing else runs. Then a notebook copied out of the repository runs in an
environment where the analysis package was installed from the release's source archive, with the
one command the first cell states. Finally ``make lab`` serves JupyterLab on 127.0.0.1, with token
authentication, and its REST API opens a chapter as a notebook and saves it back as the same MyST.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import jupytext
import nbformat
import packages
import pytest
from conftest import SITE_OUT
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from test_rerun import move_one_network

from trata import release

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.md"))
PREFIX = "application/papermill.record/"
#: The resources the fixture's edit changes (tests/test_rerun.py, move_one_network).
EDITED = {"leaders", "printed_cells"}


def run(notebook: nbformat.NotebookNode, cwd: Path, kernel: str = "python3") -> nbformat.NotebookNode:
    NotebookClient(notebook, timeout=300, kernel_name=kernel, resources={"metadata": {"path": str(cwd)}}).execute()
    return notebook


def glued(notebook: nbformat.NotebookNode) -> dict[str, dict]:
    """Every glued value of an executed notebook: key -> mime bundle (as the site's glue.json keeps it)."""
    out = {}
    for cell in notebook.cells:
        for o in cell.get("outputs", []):
            scrap = o.get("metadata", {}).get("scrapbook")
            if scrap:
                out[scrap["name"]] = {k.removeprefix(PREFIX): v for k, v in o["data"].items()}
    return out


def stdout(notebook: nbformat.NotebookNode) -> str:
    return "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []) if o.get("name") == "stdout")


def site_glue(chapter: str) -> dict[str, dict]:
    data = json.loads((SITE_OUT / "jupyter_execute" / "notebooks" / f"{chapter}.glue.json").read_text(encoding="utf-8"))
    return {k: v["data"] for k, v in data.items()}


#: Kernels and a JupyterLab server take tens of seconds: these tests run in `make test`, not in
#: `make test-fast`.
pytestmark = pytest.mark.slow


@pytest.fixture
def kernel_env(monkeypatch):
    """A kernel's environment as `make lab` gives it: no build's read log, TRATA_DATA as asked."""
    monkeypatch.delenv("TRATA_ACCESS_LOG", raising=False)
    monkeypatch.delenv("TRATA_DATA", raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def moved(tmp_path_factory) -> Path:
    """The fixture package: a copy of data/ with one network moved from the freelance traffickers
    to the nightclub owners, in Table 5's data and in the printed table."""
    pkg = packages.copy_data(tmp_path_factory.mktemp("moved") / "data").parent
    move_one_network(pkg)
    return pkg


# ---------------------------------------------------------------------------------------------
# every chapter under nbclient


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_runs_under_nbclient_with_the_sites_glued_values(chapter, site, kernel_env):
    expected = site_glue(chapter)
    notebook = run(jupytext.read(ROOT / "notebooks" / f"{chapter}.md"), ROOT / "notebooks")
    got = glued(notebook)
    assert expected, "the site glued nothing for this chapter"
    assert set(got) == set(expected)
    assert {k for k in got if got[k] != expected[k]} == set()
    assert f"Data package {ROOT / 'data' / 'datapackage.json'} (" in stdout(notebook)


def recorded_reads(chapter: str) -> set[str]:
    """The resources the site's build recorded the chapter as reading (trata.book.cache)."""
    rec = json.loads((SITE_OUT / ".trata-reads" / "notebooks" / f"{chapter}.json").read_text(encoding="utf-8"))
    return set(rec["resources"])


def list_table_row(markdown: str, label: str) -> list[str]:
    """The cells after the first of a MyST list-table row (``* - label`` then ``  - cell`` lines),
    with the escaping of text from the data (a backslash before each punctuation mark) undone."""
    lines = [re.sub(r"\\(.)", r"\1", line) for line in markdown.splitlines()]
    i = lines.index(f"* - {label}")
    row = []
    for line in lines[i + 1:]:
        if not line.startswith("  - "):
            break
        row.append(line[4:])
    return row


def test_on_a_fixture_package_only_what_reads_the_edit_changes(site, kernel_env, moved):
    """TRATA_DATA (what `DATA=path make lab` sets) points every chapter at the edited copy: the
    leaders table glues the new counts; a chapter that reads neither edited resource glues exactly
    what the site glued."""
    kernel_env.setenv("TRATA_DATA", str(moved))
    changed = {}
    for chapter in CHAPTERS:
        notebook = run(jupytext.read(ROOT / "notebooks" / f"{chapter}.md"), ROOT / "notebooks")
        assert f"Data package {moved / 'datapackage.json'} (" in stdout(notebook)
        expected, got = site_glue(chapter), glued(notebook)
        assert set(got) == set(expected)
        changed[chapter] = {k for k in got if got[k] != expected[k]}
        if chapter == "annex":
            table = got["tbl_leaders"]["text/markdown"]
    assert "tbl_leaders" in changed["annex"] and "annex_fig_leaders" in changed["annex"]
    # the printed row of the nightclub owners: men n and %, women n and %, total n, % of networks
    assert list_table_row(table, "Nighclub owners") == ["13", "92.9", "1", "7.1", "14", "18.2"]
    untouched = [c for c in CHAPTERS if not recorded_reads(c) & EDITED]
    assert untouched, "every chapter reads the edited resources: the check below checks nothing"
    assert {c: changed[c] for c in untouched} == {c: set() for c in untouched}


def test_an_invalid_package_stops_the_first_cell_with_the_builds_problems(tmp_path, kernel_env):
    pkg = packages.copy_data(tmp_path / "data").parent
    packages.apply(pkg, [{"file": "countries.csv", "replace": ["Guatemala,32", "Guatemala,thirty-two"]}])
    build = subprocess.run([sys.executable, "-m", "trata", "validate", str(pkg)], capture_output=True, text=True)
    assert build.returncode == 2
    kernel_env.setenv("TRATA_DATA", str(pkg))
    notebook = jupytext.read(ROOT / "notebooks" / "annex.md")
    with pytest.raises(CellExecutionError):
        run(notebook, ROOT / "notebooks")
    first = notebook.cells[0]
    error = next(o for o in first.outputs if o.output_type == "error")
    shown = "\n".join(error.traceback)
    assert shown.splitlines()[: len(build.stderr.splitlines())] == build.stderr.splitlines()
    assert "countries.csv, line" in shown and "Traceback" not in shown and "File \"" not in shown
    assert not any(c.get("outputs") for c in notebook.cells[1:] if c.cell_type == "code")


# ---------------------------------------------------------------------------------------------
# a notebook downloaded from the site, outside the repository


def install_command(notebook: nbformat.NotebookNode) -> str:
    """The one install step the first cell states (a comment line starting with `pip install`)."""
    lines = [m.group(1) for m in re.finditer(r"^#\s+(pip install \S+)\s*$", notebook.cells[0].source, re.M)]
    assert len(lines) == 1, notebook.cells[0].source
    return lines[0]


def test_a_downloaded_notebook_runs_after_the_one_install_step(tmp_path, site, kernel_env):
    """The executed notebook, in a folder of its own beside the release's source archive, runs in
    an environment that has the project's dependencies but not the package, after the stated step."""
    here = tmp_path / "download"
    here.mkdir()
    executed = nbformat.read(SITE_OUT / "jupyter_execute" / "notebooks" / "annex.ipynb", as_version=4)
    nbformat.write(executed, here / "annex.ipynb")
    archive = release.source_archive(ROOT, here / f"trata-{release.E.read_version(ROOT)}-source.tar.gz", "trata-src", 0)
    assert archive.is_file()
    # a fresh environment: the project's pinned dependencies (those of .venv, seen through a .pth file), no trata
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (Path(purelib) / "project-deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    before = subprocess.run([str(py), "-c", "import trata"], cwd=here, capture_output=True, text=True)
    assert before.returncode != 0 and "No module named 'trata'" in before.stderr, before.stderr
    command = install_command(nbformat.read(here / "annex.ipynb", as_version=4))
    # as a reader types it in the notebook's folder (`python -m pip`: pip itself is the project's)
    proc = subprocess.run(f"{py} -m {command} --no-deps --no-build-isolation --no-index --quiet", shell=True,
                          cwd=here, capture_output=True, text=True, env=dict(os.environ, PIP_NO_CACHE_DIR="1"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    where = subprocess.run([str(py), "-c", "import trata; print(trata.__file__)"], cwd=here, capture_output=True, text=True)
    assert where.returncode == 0 and not where.stdout.startswith(str(ROOT)), where.stdout + where.stderr
    subprocess.run([str(py), "-m", "ipykernel", "install", "--prefix", str(env_dir), "--name", "download"],
                   check=True, capture_output=True)
    kernel_env.setenv("JUPYTER_PATH", str(env_dir / "share" / "jupyter"))
    notebook = run(nbformat.read(here / "annex.ipynb", as_version=4), here, kernel="download")
    assert glued(notebook) == site_glue("annex")
    assert "Data package " in stdout(notebook) and str(ROOT) not in stdout(notebook)


# ---------------------------------------------------------------------------------------------
# JupyterLab's server, as `make lab` starts it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(base: str, path: str, token: str | None = None, method: str = "GET", body: dict | None = None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None)
    if token:
        req.add_header("Authorization", f"token {token}")
    if body:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` on a free port, for as long as the module's tests need it; its log afterwards."""
    if not (ROOT / ".venv-lab" / "bin" / "jupyter-lab").exists():
        subprocess.run(["make", "lab-env"], cwd=ROOT, check=True, capture_output=True)
    port, token = free_port(), secrets.token_hex(16)
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_PORT={port}"], cwd=ROOT, stdout=fh,
                                stderr=subprocess.STDOUT, env=dict(os.environ, JUPYTER_TOKEN=token), start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                pytest.fail(f"make lab stopped:\n{log.read_text()[-3000:]}")
            try:
                if api(base, "/api/status", token)[0] == 200:
                    break
            except OSError:  # not listening yet
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not answer on {base}:\n{log.read_text()[-3000:]}")
        yield {"base": base, "token": token, "port": port, "log": log}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def test_lab_listens_on_localhost_only_with_token_authentication(lab):
    assert api(lab["base"], "/api/contents/notebooks/annex.md?type=notebook")[0] == 403
    assert api(lab["base"], "/api/contents/notebooks/annex.md?type=notebook", "wrong")[0] == 403
    listening = subprocess.run(["ss", "-Hltn", f"sport = :{lab['port']}"], capture_output=True, text=True).stdout
    addresses = {line.split()[3].rsplit(":", 1)[0] for line in listening.splitlines() if line.strip()}
    assert addresses == {"127.0.0.1"}, listening


def test_lab_opens_a_chapter_as_a_notebook_with_the_projects_kernel(lab):
    status, model = api(lab["base"], "/api/contents/notebooks/annex.md?type=notebook&content=1", lab["token"])
    assert status == 200 and model["type"] == "notebook"
    notebook = nbformat.from_dict(model["content"])
    cells = lambda nb: [(c.cell_type, c.source, c.metadata) for c in nb.cells]  # noqa: E731 (ids are random)
    assert cells(notebook) == cells(jupytext.read(ROOT / "notebooks" / "annex.md"))
    assert notebook.cells[0].cell_type == "code" and "pip install" in notebook.cells[0].source
    status, specs = api(lab["base"], "/api/kernelspecs", lab["token"])
    python3 = specs["kernelspecs"]["python3"]["spec"]
    assert status == 200 and Path(python3["argv"][0]).resolve() == (ROOT / ".venv" / "bin" / "python").resolve()


def test_lab_saves_a_chapter_back_as_the_same_myst_and_no_ipynb(lab):
    folder = ROOT / "_build" / f"lab-{lab['port']}"
    folder.mkdir(parents=True)
    try:
        where = f"/api/contents/_build/{folder.name}/annex.md"
        _, model = api(lab["base"], "/api/contents/notebooks/annex.md?type=notebook&content=1", lab["token"])
        status, _ = api(lab["base"], where, lab["token"], "PUT",
                        {"type": "notebook", "format": "json", "content": model["content"]})
        assert status in (200, 201)
        assert (folder / "annex.md").read_bytes() == (ROOT / "notebooks" / "annex.md").read_bytes()
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == ["annex.md"]
    finally:
        shutil.rmtree(folder)


def test_lab_opens_every_chapter_with_jupytext_by_default(lab):
    """JupyterLab's default viewer for Markdown (the chapters' type) is Jupytext's notebook."""
    status, plugin = api(lab["base"], "/lab/api/settings/@jupyterlab/docmanager-extension:plugin", lab["token"])
    assert status == 200
    assert plugin["schema"]["properties"]["defaultViewers"]["default"]["markdown"] == "Jupytext Notebook"
    for chapter in CHAPTERS:
        status, model = api(lab["base"], f"/api/contents/notebooks/{chapter}.md?type=notebook", lab["token"])
        assert status == 200 and model["type"] == "notebook" and model["content"]["cells"], chapter
