"""Benchmark: build times against the floor of the stack, page weight, and figure rendering.

    make bench                 # or: .venv/bin/python bench/run.py [--repeats N]

Everything is measured in one run on this machine, each time figure the median of ``--repeats``
runs, and printed as one table. Nothing here asserts: targets are read off the table.

* Builds run on a fresh clone of the committed tree (the environment is the project's ``.venv``):
  cold (no ``_build``, no execution cache), no-change rebuild, and rebuild after one data file
  changes. Each is split into notebook execution (as myst-nb reports it) and the rest (Sphinx).
* The floor is a minimal Jupyter Book 1 built the same way, with as many notebooks as the book,
  whose only cell imports the libraries the book's notebooks import.
* Pages: HTML bytes, bytes of inlined chart specifications, and what a first visit fetches
  (measured in headless Chromium with an empty cache).
* Rendering: time from navigation until every figure on the heaviest page is drawn, against a
  bare page that embeds the same specifications with the same Vega files.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
EXEC_RE = re.compile(r"Executed notebook in ([0-9.]+) seconds")
SPEC_RE = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.S)
IMPORTS = "import altair, pandas, numpy, scipy.stats, statsmodels.api, frictionless, vl_convert, myst_nb, trata"


def run_build(project: Path, cmd: list[str], env: dict) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"build failed in {project}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    executed = sum(float(x) for x in EXEC_RE.findall(proc.stdout + proc.stderr))
    return wall, executed


def book_cmd(out: Path) -> list[str]:
    return [PY, "-m", "trata", "build", "--out", str(out)]


def floor_project(where: Path, n_notebooks: int) -> Path:
    """A minimal Jupyter Book 1 with n notebooks that only import the book's libraries."""
    proj = where / "floor"
    (proj / "notebooks").mkdir(parents=True)
    (proj / "_config.yml").write_text(
        "title: floor\nexecute:\n  execute_notebooks: cache\n  cache: _build/.jupyter_cache\n"
        "only_build_toc_files: true\n", encoding="utf-8")
    chapters = "\n".join(f"  - file: notebooks/nb{i}" for i in range(n_notebooks))
    (proj / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n{chapters}\n", encoding="utf-8")
    (proj / "intro.md").write_text("# Floor\n\nA minimal book.\n", encoding="utf-8")
    for i in range(n_notebooks):
        (proj / "notebooks" / f"nb{i}.md").write_text(
            "---\njupytext:\n  text_representation:\n    extension: .md\n    format_name: myst\n"
            "kernelspec:\n  display_name: Python 3\n  language: python\n  name: python3\n---\n\n"
            f"# Notebook {i}\n\n```{{code-cell}} ipython3\n{IMPORTS}\n```\n", encoding="utf-8")
    return proj


def floor_cmd(proj: Path) -> list[str]:
    script = (f"cd {proj} && {Path(PY).with_name('jupyter-book')} config sphinx . >/dev/null && "
              f"{PY} -m sphinx -b html -W -n --keep-going -d _build/.doctrees . _build/html")
    return ["bash", "-c", script]


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def measure_builds(clone: Path, repeats: int, env: dict) -> dict:
    out = clone / "_build"
    res = {"cold": [], "nochange": [], "datachange": []}
    countries = clone / "data" / "countries.csv"
    original = countries.read_text(encoding="utf-8")
    header, *rows = original.splitlines()
    for _ in range(repeats):
        shutil.rmtree(out, ignore_errors=True)
        res["cold"].append(run_build(clone, book_cmd(out), env))
        res["nochange"].append(run_build(clone, book_cmd(out), env))
    for i in range(repeats):
        # a valid change to one data file, new each time: rotate the order of its rows
        k = i % (len(rows) - 1) + 1
        countries.write_text("\n".join([header] + rows[k:] + rows[:k]) + "\n", encoding="utf-8")
        res["datachange"].append(run_build(clone, book_cmd(out), env))
    countries.write_text(original, encoding="utf-8")
    return res


def measure_floor(tmp: Path, n: int, repeats: int, env: dict) -> list:
    proj = floor_project(tmp, n)
    runs = []
    for _ in range(repeats):
        shutil.rmtree(proj / "_build", ignore_errors=True)
        runs.append(run_build(proj, floor_cmd(proj), env))
    return runs


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def page_weights(site: Path) -> list[dict]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("_", "genindex", "search")) or rel == "index.html":
            continue
        text = page.read_text(encoding="utf-8")
        specs = SPEC_RE.findall(text)
        rows.append({"page": rel, "html": len(text.encode()), "specs": sum(len(s.encode()) for s in specs),
                     "figures": len(specs)})
    return rows


