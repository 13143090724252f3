"""The assembled site: ``make site`` runs ``python -m trata.site [--dev]``.

Every release under ``/vX.Y.Z/`` (its own site archive, unpacked, with its files beside it), the
newest also under ``/latest/``, the working tree under ``/dev/`` when asked for, and a root page
that leads to the newest release, in ``_build/site``; assembled twice, the same bytes. A release's
files come from ``dist/X.Y.Z/`` when they verify against their ``SHA256SUMS`` and were built from
the tag's commit; otherwise they are built again from the tag, checked out in a temporary
worktree with its own code (the archives are reproducible, so they are the release's own).

What the assembly adds to a release is only what a release cannot know of itself: the list of
versions (``_static/switcher.json``, read by the version switcher and the old-version banner) and
its own checksums (on its cite page). It refuses when a stable anchor of an earlier release
(``tests/anchors.txt`` of its tag) is missing from a later one, unless the later one is a new major
version whose changelog records the removal.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from html import escape
from pathlib import Path

from . import edition as E
from .release import CHANGELOG, DIST, ROOT, SITE_EXCLUDE, ReleaseError, build, dist_names, git, log

# Every release under /vX.Y.Z/ (its own site archive, unpacked, with its files beside it), the
# newest also under /latest/, the working tree under /dev/ when asked for, and a root page that
# leads to the newest release. What the assembly adds to a release is only what a release cannot
# know of itself: the list of versions (_static/switcher.json) and its own checksums (cite page).

SITE_OUT = Path("_build") / "site"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def release_tags(root: Path) -> list[str]:
    """The released versions (tags vX.Y.Z), oldest first."""
    tags = [t[1:] for t in git(root, "tag", "--list", "v*").split() if E.RELEASE.match(t[1:])]
    return sorted(tags, key=version_key)


def _sums(folder: Path) -> dict[str, str]:
    path = folder / "SHA256SUMS"
    if not path.exists():
        return {}
    return {name: digest for digest, name in (line.split("  ", 1) for line in
                                              path.read_text(encoding="utf-8").splitlines() if line)}


def _verified(folder: Path, version: str, commit: str) -> bool:
    """``folder`` holds the files of ``version``, as SHA256SUMS says, built from ``commit``."""
    names, sums = dist_names(version), _sums(folder)
    if set(sums) != set(names.values()):
        return False
    for name, digest in sums.items():
        if not (folder / name).exists() or hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            return False
    try:
        with tarfile.open(folder / names["site"]) as tar:
            page = tar.extractfile(f"{E.SLUG}-{version}-site/book/intro.html").read().decode("utf-8")
    except (KeyError, OSError, tarfile.TarError, AttributeError):
        return False
    return f"commit {commit[:E.SHORT]}" in page and f'data-version="{version}"' in page


def release_files(root: Path, version: str, work: Path) -> Path:
    """The files of a release: from ``dist/X.Y.Z`` when they are there and were built from the
    tag's commit; otherwise built again from the tag, checked out in a temporary worktree with its
    own code (the archives are reproducible, so they are the release's), and kept in dist/."""
    tag = f"v{version}"
    commit = git(root, "rev-parse", f"{tag}^{{commit}}")
    folder = root / DIST / version
    if _verified(folder, version, commit):
        log(f"{tag}: release files from {folder.relative_to(root)}")
        return folder
    tree = work / tag
    log(f"{tag}: building the release files from the tag's commit {commit[:E.SHORT]}")
    git(root, "worktree", "add", "--detach", str(tree), tag)
    try:
        env = {**os.environ, "PYTHONPATH": str(tree)}  # the tag's own code, in the notebooks too
        if subprocess.run([sys.executable, "-m", "trata.release", "dist"], cwd=tree, env=env).returncode != 0:
            raise ReleaseError(f"{tag}: building its release files failed (see the log above)")
        built = next((d for d in (tree / DIST / version, tree / DIST) if _verified(d, version, commit)), None)
        if built is None:
            raise ReleaseError(f"{tag}: the rebuilt files do not verify against their SHA256SUMS")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name in [*dist_names(version).values(), "SHA256SUMS"]:
            shutil.copy2(built / name, folder / name)
    finally:
        git(root, "worktree", "remove", "--force", str(tree))
    return folder


def _unpack(archive: Path, prefix: str, target: Path) -> None:
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            name = member.name
            if not name.startswith(prefix + "/") or ".." in name.split("/"):
                raise ReleaseError(f"{archive}: unexpected member {name}")
            dest = target / name[len(prefix) + 1:]
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(tar.extractfile(member).read())
            dest.chmod(member.mode & 0o755)


def release_files_html(version: str, sums: dict[str, str]) -> str:
    """The table of a release's files and checksums, for its cite page (links from book/cite.html)."""
    rows = "".join(f'<tr><td><a href="../{escape(name)}">{escape(name)}</a></td>'
                   f'<td><code>{escape(digest)}</code></td></tr>' for name, digest in sorted(sums.items()))
    return (f'{E.RELEASE_FILES_START}<table class="table trata-release-files">'
            f'<caption>The files of release {escape(version)} and their SHA-256 checksums, as listed in '
            f'<a href="../SHA256SUMS">SHA256SUMS</a></caption>'
            f'<thead><tr><th>File</th><th>SHA-256</th></tr></thead><tbody>{rows}</tbody></table>'
            f'{E.RELEASE_FILES_END}')


def _fill_checksums(site: Path, version: str, sums: dict[str, str]) -> None:
    page = site / "book" / "cite.html"
    text = page.read_text(encoding="utf-8")
    pattern = re.escape(E.RELEASE_FILES_START) + ".*?" + re.escape(E.RELEASE_FILES_END)
    new, n = re.subn(pattern, lambda m: release_files_html(version, sums), text, count=1, flags=re.S)
    if n:
        page.write_text(new, encoding="utf-8")


def root_page(entries: list[dict], target: str, title: str) -> str:
    items = "".join(f'<li><a href="{escape(e["href"])}">{escape(e["name"])}</a></li>'
                    for e in entries)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
            f"<title>{escape(title)}</title>\n</head>\n<body>\n<h1>{escape(title)}</h1>\n"
            f'<p>The newest version is at <a href="{escape(target)}">{escape(target)}</a>. Every version:</p>\n'
            f"<ul>{items}</ul>\n</body>\n</html>\n")


