"""Derive: the article's annex tables from the data (``tables``), and ordered, labelled readers of
the coded resources the chapters read (``readers``)."""
