"""One module per chapter: its charts and their text alternatives."""
