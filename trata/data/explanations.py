"""What each problem of the files and the schema means, and how to fix it (printed in the book's
page "Updating the data"; the study rules and case records document theirs in their own modules)."""

EXPLANATIONS = {
    "missing-file": "The descriptor names a file that is not there (or there is no datapackage.json at the path given). "
                    "Restore the file, or correct the resource's `path`.",
    "descriptor": "datapackage.json is not valid JSON (the line of the first syntax error is given), or it lacks what a "
                  "package needs: a `resources` list; for each resource a unique `name`, a relative `path` and, for a "
                  "CSV file, a `schema` whose fields have known types; totals under `study` that are whole numbers. "
                  "A `path` is one file inside the package folder: remote paths (URLs), multipart paths (a list of "
                  "files) and CSV dialects other than comma-separated are not supported.",
    "empty-file": "The file has no content at all. A CSV file needs its header row and at least one data row.",
    "no-rows": "The file has a header but no data rows.",
    "byte-order-mark": "The file starts with an invisible byte-order mark (some spreadsheet programs add one). "
                       "Save it as 'CSV UTF-8' without BOM.",
    "encoding": "The file is not UTF-8; the line and the offending text are shown. It was probably saved as Latin-1 or "
                "Windows-1252: save it again as UTF-8.",
    "symlink": "The file (or a folder on its path) is a symbolic link. The package folder is the boundary of what the "
               "book reads: copy the file itself into the package.",
    "outside-package": "The path resolves to a file outside the package folder. Copy the file into the package.",
    "not-a-file": "The path names a folder (or a device), not a file. Give the file's path.",
    "binary-file": "The file is compressed or binary (gzip, ZIP, a spreadsheet, NUL bytes), not CSV text. Give the "
                   "uncompressed CSV file, saved as UTF-8.",
    "dialect": "The file's columns are separated by semicolons, tabs or bars, not commas (some spreadsheet programs do "
               "this). Save it as comma-separated CSV.",
    "too-large": "The file is larger than any file of such a study (more bytes or rows than the book reads).",
    "cell-too-long": "A cell is longer than the book reads (a whole file pasted into one cell, or a missing quote).",
    "invisible-character": "A value holds a character that cannot be seen (a zero-width space, a direction mark, a "
                           "control character), shown by its code point. Delete it: it makes a value look identical to "
                           "another that it does not equal.",
    "not-finite": "A number is not-a-number (NaN) or infinity. Leave the cell empty if the value is unknown.",
    "out-of-range": "A number is too large to be a count or a statistic of this study. Check the cell for a typo.",
    "unreadable": "The file could not be read at all (permissions, or a folder where a file should be).",
    "missing-label": "The header lacks a column the schema describes. Add it back (in the schema's order).",
    "incorrect-label": "A column in the header has another name than the schema gives at that position: a renamed or "
                       "reordered column. Use the schema's names and order.",
    "extra-label": "The header has a column the schema does not describe. Remove it, or describe it in the schema.",
    "blank-label": "A column in the header has no name.",
    "duplicate-label": "Two columns in the header have the same name.",
    "header": "Problems in the rows that follow from a broken header are counted, not listed: fix the header first.",
    "blank-row": "An empty line (or a line of empty cells) between rows. Delete it.",
    "missing-cell": "A row has fewer cells than the header: a comma is missing, or a value.",
    "extra-cell": "A row has more cells than the header: a stray comma, or a value with a comma that needs quotes.",
    "type-error": "A value is not of the column's type: text where a number is expected, or a fraction in a count.",
    "constraint-error": "A value breaks a constraint of its column: a required cell is empty, a count is negative, a "
                        "year is out of range, or a category is not one the schema enumerates (the allowed values are "
                        "listed; stray spaces are pointed out). A new category is added to the `enum` in datapackage.json.",
    "unique-error": "A value that must be unique in its column (a pseudonym, a name) appears twice.",
    "primary-key": "Two rows have the same key (the columns that identify a row): a duplicated row, or a typo in a key.",
    "foreign-key": "A value refers to a row of another resource that does not exist, for example a network type that "
                   "the typology does not list. Add the row there, or correct the value.",
    "missing-resource": "The package is valid, but the book's chapters read a resource it does not hold. Every resource "
                        "of the book's own data package is needed; the five annex tables can instead come from case records.",
    "missing-field": "A resource lacks a field the chapters and rules read, or gives it another type. Keep the fields "
                     "of the book's own schema (renaming a column in both the file and the schema is not enough); "
                     "extra fields and categories are fine.",
}
