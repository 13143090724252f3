"""The study's domain vocabulary: the categories the data, the rules and the chapters share.

Names here are the data's own (machine names and names as the article prints them); the words the
book shows a reader for them are in :mod:`trata.core.messages`.
"""

from __future__ import annotations

#: The resource of case-level records (one row per interviewee).
CASES = "cases"

COUNTRIES = ["Guatemala", "El Salvador", "Honduras", "Nicaragua", "Colombia", "Belize"]
SEXES = ["male", "female"]
NETWORK_TYPES = ["cartel", "nightclub", "trafficking_group", "modelling_agency", "freelance", "pseudonovio"]

#: The 32 federal entities of Mexico: official name (INEGI, Marco Geoestadístico), the short
#: English name the book uses, and the name of the same entity in the Natural Earth boundaries
#: of ``data/mex.topo.json``.
ENTITIES = [
    ("Aguascalientes", "Aguascalientes", "Aguascalientes"),
    ("Baja California", "Baja California", "Baja California"),
    ("Baja California Sur", "Baja California Sur", "Baja California Sur"),
    ("Campeche", "Campeche", "Campeche"),
    ("Coahuila de Zaragoza", "Coahuila", "Coahuila"),
    ("Colima", "Colima", "Colima"),
    ("Chiapas", "Chiapas", "Chiapas"),
    ("Chihuahua", "Chihuahua", "Chihuahua"),
    ("Ciudad de México", "Mexico City", "Distrito Federal"),
    ("Durango", "Durango", "Durango"),
    ("Guanajuato", "Guanajuato", "Guanajuato"),
    ("Guerrero", "Guerrero", "Guerrero"),
    ("Hidalgo", "Hidalgo", "Hidalgo"),
    ("Jalisco", "Jalisco", "Jalisco"),
    ("México", "State of Mexico", "México"),
    ("Michoacán de Ocampo", "Michoacán", "Michoacán"),
    ("Morelos", "Morelos", "Morelos"),
    ("Nayarit", "Nayarit", "Nayarit"),
    ("Nuevo León", "Nuevo León", "Nuevo León"),
    ("Oaxaca", "Oaxaca", "Oaxaca"),
    ("Puebla", "Puebla", "Puebla"),
    ("Querétaro", "Querétaro", "Querétaro"),
    ("Quintana Roo", "Quintana Roo", "Quintana Roo"),
    ("San Luis Potosí", "San Luis Potosí", "San Luis Potosí"),
    ("Sinaloa", "Sinaloa", "Sinaloa"),
    ("Sonora", "Sonora", "Sonora"),
    ("Tabasco", "Tabasco", "Tabasco"),
    ("Tamaulipas", "Tamaulipas", "Tamaulipas"),
    ("Tlaxcala", "Tlaxcala", "Tlaxcala"),
    ("Veracruz de Ignacio de la Llave", "Veracruz", "Veracruz"),
    ("Yucatán", "Yucatán", "Yucatán"),
    ("Zacatecas", "Zacatecas", "Zacatecas"),
]
OFFICIAL = [e[0] for e in ENTITIES]
ENGLISH = {e[0]: e[1] for e in ENTITIES}
MAP_NAME = {e[0]: e[2] for e in ENTITIES}

#: The four characteristics of Table 2: case field, machine name, row label as the article prints it.
CHARACTERISTICS = [
    ("age", "age", "Age"),
    ("schooling_years", "education", "Education"),
    ("age_trafficked", "age_trafficked", "Age when she trafficked"),
    ("months_trafficked", "months_trafficked", "Months in trafficking situation"),
]

#: Table 4's bins as the article prints them (whole months, both bounds included), used when the
#: package holds no ``time_since_escape`` resource of its own.
DEFAULT_BINS = [("< 3", 0, 2), ("3 - 5", 3, 5), ("6 - 14", 6, 14), ("> 15", 16, None)]

#: The five aggregate resources derived from the case records.
DERIVED = ["countries", "characteristics", "states", "time_since_escape", "leaders"]



#: The statistics of Table 2, as the article prints its column labels.
STATISTICS_AS_PRINTED = ["Median", "Mean", "Mode", "Min.", "Max."]

#: What the book takes each printed column of Table 2 to hold (see the audit chapter: a median of
#: 75 whole numbers is itself a whole number, so the printed 'Median' column, with decimals,
#: holds the means, and the printed 'Mean' column holds the medians).
TABLE2_READING = {"Median": "mean", "Mean": "median", "Mode": "mode", "Min.": "min", "Max.": "max"}

#: English names the article uses for federal entities whose name in the boundaries file differs.
ENTITY_ALIASES = {"Mexico City": "Distrito Federal", "State of Mexico": "México"}
#: The federal entity that is the capital, not a state.
CAPITAL = "Distrito Federal"

#: The separator of several citation keys in one cell (``'fraisse2012;lobasz2009'``).
KEY_SEPARATOR = ";"


def split_keys(text: str) -> list[str]:
    """``'fraisse2012;lobasz2009'`` -> ``['fraisse2012', 'lobasz2009']``."""
    return [k.strip() for k in str(text).split(KEY_SEPARATOR) if k.strip()]
