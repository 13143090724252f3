"""Descriptions from a data package: a small, documented subset of Markdown, sanitised.

The Data Package specification lets a ``description`` be Markdown. The book shows only this
subset of it: paragraphs, line breaks, emphasis (``*em*``, ``**strong**``) and links to
``http://`` or ``https://`` addresses. The description is rendered by markdown-it (CommonMark,
raw HTML off) and the result is sanitised by nh3 (the Rust library ammonia) against exactly that
subset: any other element loses its tag and keeps its text, ``<script>`` and ``<style>`` lose
their content too, and a link to any other scheme (``javascript:``, ``data:``, a file or a
relative path) loses its address. Roles, directives and math are never read: the description is
never parsed as MyST.
"""

from __future__ import annotations

import re

import nh3
from markdown_it import MarkdownIt

from .text import Markup, escape_md

#: The HTML elements a description may produce, and their attributes.
TAGS = {"p", "br", "em", "strong", "a"}
ATTRIBUTES = {"a": {"href"}}
SCHEMES = {"http", "https"}
#: An address shown as a link: http(s), and none of the characters that could end it early.
URL = re.compile(r"https?://[^\s<>()\[\]`\\\"']+")

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(["image", "html_inline", "html_block"])


def _only_web_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if URL.fullmatch(value) else None
    return value


def sanitise(text: str) -> str:
    """A description as safe HTML of the subset (paragraphs, emphasis, http(s) links)."""
    html = _MD.render(str(text))
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, attribute_filter=_only_web_links,
                     link_rel="noopener noreferrer nofollow", strip_comments=True).strip()


def description_block(text: str) -> list[str]:
    """MyST lines showing a description: its sanitised HTML as a raw HTML block (no backtick can
    close the block: they are written as character references)."""
    html = sanitise(text).replace("`", "&#96;")
    if not html:
        return []
    return ["```{raw} html", f'<div class="trata-description">{html}</div>', "```", ""]


def source_link(title: str, url: str) -> str:
    """A source as MyST: its title as text, then its address as a link when it is http(s)."""
    shown = escape_md(title)
    if isinstance(url, str) and URL.fullmatch(url):
        return Markup(f"{shown} <{url}>".strip())
    return Markup(shown)