ANCHORS = "tests/anchors.txt"


def listed_anchors(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def changelog_section(text: str, version: str) -> str:
    match = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## \[|\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else ""


def anchor_problems(old: str, anchors: list[str], new: str, present, changelog: str) -> list[str]:
    """Stable anchors of release ``old`` that release ``new`` lacks without saying so.

    ``present(anchor)`` tells whether ``new`` has the anchor. A removal is allowed only in a new
    major version whose changelog section names the anchor's label."""
    major = version_key(new)[0] > version_key(old)[0]
    section = changelog_section(changelog, new)
    problems = []
    for anchor in anchors:
        if present(anchor):
            continue
        if major and anchor.partition("#")[2] in section:
            continue
        problems.append(f"{anchor}: in {old}, not in {new}" + (
            ", and the changelog of " + new + " does not record its removal" if major
            else " (removing a stable anchor needs a major version, with the removal in the changelog)"))
    return problems


def has_anchor(site: Path, anchor: str) -> bool:
    page, _, label = anchor.partition("#")
    path = site / page
    return path.is_file() and f'id="{label}"' in path.read_text(encoding="utf-8")


def assemble_site(root: Path = ROOT, out: Path | None = None, dev: bool = False) -> Path:
    """``make site``: the deployable site of every release in ``_build/site`` (same bytes every time)."""
    out = out or root / SITE_OUT
    versions = release_tags(root)
    if not versions and not dev:
        raise ReleaseError("no release tags vX.Y.Z yet: make one with make release VERSION=X.Y.Z "
                           "(or assemble the development version alone with DEV=1)")
    addresses = E.read_addresses(root)
    newest = versions[-1] if versions else None
    dev_version = E.read_version(root) if dev else None
    entries = E.switcher_entries(list(reversed(versions)), newest, addresses.site_path, dev_version)
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="trata-site-") as work:
        for version in versions:
            files = release_files(root, version, Path(work))
            target = staging / f"v{version}"
            _unpack(files / dist_names(version)["site"], f"{E.SLUG}-{version}-site", target)
            for name in [*dist_names(version).values(), "SHA256SUMS"]:
                shutil.copyfile(files / name, target / name)
            _fill_checksums(target, version, _sums(files))
        problems = []
        for older, newer in zip(versions, versions[1:]):
            try:
                anchors = listed_anchors(git(root, "show", f"v{older}:{ANCHORS}"))
            except ReleaseError:
                continue  # a release from before the list of anchors
            problems += anchor_problems(older, anchors, newer, lambda a, newer=newer: has_anchor(staging / f"v{newer}", a),
                                        git(root, "show", f"v{newer}:{CHANGELOG}"))
        if problems:
            raise ReleaseError("citations of earlier releases would break:\n" + "\n".join(problems))
    if dev:
        epoch = E.source_date_epoch(root)
        shutil.copytree(build(root, root / "_build", "html", epoch), staging / "dev",
                        ignore=shutil.ignore_patterns(*SITE_EXCLUDE))
    for folder in [staging / f"v{v}" for v in versions] + ([staging / "dev"] if dev else []):
        E.write_switcher(folder / "_static" / E.SWITCHER, entries)
    if newest:
        shutil.copytree(staging / f"v{newest}", staging / "latest")
    E.write_switcher(staging / E.SWITCHER, entries)
    first = f"v{newest}/" if newest else "dev/"
    links = [{**e, "href": E.version_path(e["version"])} for e in entries]
    title = E.read_citation(root)["title"]
    (staging / "index.html").write_text(root_page(links, first, title), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    log(f"assembled {out}: " + ", ".join([f"v{v}" for v in versions] + (["dev"] if dev else []))
        + (f"; latest is v{newest}" if newest else ""))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m trata.site", description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true", help="add the working tree's version under /dev/")
    ap.add_argument("--out", type=Path, default=None, help="where to assemble (default: _build/site)")
    args = ap.parse_args(argv)
    try:
        print(assemble_site(ROOT, args.out, args.dev))
    except ReleaseError as exc:
        print(f"[site] refused: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
