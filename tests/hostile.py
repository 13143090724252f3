"""A hostile data package: valid, but its text cells and descriptions carry every kind of markup
that could run a script, read the builder's disk or alter a quotation if it were not rendered as
text. Used by tests/test_hostile.py (built once per session) and the fuzz test.

Every script payload sets ``window.__pwned`` (to the name of the payload), so a page that runs
one is caught in the browser; every file payload names ``../secret.txt``, a file beside the
package holding :data:`SECRET`, which must appear in no file of the built site.
"""

from __future__ import annotations

import json
from pathlib import Path

import packages

#: What the file beside the package holds; no byte of it may reach the site.
SECRET = "TRATA-SECRET-6f1d2c"


def js(name: str) -> str:
    return f"window.__pwned='{name}'"


#: Payloads, by name: text that would be live if passed through as MyST or HTML.
PAYLOADS = {
    "img": f"<img src=x onerror={js('img')}>",
    "script": f"<script>{js('script')}</script>",
    "svg": f"<svg onload={js('svg')}></svg>",
    "eval-rst": "\n```{eval-rst}\n.. raw:: html\n\n   <script>" + js("eval-rst") + "</script>\n```\n",
    "raw-html": "```{raw} html\n<script>" + js("raw-html") + "</script>\n```",
    "javascript-link": f'<a href="javascript:{js("a")}">click</a> [link](javascript:{js("md")})',
    "autolink": "<javascript:alert(1)>",
    "include": "```{include} ../secret.txt\n```",
    "literalinclude": "{literalinclude}`../secret.txt`",
    "download": "{download}`secret <../secret.txt>`",
    "math": "$3,000 ... $2,000 and $$x$$",
    "substitution": "{{ project }}",
    "entity": "&lt;b&gt; &amp; &#60;script&#62;",
}

#: Quotations whose characters must survive exactly: quotes, dashes, ellipses, leading '#', '-' and '1.'.
VERBATIM = [
    "She said \"no\" -- and 'twice' (...) then: # 1 - first, 1. second, * third",
    "They paid $3,000 ... then $2,000 -- <i>cash</i> {sic} [sic] `ok`",
]


#: A pseudonym the profile chapter quotes, and a country, each given a payload.
PSEUDONYM = ("Raquel", f"Raquel {{download}}`s <../secret.txt>` <img src=x onerror={js('pseudonym')}>")
COUNTRY = ("Belize", f"Belize <img src=x onerror={js('country')}>")


def write(rows_path: Path, fn) -> None:
    packages.rewrite(rows_path, fn)


def make(dst: Path) -> Path:
    """The hostile package at ``dst`` (with ``secret.txt`` beside it); returns its datapackage.json."""
    pkg = dst / "data"
    packages.copy_data(pkg)
    (dst / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    payloads = list(PAYLOADS.values())

    def excerpts(rows):
        k = rows[0].index("text")
        for i, row in enumerate(rows[1:]):
            if i < len(VERBATIM):
                row[k] = VERBATIM[i]
            else:
                row[k] = f"{row[k]} {payloads[i % len(payloads)]}"
    write(pkg / "excerpts.csv", excerpts)

    def typology(rows):
        k = rows[0].index("summary")
        for i, row in enumerate(rows[1:]):
            row[k] = f"{row[k]} {payloads[i % len(payloads)]}"
    write(pkg / "typology.csv", typology)

    def labels(rows):
        k = rows[0].index("label")
        for i, row in enumerate(rows[1:]):
            row[k] = f"{row[k]} {payloads[i % len(payloads)].splitlines()[0] or payloads[0]}"
    write(pkg / "network_types.csv", labels)

    def positions(rows):
        k = rows[0].index("description")
        for i, row in enumerate(rows[1:]):
            row[k] = f"{row[k]} {payloads[(i + 3) % len(payloads)]}"
    write(pkg / "women_positions.csv", positions)

    # a quoted interviewee's pseudonym and a country, wherever they occur
    for old, new in ((PSEUDONYM[0], PSEUDONYM[1]), (COUNTRY[0], COUNTRY[1])):
        for f in pkg.glob("*.csv"):
            write(f, lambda rows, old=old, new=new: [row.__setitem__(j, new) for row in rows for j, c in enumerate(row) if c == old])

    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    for i, res in enumerate(d["resources"]):
        res["description"] = f"{res.get('description', '')}\n\n{payloads[i % len(payloads)]}\n\n{PAYLOADS['script']} {PAYLOADS['javascript-link']}"
        res["title"] = f"{res.get('title', res['name'])} {PAYLOADS['img']}"
        for s in res.get("sources") or []:
            s["title"] = f"{s.get('title', '')} {PAYLOADS['download']}"
        for j, f in enumerate((res.get("schema") or {}).get("fields", [])):
            f["description"] = f"{f.get('description', '')} {payloads[(i + j) % len(payloads)]}"
    for res in d["resources"]:
        for f in (res.get("schema") or {}).get("fields", []):
            enum = (f.get("constraints") or {}).get("enum")
            if enum and COUNTRY[0] in enum:
                enum[enum.index(COUNTRY[0])] = COUNTRY[1]
    (pkg / "datapackage.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return pkg / "datapackage.json"
