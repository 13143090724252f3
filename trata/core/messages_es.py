"""The Spanish (es-MX) table of the messages: the same keys as ``messages.EN``."""

from __future__ import annotations

ES: dict[str, object] = {
    # ---- nombres de las categorías ----------------------------------------------------------
    "dimensions": {
        "leadership": "Quién dirige",
        "recruitment": "Reclutamiento",
        "holding_control": "Retención y control",
        "victim_worth": "Lo que vale una víctima",
        "violence": "Acceso a la violencia",
        "ties_police": "Vínculos con la policía",
        "ties_migration": "Vínculos con las autoridades migratorias",
        "ties_cartels": "Vínculos con los cárteles",
        "women": "El lugar de las mujeres",
    },
    "themes": {
        "recruitment": "reclutamiento",
        "deception": "engaño",
        "abduction": "secuestro",
        "caravans": "caravanas migrantes",
        "captivity": "cautiverio",
        "threats": "amenazas",
        "violence": "violencia",
        "authorities": "policía y autoridades migratorias",
        "cartels": "cárteles",
        "escape": "huida",
        "coerced_roles": "obligadas a actuar contra otras",
        "guilt": "supervivencia y culpa",
        "migrant_native": "mujeres migrantes y nativas",
        "documents": "documentos y viajes",
        "romance": "cortejo",
    },
    "type_short": {
        "cartel": "cárteles",
        "nightclub": "centros nocturnos",
        "trafficking_group": "grupos de trata",
        "modelling_agency": "pseudoagencias de modelaje",
        "freelance": "tratantes independientes",
        "pseudonovio": "pseudonovios",
    },
    "positions": {
        "victim": "víctima",
        "leader": "líder",
        "recruiter": "reclutadora",
        "trainer": "instructora",
        "guard": "vigilante de una casa de seguridad",
        "spy": "espía",
        "kidnapping_informant": "informante para secuestros",
        "drug_trafficker": "narcotraficante",
        "leader_favourite": "favorita de un líder",
        "torture_participant": "obligada a participar en torturas",
    },
    "line": {"victim": "Solo víctima", "victim_and_victimizer": "Víctima y victimaria",
             "victimizer": "Solo victimaria"},
    "grounds": {
        "causation_and_coercion": "Causalidad y coacción (no debe ser acusada)",
        "causation": "Causalidad (no debe ser acusada)",
        "coercion": "Coacción (no debe ser acusada)",
        "none": "Sin fundamento: actuó por lucro",
        "not_applicable": "Solo víctima: ningún acto contra otras",
    },
    "origins": {"migrant": "Migrante", "native": "Nativa (mexicana)"},
    "audit_groups": {
        "arithmetic": "Aritmética de los cuadros",
        "statistics": "Estadísticos descriptivos (cuadro A2)",
        "text": "Texto frente a cuadros",
        "categories": "Intervalos, nombres y etiquetas",
        "citations": "Citas bibliográficas",
        "roster": "Entrevistadas citadas frente a los cuadros",
    },
    "sample_labels": {"age": "Edad en la entrevista (años)", "education": "Escolaridad (años)",
                      "age_trafficked": "Edad al ser víctima de trata (años)",
                      "months_trafficked": "Meses en situación de trata"},
    "table2_shown": {"Median": "Mediana (como se imprimió)", "Mean": "Media (como se imprimió)", "Mode": "Moda"},
    "year_not_given": "El artículo no lo indica",
    "year_not_given_short": "Año no indicado",
    "criterion_required": "☑ requerido",
    "criterion_not_required": "☐ no requerido",

    "findings": {
        "tally_part": "{n} {verdict}", "tally_one": "{n} veredicto ({parts})", "tally_many": "{n} veredictos ({parts})",
        "as_printed": "como se imprimió", "nothing_to_choose": "como se imprimió (no hay nada que elegir)",
        "uses": "**{value}**. {why}",
        "check": "*{name}*: {rule}", "same_rule": "*{name}* (misma regla)",
        "note_uses": "El libro usa {value}. {why}",
        "note_more": "{numref}`tbl-audit-checks` enumera cada comprobación y cada hallazgo.",
    },
    "excerpts": {
        "quote_attribution": "— {pseudonym}, {year}{note}, citada en {{cite:t}}`izcara2023`",
        "quote_listed_under": "(registrada en {year} en la lista de entrevistadas del artículo)",
        "listed_under": "registrada en {year} en la lista de entrevistadas del artículo",
        "type": "Tipo de red", "all_types": "Todos los tipos", "theme": "Tema", "all_themes": "Todos los temas",
        "themes": "Temas", "note": "Nota",
        "translated_mark": "(traducción de la edición)",
        "untranslated_mark": "(texto en inglés, sin traducción de la edición)",
        "translation_note": "Las palabras de las entrevistadas se citan en una traducción propia de la edición, hecha "
                            "a partir de la edición en inglés del artículo; no son sus palabras textuales. Las palabras "
                            "originales de las mujeres están en Izcara-Palacios (2023), versión original en español.",
    },

    # ---- figuras: palabras y textos alternativos ------------------------------------------------
    "fig.annex": {
        "country": "País", "women": "Mujeres", "men": "Hombres", "pct_of_interviewees": "% de las entrevistadas",
        "ci_low": "IC {cl}, inferior", "ci_high": "IC {cl}, superior",
        "share_with_ci": "Proporción de las entrevistadas (%), con intervalo de confianza de {cl}",
        "characteristic": "Característica", "min": "Mín.", "max": "Máx.", "statistic": "Estadístico", "value": "Valor",
        "value_as_printed": "Valor como se imprimió (la escala varía por fila)",
        "state_as_printed": "Estado (como se imprimió)", "official_name": "Nombre oficial",
        "not_named_in_the_table": "No nombrado en el cuadro",
        "women_trafficked_in_the_state": "Mujeres víctimas de trata en el estado",
        "months_since_events": "Meses entre la huida y la entrevista (intervalos como se imprimieron)",
        "bin_as_printed": "Intervalo (como se imprimió)", "whole_months": "Meses completos",
        "networks_by_sex": "Redes, por sexo de quien las dirige", "leader": "Quien dirige", "network_type": "Tipo de red",
        "networks": "Redes", "networks_of_the_type": "Redes del tipo",
        "networks_by_type_and_sex": "Redes por tipo y sexo de quien las dirige", "led_by_a_woman": "Dirigida por una mujer",
        "pct_led_by_women": "% dirigidas por mujeres",
        "led_by_a_woman_with_ci": "Dirigidas por una mujer (%), con intervalo de confianza de {cl}",
        "share_led_by_a_woman": "Proporción de redes dirigidas por una mujer", "all_networks": "Todas las redes",
    },
    "fig.profile": {
        "type": "Tipo de red", "dimension": "Dimensión", "coding": "Codificación (texto)", "in_article": "En el artículo",
        "summary": "Resumen", "described": "Descrito", "not_described": "No descrito",
        "position": "Posición", "on_line": "En la línea", "ground": "Fundamento", "origin": "Origen",
        "ground_title": "Fundamento para no acusarla (Gallagher 2010)", "origin_title": "Origen",
        "typology_alt": "Matriz de los tipos de red (columnas) frente a las dimensiones de la tipología (filas). {parts}",
        "typology_alt_type": "{type}: {codings}.",
        "typology_alt_cell": "{dimension}, {coding}",
        "positions_alt": ("Gráfico de puntos de las posiciones que ocupan las mujeres, agrupadas por tipo de red, "
                          "situadas en una línea que va de solo víctima, pasando por víctima y victimaria, a solo "
                          "victimaria. {parts}"),
        "positions_alt_item": "{type}: {position}, {line}, {origin}, {ground}.",
    },
    "fig.consent": {
        "title": "Lo que cada instrumento hace con el consentimiento de la víctima", "year": "Año",
        "jurisdiction": "Jurisdicción", "instrument": "Instrumento", "consent": "Consentimiento",
        "alt": "Línea de tiempo de los instrumentos jurídicos que analiza el artículo, en orden cronológico. {parts}",
        "alt_item": "{instrument} ({year}, {jurisdiction}): {rule}.",
    },
    "fig.annex.alt": {
        "countries": ("Gráfico de barras de las {base} entrevistadas por país de origen, con intervalos de confianza de {cl}. "
                      "{country} tiene la mayor proporción, {women} ({share}, intervalo de {lo:.1f} a {hi:.1f} %), "
                      "seguido de {rest}."),
        "countries_item": "{country} {n} ({share})",
        "characteristics": ("Gráfico de rangos de las características de las entrevistadas {source}: "
                            "{parts}. Los valores impresos como mediana y media parecen estar intercambiados."),
        "characteristics_item": ("{label} de {min:g} a {max:g} (mediana impresa {median:g}, media impresa {mean:g}, "
                                 "moda {mode:g})"),
        "states": ("Mapa de México que sombrea los {k} lugares nombrados en {source} según el número de entrevistadas "
                   "que fueron víctimas de trata allí, junto a un gráfico de barras ordenado de mayor a menor. {state} "
                   "tiene más, {women} ({share} de las entrevistadas), seguido de {rest}; {ones} de los lugares tienen "
                   "una mujer cada uno."),
        "states_item": "{state} ({n})",
        "escape": ("Gráfico de barras del número de entrevistadas según los meses entre la huida y la entrevista, "
                   "en los intervalos del artículo: {parts}. El grupo más numeroso es el de {top} meses."),
        "escape_item": "{bin} meses: {n} ({share})",
        "leaders": ("Gráfico de barras de las {n} redes por tipo y sexo de quien las dirige, con la proporción dirigida "
                    "por mujeres y su intervalo de confianza de {cl}. Los hombres dirigían {men} y las mujeres {women} "
                    "({share}, intervalo de {lo:.1f} a {hi:.1f} %); {where}."),
        "leaders_item": "{label} ({women} de {n})",
        "leaders_where": "las mujeres dirigían redes solo entre {which}",
        "leaders_none": "ningún tipo tenía a una mujer al frente",
    },

    # ---- cuadros: encabezados y pies ------------------------------------------------------------
    "annex.countries.header": ["País", "n", "% de las entrevistadas"],
    "annex.countries.caption": "País de origen de las entrevistadas, como en el anexo del artículo.",
    "annex.characteristics.header": ["Característica (como se imprimió)"],
    "annex.characteristics.caption": ("Características de las entrevistadas, con los nombres de las columnas "
                                      "como se imprimieron en el anexo del artículo."),
    "annex.states.header": ["Estado (como se imprimió)", "Nombre oficial", "n", "% de las entrevistadas"],
    "annex.states.caption": ("Estados de México donde las entrevistadas fueron víctimas de trata sexual, "
                             "como en el anexo del artículo."),
    "annex.escape.header": ["Meses (como se imprimieron)", "Meses completos del intervalo", "n", "% de las entrevistadas"],
    "annex.escape.caption": "Meses entre la huida y la entrevista, como en el anexo del artículo.",
    "annex.leaders.header": ["Tipo de red (como se imprimió)", "Hombres n", "Hombres % del tipo", "Mujeres n",
                             "Mujeres % del tipo", "Total n", "% de los casos"],
    "annex.leaders.caption": ("Quienes dirigen las redes de trata, por tipo de red y sexo, "
                              "como en el anexo del artículo."),
    "annex.reconciliation.header": ["Cuadro", "Fila", "Columna", "Impreso", "Derivado", "Tolerancia", "Veredicto"],
    "annex.reconciliation.caption": "Cada celda impresa del anexo frente al valor derivado del paquete de datos.",
    "annex.months_to": "{lo} a {hi}",
    "annex.months_or_more": "{lo} o más",
    "annex.no_month": "ningún mes",
    "annex.months": "{gaps} meses",
    "annex.table": "Cuadro A{n}",
    "annex.mismatch": "{table}, {row}, {column}: impreso {printed}, derivado {derived}",
    "none": "ninguno",
    "consent.paradigms.header": ["Dimensión", "Feminismo neoabolicionista", "Feminismo pro derechos"],
    "consent.paradigms.caption": ("Dos lecturas feministas del consentimiento en la trata sexual, "
                                  "como las presenta el artículo."),
    "consent.milestones.header": ["Año", "Instrumento", "Jurisdicción", "Lo que hace con el consentimiento"],
    "consent.milestones.caption": "Los instrumentos jurídicos que analiza el artículo, en orden cronológico.",
    "methodology.country_item": "{country} ({n})",
    "methodology.state_item": "{state} ({n} mujeres, {share} %)",
    "methodology.criteria.header": ["Núm.", "Criterio", "Lo que debía cumplirse", "Verificado antes de cada entrevista"],
    "methodology.criteria.caption": ("Los cinco criterios de inclusión: una entrevista comenzaba solo una vez "
                                     "corroborados los cinco."),
    "methodology.sample.header": ["Característica", "Mínimo", "Mediana", "Media", "Moda", "Máximo"],
    "methodology.sample.caption": ("Las entrevistadas de un vistazo: el cuadro A2 con cada columna nombrada "
                                   "por el estadístico que contiene."),
    "profile.typology.header": ["Dimensión", "Lo que informa el artículo"],
    "profile.typology.caption": "{type}: la codificación que hace la edición del relato del artículo.",
    "profile.positions.header": ["Tipo de red", "Posición", "En la línea", "Origen", "Fundamento para no acusarla",
                                 "n indicado"],
    "profile.positions.caption": ("Posiciones que ocupan las mujeres en cada tipo de red, en la línea entre víctima y "
                                  "victimaria, según la codificación que hace la edición del relato del artículo."),
    "leadership.shares.header": ["Tipo de red", "Dirigidas por una mujer", "Casos", "Proporción (%)",
                                 "Intervalo de Wilson al 95% (%)"],
    "leadership.shares.caption": ("Casos dirigidos por una mujer, por tipo de red y en total, "
                                  "con intervalos de Wilson al 95%."),
    "home.contrast.clean": ("Las mujeres que dañaron a otras mujeres se dividen en dos grupos: en {both}, mujeres "
                            "migrantes que fueron víctimas ellas mismas y actuaron bajo coacción; como {roles} en {only}, "
                            "mujeres nativas que actuaron por lucro."),
    "home.contrast.mixed": ("Las mujeres que dañaron a otras mujeres aparecen en {both} como víctimas obligadas a actuar, "
                            "y como {roles} en {only}; en estos datos, el origen y el motivo no separan limpiamente "
                            "a los dos grupos."),
    "home.contrast.none": ("Los relatos no sitúan a las mujeres a ambos lados de la línea entre víctima y victimaria "
                           "como lo describe la conclusión del artículo."),
    "profile.flag": "{pseudonym}, citada como {cited} y registrada en {listed}",
    "audit.checks.header": ["Comprobación y su regla", "Qué se comparó", "Veredicto", "Hallazgo",
                            "Valor que usa el libro, y por qué"],
    "audit.checks.caption": ("Cada comprobación de la auditoría, con su regla, lo que comparó, su veredicto y su hallazgo, "
                             "y para cada inconsistencia el valor que el libro usa después y por qué. Las comprobaciones "
                             "siguen el orden de la sección anterior."),
    "audit.note.title": "Lo que encontró la auditoría",

    # ---- figuras: las herramientas bajo cada figura y los datos que traza ----------------------
    "figkit.files": "Descargar:",
    "figkit.svg": "Imagen (SVG)",
    "figkit.png": "Imagen (PNG)",
    "figkit.csv": "Datos (CSV)",
    "figkit.table": "Mostrar como cuadro",
    "figkit.missing": "",
    "figkit.csv_source": ("Datos trazados en una figura de la edición ejecutable de Izcara-Palacios (2023), "
                          "versión {version}. Fuente: {source}."),
    "figure.countries.columns": {"country": "País", "n": "Mujeres", "share": "% de las entrevistadas",
                                 "lo": "Intervalo de Wilson al 95%, inferior (%)",
                                 "hi": "Intervalo de Wilson al 95%, superior (%)"},
    "figure.countries.caption": ("Entrevistadas por país de origen, con intervalos de Wilson al 95% "
                                 "(los datos de la figura)."),
    "figure.countries.source": "Izcara-Palacios (2023), cuadro 1 (recurso countries del paquete de datos)",
    "figure.characteristics.columns": {"label": "Característica (como se imprimió)", "min": "Mín.",
                                       "Median (as printed)": "Mediana (como se imprimió)",
                                       "Mean (as printed)": "Media (como se imprimió)", "Mode": "Moda", "max": "Máx."},
    "figure.characteristics.caption": "Características de las entrevistadas como se imprimieron (los datos de la figura).",
    "figure.characteristics.source": "Izcara-Palacios (2023), cuadro 2 (recurso characteristics del paquete de datos)",
    "figure.states.columns": {"state_as_printed": "Estado (como se imprimió)", "state_official": "Nombre oficial",
                              "map_name": "Nombre en el mapa", "n": "Mujeres", "share": "% de las entrevistadas"},
    "figure.states.caption": "Mujeres por estado de México donde fueron víctimas de trata (los datos de la figura).",
    "figure.states.source": ("Izcara-Palacios (2023), cuadro 3 (recurso states del paquete de datos); "
                             "límites: Natural Earth"),
    "figure.escape.columns": {"bin_as_printed": "Meses (como se imprimieron)", "months": "Meses completos del intervalo",
                              "n": "Mujeres", "share": "% de las entrevistadas"},
    "figure.escape.caption": "Mujeres por meses entre los hechos relatados y la huida (los datos de la figura).",
    "figure.escape.source": "Izcara-Palacios (2023), cuadro 4 (recurso time_since_escape del paquete de datos)",
    "figure.leaders.columns": {"label": "Tipo de red", "male_n": "Dirigidas por un hombre",
                               "female_n": "Dirigidas por una mujer", "total_n": "Redes",
                               "female_share": "% dirigidas por una mujer",
                               "female_lo": "Intervalo de Wilson al 95%, inferior (%)",
                               "female_hi": "Intervalo de Wilson al 95%, superior (%)"},
    "figure.leaders.caption": ("Redes por tipo y sexo de quien las dirige, con intervalos de Wilson al 95% "
                               "(los datos de la figura)."),
    "figure.leaders.source": "Izcara-Palacios (2023), cuadro 5 (recurso leaders del paquete de datos)",
    "figure.typology.columns": {"Network type": "Tipo de red", "Dimension": "Dimensión", "Coding (text)": "Codificación",
                                "In the article": "En el artículo", "Summary": "Resumen"},
    "figure.typology.caption": "La tipología de las redes, celda por celda (los datos de la figura).",
    "figure.typology.source": ("la codificación de la edición de Izcara-Palacios (2023) "
                               "(recurso typology del paquete de datos)"),
    "figure.positions.columns": {"Network type": "Tipo de red", "Position": "Posición", "On the line": "En la línea",
                                 "Ground": "Fundamento para no acusarla", "Origin": "Origen"},
    "figure.positions.caption": "Posiciones que ocupan las mujeres, por tipo de red (los datos de la figura).",
    "figure.positions.source": ("la codificación de la edición de Izcara-Palacios (2023) "
                                "(recurso positions del paquete de datos)"),
    "figure.timeline.columns": {"order": "Orden", "year": "Año", "instrument_text": "Instrumento",
                                "jurisdiction": "Jurisdicción", "rule_text": "Lo que hace con el consentimiento",
                                "year_status": "Año en el artículo"},
    "figure.timeline.caption": ("Los instrumentos jurídicos que analiza el artículo, en orden cronológico "
                                "(los datos de la figura)."),
    "figure.timeline.source": "Izcara-Palacios (2023) (recurso legal_milestones del paquete de datos)",

    # ---- el aviso de datos: qué paquete muestra una página -------------------------------------
    "databanner.title": "Qué datos muestra esta página",
    "databanner.note": ("Este libro se construyó a partir de {name}, no de los datos del artículo: {cells} celdas impresas "
                        "de los cuadros del anexo del artículo difieren de este paquete. Los cuadros, las figuras y las "
                        "cifras del texto son de este paquete; un valor es el del artículo solo donde la página lo indica."),

    "i18n.read_in": "Leer esta página en {language}",
    "i18n.languages": {"en": "inglés", "es": "español"},

    # ---- palabras de la prosa: números pequeños, listas, conteos de mujeres ---------------------
    "number_words": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
                     "once", "doce"],
    "join_words": "{first} y {last}",
    "women_one": "{n} mujer",
    "women_many": "{n} mujeres",
    "interval": "{lo} a {hi}",
    "readings": {
        "no_cartels": "Estos datos no registran ninguna red de cárteles",
        "cartel_largest": "Las redes de cárteles son el grupo más numeroso del estudio",
        "cartel_tied": "Las redes de cárteles son, junto con {others}, el grupo más numeroso del estudio",
        "cartel_not_largest": "Las redes de cárteles no son el grupo más numeroso del estudio (lo son {largest})",
        "aside_largest": "el tipo más numeroso, con", "aside_tied": "uno de los tipos más numerosos, con",
        "aside_other": "con",
        "all_led_by_men": "todas dirigidas por hombres",
        "one_case": "un caso", "cases": "{n} casos",
        "led_none": "ninguno de ellos dirigido por una mujer", "led_one": "{k} de ellos dirigido por una mujer",
        "led_many": "{k} de ellos dirigidos por mujeres",
        "cases_led": "{cases}, {led}",
        "owner_as_printed": "la dueña de un centro nocturno y las {k} mujeres que dirigían grupos de trata",
        "owner_other": "la dueña de un centro nocturno y las mujeres que dirigían grupos de trata en su relato",
        "recruit": "las jóvenes que reclutan para los grupos, a quienes el artículo considera movidas por el lucro",
        "roles_no_leader": ("Las mujeres aparecen en este tipo en dos papeles: además de las víctimas, están {recruit}. "
                            "En estos datos ningún grupo fue dirigido por una mujer."),
        "roles_leaders": ("Las mujeres aparecen en este tipo en tres papeles. Además de las víctimas, están {recruit}, "
                          "y están las mujeres que dirigían {k} de los grupos."),
        "agency_empty": ("ningún caso en estos datos; en el artículo, las dirigían hombres a quienes las mujeres "
                         "describieron como"),
        "agency_men": "{n} casos, todos dirigidos por hombres a quienes las mujeres describieron como",
        "agency_man": "un caso, dirigido por un hombre a quien las mujeres describieron como",
        "agency_women": "{cases}, {led}; las mujeres describieron a quienes las dirigían como",
        "freelance_empty": "ningún caso en estos datos",
        "freelance_men": "{n} casos, todos ellos hombres", "freelance_man": "un caso, un hombre",
        "men_every": "los hombres dirigían todas las redes", "men_almost_every": "los hombres dirigían casi todas las redes",
        "men_most": "los hombres dirigían la mayoría de las redes",
        "men_not_most": "los hombres no dirigían más redes que las mujeres",
        "where_every": "los hombres estaban al mando en todas partes",
        "where_almost_every": "los hombres estaban al mando casi en todas partes",
        "where_most": "los hombres estaban al mando de la mayoría de ellas",
        "where_not_most": "los hombres no estaban al mando de más redes que las mujeres",
        "source_as_printed": "lo que informa el artículo", "source_other": "lo que muestran estos conteos",
        "in_charge": ("Lo que se sostiene sin ninguna prueba es {source}: en los casos que describieron estas mujeres, "
                      "{where}."),
        "exception_none": "en estos datos ninguna mujer dirigía",
        "role_own_nightclubs": "son dueñas de centros nocturnos", "role_lead": "dirigen {type}",
        "roles_or": "{first} o {last}",
        "exception": "existen mujeres que {roles}, pero son la excepción",
        "no_exception": "las mujeres que {roles} no son una excepción en estos datos",
        "largest_cartels": "Los cárteles mexicanos", "largest_tied": "Empatados, {words}, cada uno",
        "types_had_none": "{k} de los {n} tipos no tuvieron ninguna",
        "no_woman_led": "Ninguna red del estudio fue dirigida por una mujer",
        "leaders_as_printed": ("Las mujeres que dirigían eran la dueña de una cantina y las jefas de "
                               "{k} redes de prostitución, dos de ellas operadas desde hoteles de paso y una por Internet"),
        "led_of_type": "{k} de {type}",
        "every_type_one": "cada tipo tuvo al menos una",
        "women_led": "Las mujeres dirigían {led}; {tail}",
        "pct_as_printed": "{pct} %, que el artículo redondea a {rounded} %",
        "pct_other": "{pct} % en estos datos; el cuadro 5 del artículo imprime {printed} % para sus propios datos",
        "test_nothing": ("La prueba no tiene nada que sopesar: con las mujeres líderes tal como están, todo "
                         "cuadro con estos márgenes es el observado. Las tres razones que siguen valen para cualquier "
                         "lectura de estos conteos."),
        "test_evidence": ("Tomada al pie de la letra, la prueba es evidencia de que el liderazgo de las mujeres varía según "
                          "el tipo: una concentración como la observada rara vez surgiría por azar. Hay tres razones para "
                          "confiar en ella menos que eso."),
        "test_weak": ("Leída con honestidad, la prueba dice poco: una concentración como la observada surgiría por azar "
                      "con suficiente frecuencia como para ser, a lo sumo, evidencia débil de que el liderazgo de las "
                      "mujeres varía según el tipo. Hay tres razones para confiar aún menos en esa señal débil."),
        "test_no_evidence": ("Leída con honestidad, la prueba no dice nada: una dispersión como la observada surgiría por "
                             "azar con tanta frecuencia que no aporta evidencia de que el liderazgo de las mujeres varíe "
                             "según el tipo. Hay tres razones más para ser cautos."),
        "conclusion_evidence": "Los datos sugieren que el liderazgo de las mujeres varía según el tipo, aunque con conteos mínimos",
        "conclusion_weak": "Si el liderazgo de las mujeres varía realmente según el tipo, los datos no pueden decirlo",
        "conclusion_no_evidence": "Los datos no dan ningún indicio de que el liderazgo de las mujeres varíe según el tipo",
        "conclusion_nothing": "Si el liderazgo de las mujeres varía según el tipo, estos conteos no pueden mostrarlo",
        "none": "ninguna",
        "lead_all_none": "Aunque ningún tipo tuvo a una mujer al frente, ",
        "lead_some_none": "Aunque {k} de los {n} tipos no tuvieron a ninguna mujer al frente, ",
        "lead_every": "Cada tipo tuvo al menos una mujer al frente, y ",
        "intervals_none": ("{lead}para ningún tipo el intervalo descarta una proporción considerable: el extremo superior "
                           "más bajo, el de {type}, es {high} %"),
        "intervals_largest_only": ("{lead}solo para el más numeroso, {type}, el intervalo descarta una proporción "
                                   "considerable: su extremo superior es {high} %"),
        "intervals_one": ("{lead}solo para {type} el intervalo descarta una proporción considerable: su extremo "
                          "superior es {high} %"),
        "intervals_several": ("{lead}los intervalos descartan una proporción considerable para {types}, cuyos extremos "
                              "superiores son a lo sumo {high} %"),
        "overlap": ("Los intervalos de todos los tipos se traslapan, de modo que los intervalos por sí solos no muestran "
                    "ninguna diferencia entre tipos."),
        "apart": ("Los intervalos de {a} y de {b} no se traslapan: es la diferencia más clara entre tipos "
                  "que muestran los intervalos."),
        "central_america": "Centroamérica",
        "origins_as_printed": "Centroamérica y Colombia",
        "years_as_printed": ("Para Remedios, el año citado es el más verosímil: sus palabras se refieren a una caravana "
                             "migrante, y el artículo sitúa las caravanas en un periodo que comienza después del año de "
                             "la lista. Para Rosa, el artículo no ofrece manera de decidir."),
        "years_other": "El artículo no ofrece manera de decidir cuál de los dos años es el correcto.",
        "reconciliation_as_printed": ("Una proporción impresa con una diferencia mayor que su redondeo, como en el "
                                      "cuadro A5, es muy probablemente un valor redondeado ajustado a mano para que la "
                                      "columna sume exactamente 100."),
        "reconciliation_other": ("Este libro se construyó con datos distintos de los del artículo, así que la comparación "
                                 "es entre dos ediciones de los datos: una celda que difiere muestra dónde estos datos se "
                                 "apartan del cuadro impreso del artículo, no un error del artículo, cuya coherencia "
                                 "interna la auditoría comprueba, valor impreso contra valor impreso."),
    },
    "positions_plural": {
        "victim": "víctimas", "leader": "líderes", "recruiter": "reclutadoras", "trainer": "instructoras",
        "guard": "vigilantes de una casa de seguridad", "spy": "espías", "kidnapping_informant": "informantes para secuestros",
        "drug_trafficker": "narcotraficantes", "leader_favourite": "favoritas de un líder",
        "torture_participant": "obligadas a participar en torturas",
    },
    "provenance.printed_in": "tal como se imprimió en el cuadro {n} del artículo",
    "provenance.article_table": "el cuadro {n} del artículo",
    "provenance.in_other_table": "en el cuadro {n} de los datos con que se construyó este libro",
    "provenance.other_table": "el cuadro {n} de los datos con que se construyó este libro",
}

