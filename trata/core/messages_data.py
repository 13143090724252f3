"""The English words of the pages about the data (``trata.book.datapages``) and of the lists of
downloads (``trata.downloads``): merged into ``messages.EN``; the Spanish ones are in
``messages_data_es``, with the same keys.

The explanations of what each problem means are shown in the book's page "Updating the data";
``trata.data.explanations``, ``trata.data.cases`` and the study rules read theirs from here (the
rules' explanations are their docstrings, which a test keeps equal to these).
"""

from __future__ import annotations

EN_DATA: dict[str, object] = {
    # ---- the tables of fields ----------------------------------------------------------------
    "datapages.fields_header": ["Field", "Type", "Constraints", "Description"],
    "datapages.schemas_header": ["Resource", "File", "Fields (* required)", "Keys"],
    "datapages.errors_header": ["Rule", "Layer", "What it means, and how to fix it"],
    "datapages.layers": {"files": "files and schema", "rules": "study rules", "cases": "case records"},
    "datapages.resource": "Resource {name}",
    "datapages.file": "file {path}",
    "datapages.rows_one": "{n} row",
    "datapages.rows_many": "{n} rows",
    "datapages.source": "Source: {link}",
    "datapages.not_tabular": "(not tabular)",
    "datapages.primary_key": "Primary key: {fields}.",
    "datapages.foreign_key": "Foreign key: {mine} must be a value of {theirs}.",
    "datapages.required": "required",
    "datapages.optional": "optional",
    #: A field's constraints; ``other`` is a constraint the book does not name ({key} is the package's).
    "datapages.constraints": {
        "enum": "one of {values}",
        "minimum": "≥ {value}",
        "maximum": "≤ {value}",
        "exclusiveMinimum": "exclusiveMinimum {value}",
        "exclusiveMaximum": "exclusiveMaximum {value}",
        "minLength": "minLength {value}",
        "maxLength": "maxLength {value}",
        "unique": "unique",
        "pattern": "pattern {value}",
        "other": "{key} {value}",
        "entities": "official name of one of the {n} federal entities (see `trata.core.vocabulary.ENTITIES`)",
    },
    #: The Table Schema types (a type not listed is shown as the package gives it).
    "datapages.types": {
        "string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "date": "date",
        "time": "time", "datetime": "datetime", "year": "year", "yearmonth": "yearmonth", "duration": "duration",
        "array": "array", "object": "object", "geopoint": "geopoint", "geojson": "geojson", "any": "any",
    },
    # ---- the lists of downloads --------------------------------------------------------------
    "downloads.whole_package": "The whole package, {zip}",
    "downloads.descriptor": ": the descriptor, which names every file and gives its schema",
    "downloads.each_file": "Each file of the package:",
    "downloads.withheld": ("This package holds case records (resource {names}). They are not among the files above, "
                           "and the descriptor above does not list them."),
    "downloads.data_package": "The data package",
    #: {page} is the link "downloads.data_page".
    "downloads.zip_note": " (a zip of CSV files and their descriptor; every file is also on {page})",
    "downloads.data_page": "the data page",
    "downloads.pdf": "The PDF edition, version {version}",
    "downloads.repository": "The source repository",
    "downloads.size_kb": "{n} kB",
    "downloads.size_bytes": "{n} bytes",
}

