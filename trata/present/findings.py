"""The audit's findings as the reader sees them: the verdicts counted in words, the rows of the
audit chapter's table, and the note placed next to an annex table."""

from __future__ import annotations

from collections.abc import Sequence

from IPython.display import Markdown

from ..analyse.audit import CONSISTENT, INCONSISTENT, VERDICTS, Record, counts, run
from ..core import messages
from ..data.study import Study
from .text import Markup, emphasis, escape_md

#: The words of the findings as the reader sees them.
W = messages.labels("findings")


def tally(records: Sequence[Record]) -> str:
    """The verdicts counted in words, e.g. '13 verdicts (12 consistent, 1 inconsistent)'."""
    c = counts(records)
    parts = [W["tally_part"].format(n=c[v], verdict=v) for v in VERDICTS if c[v]]
    return W["tally_one" if c["checks"] == 1 else "tally_many"].format(n=c["checks"], parts=", ".join(parts))


def table_rows(records: Sequence[Record]) -> list[list[str]]:
    """The records as rows of the chapter's table (MyST text): check and its rule (the rule once per
    run of the same rule), what was compared, verdict, finding, and the value the book uses and why."""
    rows, last_rule = [], {}
    for r in records:
        name = r.check.replace("_", " ")
        first = last_rule.get(r.check) != r.rule
        last_rule[r.check] = r.rule
        if r.verdict == CONSISTENT:
            uses = W["as_printed"]
        elif r.book_value:
            uses = Markup(W["uses"].format(value=escape_md(r.book_value), why=escape_md(r.why)))
        else:
            uses = r.why or W["nothing_to_choose"]
        check = (W["check"].format(name=escape_md(name), rule=escape_md(r.rule)) if first
                 else W["same_rule"].format(name=escape_md(name)))
        rows.append([Markup(check), r.compared,
                     Markup(f"**{escape_md(r.verdict)}**") if r.verdict == INCONSISTENT else r.verdict, r.detail, uses])
    return rows


def note_markdown(prefix: str, study: Study | None = None, title: str | None = None) -> str:
    """A MyST note listing each finding about what ``prefix`` names (e.g. 'Table 5, ') and the
    value the book uses, to place next to the table; empty when the audit found nothing."""
    title = title or messages.text("audit.note.title")
    recs = [r for r in run(study) if r.verdict != CONSISTENT and r.compared.startswith(prefix)]
    if not recs:
        return ""
    lines = [f"```{{admonition}} {escape_md(title)}", ":class: note"]
    for r in recs:
        what = r.compared[len(prefix):].strip()
        detail = r.detail.rstrip(".")
        uses = escape_md(W["note_uses"].format(value=r.book_value, why=r.why) if r.book_value else r.why)
        lines.append(f"- {emphasis(what[0].upper() + what[1:])}: {escape_md(detail)}\\." + (f" {uses}" if uses else ""))
    lines += ["", W["note_more"], "```"]
    return "\n".join(lines)


def note_markdown_block(prefix: str, study: Study | None = None) -> Markdown:
    """:func:`note_markdown` as Markdown to glue."""
    return Markdown(note_markdown(prefix, study))
