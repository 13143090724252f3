"""One module per chapter: ``glues(study)`` gives every value its notebook glues, keyed by the
literal glue key, and ``guards(study)`` the readings its prose states in words."""