#: What each problem of the files and the schema means, and how to fix it.
EN_DATA["data.explanations"] = {
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

#: What each problem of case records means (``trata.data.cases``).
EN_DATA["data.case_explanations"] = {
    "case-schema": "The `cases` resource lacks a field of the case-record schema, or gives it another type.",
    "case-timeline": "A record contradicts itself: the age when trafficked is above the age at the interview, or the "
                     "months trafficked and the months since the escape do not fit between the two ages.",
    "case-pairs": "A second state repeats the first, or a second network lacks its type or its leader's sex.",
    "case-roster": "A pseudonym is not in the roster of quoted interviewees, disagrees with the roster's age or "
                   "country, or is given to two records.",
    "case-in-a-bin": "The months since the escape fall in none of Table 4's bins (the printed bins leave out 15 months). "
                     "Give the package a `time_since_escape` resource whose bins cover every record.",
    "cases-vs-aggregate": "An aggregate table the package holds (or a total stated under `study`) disagrees with what "
                          "the case records give. Correct the records or the table; the message names both.",
}

#: What each study rule checks (``trata.data.validate.RULES``, by function name): its docstring.
EN_DATA["data.rule_explanations"] = {
    'study_totals_stated': ('The descriptor states the totals the tables are shares of: '
                            '``study.interviewees`` whenever a table of interviewees is present, '
                            '``study.networks`` whenever Table 5 is (case records, when present, '
                            'supply them).'),
    'counts_sum_to_interviewees': ('Tables 1 and 4 count each interviewee once: their counts sum to '
                                   'the stated number of interviewees.'),
    'states_sum_to_mentions': ('Table 3 counts a woman once per state: its counts sum to the stated '
                               'number of state mentions, which lies between the number of '
                               'interviewees and twice that number, and no state holds more women than'
                               ' were interviewed.'),
    'leaders_sum_to_networks': ('Table 5 counts networks: its counts sum to the stated number of '
                                'networks, which is at least the number of interviewees (each was '
                                'victimized by at least one network).'),
    'every_network_type_has_both_sexes': ('Table 5 has one row per network type and sex of leader (a '
                                          'zero is written, not left out); the sexes are those the '
                                          'schema of ``leaders`` enumerates.'),
    'network_types_ordered': ("The typology's two orders (in Table 5 and in the article's text) each "
                              'number the types 1, 2, 3, ... without gaps or repeats.'),
    'states_are_on_the_map': ('Every state in Table 3 is a known Mexican federal entity: its map_name '
                              'is in the boundaries file.'),
    'bins_ordered_without_overlap': ("Table 4's bins are ordered, each has min <= max, only the last "
                                     'may be open-ended, and no two bins overlap (gaps are allowed '
                                     'here and reported by the audit, because the printed table has '
                                     'one).'),
    'characteristics_complete_and_within_range': ('Table 2: every characteristic has every statistic '
                                                  'the schema enumerates, and each lies between the '
                                                  "characteristic's printed min and max."),
    'roster_years_in_study_period': ("Every quoted interview took place in the study's stated "
                                     'interview period (``study.interview_years``).'),
    'roster_fits_the_tables': ("The quoted interviewees are some of the interviewees: each one's age "
                               "lies within Table 2's age range, and no country has more quoted women "
                               'than Table 1 counts.'),
    'categories_without_stray_whitespace': ('No category or key, in any resource, has spaces or tabs '
                                            "before or after it (``'Chiapas '`` would silently be a "
                                            "different state from ``'Chiapas'``)."),
    'printed_totals_add_up': ('In the printed tables, each printed total equals the sum of the printed'
                              " counts it totals: Table 1's Total, and Table 5's Total column (men + "
                              'women) and Total row.'),
    'printed_shares_agree_with_printed_counts': ('In the printed tables, each percentage agrees with '
                                                 'its printed count and base within one unit of its '
                                                 'last printed digit (a looser bound than the '
                                                 'reconciliation, which uses half a unit: authors '
                                                 'sometimes adjust a rounded share so that a column '
                                                 'adds to 100, as Table 5 does).'),
    'typology_is_complete': ('The typology codes every network type on every dimension, and a '
                             "dimension the article does not describe is coded 'not_described' (and "
                             'only then).'),
    'every_network_type_has_women_positions': ('Every network type has at least one row in '
                                               'women_positions; a victim who acted against no one has'
                                               ' no motive and no ground, and a woman who did act has '
                                               'both.'),
    'excerpt_years_agree_with_roster': ("Each excerpt's roster_year is the roster's interview year, "
                                        'year_differs says whether the year cited with the excerpt '
                                        'disagrees with it, and every network type has at least one '
                                        'excerpt.'),
    'framing_resources_are_consistent': ("The framing chapters' resources hold together "
                                         '(``trata.data.coding_rules.framing_problems``): every '
                                         'citation key in the paradigms and legal milestones is '
                                         'defined in references.bib; a milestone has a year exactly '
                                         'when the article states one, dated milestones are in time '
                                         'order, orders run 1, 2, ...; the five inclusion criteria are'
                                         ' numbered 1 to 5 and all required.'),
    'women_leaders_have_positions': ('Every network type that Table 5 (leaders) says a woman led has a'
                                     " 'leader' row in women_positions whose n_stated, if given, is "
                                     "Table 5's count, and no type that no woman led has one: whether "
                                     'a woman leader was herself coerced (line, motive, ground) is a '
                                     'coding choice that the counts cannot make.'),
    'positions_follow_the_divide': ("The profile chapter's account of women's positions is the "
                                    "article's: the women who were both victims and victimizers were "
                                    "coerced migrants in the cartels, on both of Gallagher's grounds, "
                                    'and those who were victimizers only were native leaders or '
                                    'recruiters acting for profit. A position coded otherwise needs '
                                    'that account rewritten, which the book cannot do by itself.'),
}