from .messages_data_es import ES_DATA  # noqa: E402  (las páginas sobre los datos, las descargas)

ES.update(ES_DATA)

# ---- la identidad de la edición: referencias (APA 7 en español), la frase de estado, el pie de página
ES.update({
    "cite.date_format": "d 'de' MMMM 'de' y",  # un patrón de fecha de Babel (CLDR): «6 de mayo de 2031»
    "cite.and_serial": " y ", "cite.and_pair": " y ", "cite.and_people": " y ",
    "cite.version_kind": " (Versión {version}) [Libro ejecutable y paquete de datos].",
    "cite.translator": "{names}, Trad.", "cite.translators": "{names}, Trads.",
    "edition.footer_version": "Versión {version}", "edition.footer_commit": "commit {commit}",
    "edition.uncommitted": " con cambios sin confirmar", "edition.footer_built": "construida el {date}",
    "edition.footer_authors": "{people}, a partir de {source}.",
    "edition.footer_this_version": "esta versión:", "edition.footer_source": "código fuente:",
    "edition.status": ("Esta es la versión {version} de la edición{released}; la página se construyó a partir del "
                       "commit {commit}{modified} el {date}."),
    "edition.status_released": ", publicada el {date}", "edition.status_not_released": ", que no es una versión publicada",
    "edition.unknown_commit": "desconocido",
    "edition.no_address": ("Todavía no se conoce ninguna dirección de esta edición (la configuración del libro no "
                           "indica una URL base): cítela por su versión y búsquela por su título."),
    "edition.address_label": "Dirección de esta versión:",
    "edition.released_label": "Publicada:",
    "edition.released_none": "no es una versión publicada (es una construcción entre dos versiones publicadas).",
    "edition.doi_label": "DOI:",
    "edition.doi_none": "ninguno todavía (se asigna un DOI cuando una versión publicada se deposita en un archivo).",
    "edition.repository_label": "Repositorio del código fuente:",
    "edition.repository_none": "todavía no se conoce una dirección pública.",
    "edition.release_files": ("Las sumas de verificación (SHA-256) de los archivos de esta versión figuran en el "
                              "archivo SHA256SUMS, publicado junto a ellos."),
    "edition.cite_this_table": "Cite este cuadro: versión {version}, ancla {anchor}, ",
    "edition.cite_this_figure": "Cite esta figura: versión {version}, ancla {anchor}, ",
    "edition.cite_this_no_address": "todavía sin dirección conocida",
    "edition.titlepage_source": "Una edición ejecutable de: {reference}",
    "edition.titlepage_licence_html": ("Texto y datos: {licence}; código: MIT. Consulte la página &ldquo;Cómo "
                                       "citar&rdquo; para citar esta versión y el artículo."),
    "edition.contents": "Contenido",
})
