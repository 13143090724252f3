"""One module per chapter: ``glues(study)`` gives every value its notebook glues, keyed by the
literal glue key; :mod:`.readings` writes every sentence whose truth depends on the data for each
case the data can produce, and the data choose it (nothing is asserted)."""