#: set by book/_static/trata-figures.js once every figure of the page is drawn
DRAWN = "document.documentElement.dataset.trataFigures === 'drawn'"

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def browser_measures(site: Path, pages: list[dict], repeats: int) -> tuple[dict, dict]:
    from playwright.sync_api import sync_playwright

    httpd, base = serve(site)
    bare_dir = Path(tempfile.mkdtemp(prefix="bare-"))
    heaviest = max(pages, key=lambda r: (r["figures"], r["specs"]))
    specs = SPEC_RE.findall((site / heaviest["page"]).read_text(encoding="utf-8"))
    shutil.copytree(site / "_static" / "vendor", bare_dir / "vendor")
    (bare_dir / "_static").mkdir()
    for extra in (site / "_static").glob("*.json"):  # data files the specs load, at the same path
        shutil.copy(extra, bare_dir / "_static" / extra.name)
    divs = "\n".join(f'<div id="f{i}"></div><script type="application/json" id="s{i}">{s}</script>'
                     for i, s in enumerate(specs))
    (bare_dir / "bare.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>bare</title>"
        "<script src='vendor/vega.min.js'></script><script src='vendor/vega-lite.min.js'></script>"
        "<script src='vendor/vega-embed.min.js'></script></head><body>" + divs +
        "<script>Promise.all(Array.from(document.querySelectorAll('script[id^=s]')).map(function(s,i){"
        "return vegaEmbed('#f'+i, JSON.parse(s.textContent), {renderer:'svg', actions:false});}))"
        ".then(function(){document.documentElement.dataset.done='1';});</script></body></html>",
        encoding="utf-8")
    bare_httpd, bare_base = serve(bare_dir)
    fetched, render = {}, {"page": [], "bare": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for row in pages:
            ctx = browser.new_context()
            page = ctx.new_page()
            sizes = []
            page.on("response", lambda r: sizes.append(len(r.body()) if r.ok else 0))  # noqa: B023 (the page lives only in this iteration)
            page.goto(f"{base}/{row['page']}", wait_until="networkidle")
            if row["figures"]:
                page.wait_for_function(DRAWN, timeout=60000)
            fetched[row["page"]] = sum(sizes)
            ctx.close()
        def drawn_after(url: str, condition: str) -> float:
            """Milliseconds from navigation in a fresh context until ``condition`` holds."""
            ctx = browser.new_context()
            page = ctx.new_page()
            page.goto(url, wait_until="commit")
            page.wait_for_function(condition, polling="raf", timeout=60000)
            elapsed = page.evaluate("performance.now()")
            ctx.close()
            return elapsed

        for _ in range(repeats):
            render["page"].append(drawn_after(f"{base}/{heaviest['page']}", DRAWN))
            render["bare"].append(drawn_after(f"{bare_base}/bare.html", "document.documentElement.dataset.done === '1'"))
        browser.close()
    httpd.shutdown()
    bare_httpd.shutdown()
    shutil.rmtree(bare_dir, ignore_errors=True)
    render["heaviest"] = heaviest["page"]
    return fetched, render


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", 3)))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="trata-bench-"))
    clone = tmp / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = dict(os.environ, PYTHONPATH=str(clone), PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("TRATA_DATA", None)
    n_notebooks = len(list((clone / "notebooks").glob("*.md")))

    print(f"benchmark: {args.repeats} repeats, {n_notebooks} notebooks, {os.cpu_count()} cores", flush=True)
    builds = measure_builds(clone, args.repeats, env)
    floor = measure_floor(tmp, n_notebooks, args.repeats, env)
    pages = page_weights(clone / "_build" / "html")
    fetched, render = browser_measures(clone / "_build" / "html", pages, args.repeats)

    f_wall = median([w for w, _ in floor])
    f_exec = median([e for _, e in floor])
    rows = []

    def build_row(name, runs, target=""):
        wall, ex = median([w for w, _ in runs]), median([e for _, e in runs])
        rows.append((name, f"{wall:.1f} s", f"{ex:.1f} s", f"{wall - ex:.1f} s", f"{wall / f_wall:.2f}", target))

    build_row("cold build (clean clone, no cache)", builds["cold"], "<= 1.5 x floor")
    build_row("no-change rebuild", builds["nochange"], "< 5 s")
    build_row("rebuild after one data file changes", builds["datachange"], "< cold")
    rows.append(("floor: minimal JB1, same notebooks, imports only", f"{f_wall:.1f} s", f"{f_exec:.1f} s",
                 f"{f_wall - f_exec:.1f} s", "1.00", ""))
    w = max(len(r[0]) for r in rows)
    print()
    print(f"{'build':<{w}}  {'total':>8}  {'execute':>8}  {'sphinx':>8}  {'x floor':>7}  target")
    for r in rows:
        print(f"{r[0]:<{w}}  {r[1]:>8}  {r[2]:>8}  {r[3]:>8}  {r[4]:>7}  {r[5]}")

    print()
    pw = max(len(p["page"]) for p in pages)
    print(f"{'page':<{pw}}  {'HTML KB':>8}  {'specs KB':>8}  {'figures':>7}  {'first visit KB':>14}")
    for p in sorted(pages, key=lambda r: -r["html"]):
        print(f"{p['page']:<{pw}}  {p['html'] / 1024:>8.1f}  {p['specs'] / 1024:>8.1f}  {p['figures']:>7}  "
              f"{fetched.get(p['page'], 0) / 1024:>14.1f}")
    heaviest_html = max(p["html"] for p in pages)
    print(f"heaviest page HTML: {heaviest_html / 1024:.1f} KB (target <= 300 KB)")

    pg, bare = median(render["page"]), median(render["bare"])
    print()
    print(f"figures drawn on {render['heaviest']}: {pg:.0f} ms; bare page with the same specs and "
          f"Vega files: {bare:.0f} ms; ratio {pg / bare:.2f} (target <= 1.5)")

    # Word counts of the same build (bench/words.py), against the edition's length limits.
    import words
    print()
    print("\n".join(words.report(clone / "_build" / "html")))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
