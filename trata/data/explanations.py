"""What each problem of the files and the schema means, and how to fix it (printed in the book's
page "Updating the data"; the words are in the message tables, with the case records' and the study
rules', in every edition's language: ``trata.core.messages_data``)."""

from ..core import messages as M

#: In English; the words of every edition are in the message tables (``data.explanations``).
EXPLANATIONS = M.labels("data.explanations", "en")
