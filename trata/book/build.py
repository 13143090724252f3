"""Build the book: validate the data, then run Sphinx strictly, then publish atomically.

``python -m trata build [--data PATH] [--out DIR] [--builder html] [--jobs N]``

1. The data package is validated first. If it is invalid, every problem is printed (file, line,
   column, rule), the command exits with status 2, and nothing runs: no notebook is executed and
   nothing under ``OUT`` is touched.
2. Sphinx runs with ``-W -n --keep-going`` into an empty staging folder, so the site holds
   exactly what this build produced: nothing survives from an earlier build (a page, an image or
   a download the data no longer produce is gone). Speed comes from the caches, never from the
   last site: Sphinx's environment (``OUT/.doctrees-<builder>``) spares re-reading unchanged
   pages, and the execution cache spares re-running notebooks whose fingerprint is unchanged
   (``trata.book.cache``). An exception in any notebook fails the build (the notebook and the
   cell are named in the log).
3. Only a build with zero warnings replaces ``OUT/<builder>``, by renaming folders. A failed build
   leaves the last good site exactly as it was (exit status 1) and discards the environment
   pickle, so that the next build reports the same warnings again instead of silently skipping
   unchanged pages.

One build at a time writes into a given ``OUT``: a second one waits for the first (a lock file).
If a build was interrupted between the two renames of the publishing step, the next one puts the
last good site back first.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ..core.messages import ENV_VAR as LANG_VAR
from ..core.messages import LANGUAGES
from ..core.paths import DESCRIPTOR, REPO_ROOT, default_path
from ..core.problems import DataPackageError
from ..data.validate import load_for_book
from .i18n import EDITIONS
from .locales import prepare

CONF_EXTRA = '''
# --- added by trata.build: no external scripts (thebe, comments) on any page ---
extensions = [e for e in extensions if e not in ("sphinx_thebe", "sphinx_comments")]
html_theme_options["launch_buttons"] = {}
html_theme_options.pop("analytics", None)
html_theme_options["repository_url"] = ""
'''

EXIT_INVALID_DATA = 2
EXIT_BUILD_FAILED = 1


def write_conf(root: Path) -> Path:
    """Generate conf.py from _config.yml (the single source) and patch it."""
    env = dict(os.environ)
    subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "config", "sphinx", str(root)],
                   check=True, cwd=root, env=env, stdout=subprocess.DEVNULL)
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8") + CONF_EXTRA
    tmp = conf.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(conf)  # atomic: concurrent builds never read a half-written conf.py
    return conf


def validate(data: Path) -> bool:
    try:
        load_for_book(data)
    except DataPackageError as exc:
        print(exc, file=sys.stderr)
        return False
    return True


def sphinx(root: Path, data: Path, builder: str, outdir: Path, doctrees: Path, log: Path, jobs: str = "1",
           lang: str = "en") -> int:
    """One edition: Sphinx in the edition's language, the notebooks' kernels told the same."""
    cache = doctrees.parent / ".jupyter_cache"
    locale = EDITIONS[lang][0]
    locales = prepare(doctrees.parent / ".locale", locale) if lang != "en" else doctrees.parent / ".locale"
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-W", "-n", "--keep-going", "-j", jobs,
           "-d", str(doctrees), "-D", f"trata_data={data}", "-D", f"language={locale}",
           "-D", f"locale_dirs={locales}",
           "-D", f"nb_execution_cache_path={cache}", "-w", str(log), str(root), str(outdir)]
    env = dict(os.environ, TRATA_DATA=str(data), PYDEVD_DISABLE_FILE_VALIDATION="1", **{LANG_VAR: lang})
    return subprocess.run(cmd, cwd=root, env=env).returncode


@contextlib.contextmanager
def locked(out: Path):
    """Hold an exclusive lock on ``out`` for the duration of a build."""
    with open(out / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"[trata] another build is writing into {out}; waiting for it to finish", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def recover(out: Path, builder: str) -> None:
    """Put the last good site back if a build stopped between the two renames of :func:`publish`."""
    target, old = out / builder, out / f".old-{builder}"
    if old.is_dir() and not target.exists():
        old.rename(target)
        print(f"[trata] restored the last good site {target} left by an interrupted build", file=sys.stderr)


def publish(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames (no copy: the site is never half written)."""
    old = target.with_name(f".old-{target.name}")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build(data: Path, out: Path, builder: str = "html", jobs: str = "1", langs: tuple[str, ...] = LANGUAGES) -> int:
    root = REPO_ROOT
    data = data.resolve()
    out = out if out.is_absolute() else (root / out)
    target = out / builder
    t0 = time.monotonic()
    print(f"[trata] validating {data}")
    if not validate(data):
        print(f"[trata] invalid data package: nothing was built; {target} is unchanged", file=sys.stderr)
        return EXIT_INVALID_DATA
    t1 = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    with locked(out):
        recover(out, builder)
        write_conf(root)
        staging = out / f".staging-{builder}"
        shutil.rmtree(staging, ignore_errors=True)  # never a copy of the last site: see step 2
        t2 = time.monotonic()
        # The first edition is the top of the site; each other one is built in a folder of its own
        # (OUT/es/: its environment, execution cache and executed notebooks) and moved into the
        # site's folder for it (es/) once it has built with zero warnings.
        for lang in langs:
            home = out if lang == langs[0] else out / lang
            outdir = staging if lang == langs[0] else home / f".staging-{builder}"
            doctrees = home / f".doctrees-{builder}"
            log = home / f"{builder}-warnings.log"
            if outdir != staging:
                shutil.rmtree(outdir, ignore_errors=True)
            rc = sphinx(root, data, builder, outdir, doctrees, log, jobs, lang)
            warnings = log.read_text(encoding="utf-8").strip() if log.exists() else ""
            if rc != 0 or warnings:
                shutil.rmtree(staging, ignore_errors=True)
                shutil.rmtree(outdir, ignore_errors=True)
                shutil.rmtree(doctrees, ignore_errors=True)
                print(f"[trata] build FAILED (exit {rc}, {lang} edition); warnings and errors are in {log}; "
                      f"{target} is unchanged", file=sys.stderr)
                if warnings:
                    print(warnings, file=sys.stderr)
                return EXIT_BUILD_FAILED
            if outdir != staging:
                outdir.rename(staging / EDITIONS[lang][2].rstrip("/"))
        t3 = time.monotonic()
        publish(staging, target)
    print(f"[trata] built {target} in {time.monotonic() - t0:.1f} s with zero warnings "
          f"(validation {t1 - t0:.1f} s, staging {t2 - t1:.1f} s, Sphinx and notebooks {t3 - t2:.1f} s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m trata build", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="datapackage.json (or its folder) to build from (default: data/)")
    ap.add_argument("--out", type=Path, default=Path("_build"), help="output folder (default: _build)")
    ap.add_argument("--builder", default="html")
    ap.add_argument("--jobs", default="1")
    ap.add_argument("--lang", action="append", choices=LANGUAGES,
                    help="an edition to build (repeat for several; default: every edition, English first)")
    args = ap.parse_args(argv)
    data = args.data or default_path()
    if data.is_dir():
        data = data / DESCRIPTOR
    return build(data, args.out, args.builder, args.jobs, tuple(args.lang or LANGUAGES))
