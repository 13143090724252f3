"""Analyse: the printed cells reconciled with the derived tables (``reconcile``), the statistics
(``stats``), and the consistency audit (``audit_checks``, ``audit_text``, ``audit``)."""
