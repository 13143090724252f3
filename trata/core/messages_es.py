"""The Spanish (es-MX) table of the messages: the same keys as ``messages.EN``."""

from __future__ import annotations

ES: dict[str, object] = {
    "i18n.read_in": "Leer esta página en {language}",
}
