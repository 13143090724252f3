"""Las palabras en español (es-MX) de las páginas sobre los datos y de las listas de descargas: las
mismas claves que ``messages_data.EN_DATA``; se integran en ``messages_es.ES``."""

from __future__ import annotations

ES_DATA: dict[str, object] = {
    # ---- los cuadros de campos ---------------------------------------------------------------
    "datapages.fields_header": ["Campo", "Tipo", "Restricciones", "Descripción"],
    "datapages.schemas_header": ["Recurso", "Archivo", "Campos (* obligatorio)", "Claves"],
    "datapages.errors_header": ["Regla", "Capa", "Qué significa y cómo corregirlo"],
    "datapages.layers": {"files": "archivos y esquema", "rules": "reglas del estudio", "cases": "registros de casos"},
    "datapages.resource": "Recurso {name}",
    "datapages.file": "archivo {path}",
    "datapages.rows_one": "{n} fila",
    "datapages.rows_many": "{n} filas",
    "datapages.source": "Fuente: {link}",
    "datapages.not_tabular": "(no tabular)",
    "datapages.primary_key": "Clave primaria: {fields}.",
    "datapages.foreign_key": "Clave foránea: {mine} debe ser un valor de {theirs}.",
    "datapages.required": "obligatorio",
    "datapages.optional": "opcional",
    "datapages.constraints": {
        "enum": "uno de {values}",
        "minimum": "≥ {value}",
        "maximum": "≤ {value}",
        "exclusiveMinimum": "mayor que {value}",
        "exclusiveMaximum": "menor que {value}",
        "minLength": "longitud mínima {value}",
        "maxLength": "longitud máxima {value}",
        "unique": "único",
        "pattern": "patrón {value}",
        "other": "{key} {value}",
        "entities": "nombre oficial de una de las {n} entidades federativas (véase `trata.core.vocabulary.ENTITIES`)",
    },
    "datapages.types": {
        "string": "texto", "integer": "entero", "number": "número", "boolean": "booleano", "date": "fecha",
        "time": "hora", "datetime": "fecha y hora", "year": "año", "yearmonth": "año y mes", "duration": "duración",
        "array": "arreglo", "object": "objeto", "geopoint": "punto geográfico", "geojson": "GeoJSON", "any": "cualquiera",
    },
    # ---- las listas de descargas -------------------------------------------------------------
    "downloads.whole_package": "El paquete completo, {zip}",
    "downloads.descriptor": ": el descriptor, que nombra cada archivo y da su esquema",
    "downloads.each_file": "Cada archivo del paquete:",
    "downloads.withheld": ("Este paquete contiene registros de casos (recurso {names}). No están entre los archivos "
                           "anteriores, y el descriptor anterior no los incluye."),
    "downloads.data_package": "El paquete de datos",
    "downloads.zip_note": " (un zip con los archivos CSV y su descriptor; cada archivo está también en {page})",
    "downloads.data_page": "la página de los datos",
    "downloads.pdf": "La edición en PDF, versión {version}",
    "downloads.repository": "El repositorio del código fuente",
    "downloads.size_kb": "{n} kB",
    "downloads.size_bytes": "{n} bytes",
}

ES_DATA["data.explanations"] = {
    "missing-file": ("El descriptor nombra un archivo que no está (o no hay ningún datapackage.json en la ruta indicada). "
                     "Restaure el archivo o corrija el `path` del recurso."),
    "descriptor": ("datapackage.json no es JSON válido (se indica la línea del primer error de sintaxis), o le falta lo "
                   "que un paquete necesita: una lista `resources`; para cada recurso, un `name` único, un `path` "
                   "relativo y, para un archivo CSV, un `schema` cuyos campos tengan tipos conocidos; totales en `study` "
                   "que sean números enteros. Un `path` es un solo archivo dentro de la carpeta del paquete: no se admiten "
                   "rutas remotas (URL), rutas de varias partes (una lista de archivos) ni dialectos CSV distintos del "
                   "separado por comas."),
    "empty-file": ("El archivo no tiene ningún contenido. Un archivo CSV necesita su fila de encabezado y al menos una "
                   "fila de datos."),
    "no-rows": "El archivo tiene encabezado, pero ninguna fila de datos.",
    "byte-order-mark": ("El archivo comienza con una marca de orden de bytes invisible (algunas hojas de cálculo la "
                        "añaden). Guárdelo como 'CSV UTF-8' sin BOM."),
    "encoding": ("El archivo no está en UTF-8; se muestran la línea y el texto problemático. Probablemente se guardó "
                 "como Latin-1 o Windows-1252: guárdelo de nuevo como UTF-8."),
    "symlink": ("El archivo (o una carpeta de su ruta) es un enlace simbólico. La carpeta del paquete es el límite de "
                "lo que lee el libro: copie el archivo mismo dentro del paquete."),
    "outside-package": "La ruta lleva a un archivo fuera de la carpeta del paquete. Copie el archivo dentro del paquete.",
    "not-a-file": "La ruta nombra una carpeta (o un dispositivo), no un archivo. Indique la ruta del archivo.",
    "binary-file": ("El archivo está comprimido o es binario (gzip, ZIP, una hoja de cálculo, bytes NUL), no es texto "
                    "CSV. Proporcione el archivo CSV sin comprimir, guardado como UTF-8."),
    "dialect": ("Las columnas del archivo están separadas por punto y coma, tabuladores o barras, no por comas (algunas "
                "hojas de cálculo lo hacen). Guárdelo como CSV separado por comas."),
    "too-large": ("El archivo es más grande que cualquier archivo de un estudio como este (más bytes o filas de los que "
                  "lee el libro)."),
    "cell-too-long": ("Una celda es más larga de lo que lee el libro (un archivo entero pegado en una celda, o una "
                      "comilla que falta)."),
    "invisible-character": ("Un valor contiene un carácter que no se ve (un espacio de ancho cero, una marca de "
                            "dirección, un carácter de control), que se muestra por su punto de código. Elimínelo: hace "
                            "que un valor parezca idéntico a otro con el que no coincide."),
    "not-finite": "Un número es un no-número (NaN) o infinito. Deje la celda vacía si el valor se desconoce.",
    "out-of-range": ("Un número es demasiado grande para ser un conteo o una estadística de este estudio. Revise la "
                     "celda por si tiene un error de captura."),
    "unreadable": "No se pudo leer el archivo en absoluto (permisos, o una carpeta donde debería haber un archivo).",
    "missing-label": "Al encabezado le falta una columna que describe el esquema. Vuelva a añadirla (en el orden del esquema).",
    "incorrect-label": ("Una columna del encabezado tiene en esa posición otro nombre que el que da el esquema: una "
                        "columna renombrada o reordenada. Use los nombres y el orden del esquema."),
    "extra-label": "El encabezado tiene una columna que el esquema no describe. Elimínela o descríbala en el esquema.",
    "blank-label": "Una columna del encabezado no tiene nombre.",
    "duplicate-label": "Dos columnas del encabezado tienen el mismo nombre.",
    "header": ("Los problemas de las filas que se derivan de un encabezado defectuoso se cuentan, no se enumeran: "
               "corrija primero el encabezado."),
    "blank-row": "Una línea vacía (o una línea de celdas vacías) entre las filas. Elimínela.",
    "missing-cell": "Una fila tiene menos celdas que el encabezado: falta una coma, o un valor.",
    "extra-cell": ("Una fila tiene más celdas que el encabezado: una coma de más, o un valor con una coma que necesita "
                   "comillas."),
    "type-error": ("Un valor no es del tipo de su columna: texto donde se espera un número, o una fracción en un "
                   "conteo."),
    "constraint-error": ("Un valor incumple una restricción de su columna: una celda obligatoria está vacía, un conteo "
                         "es negativo, un año está fuera de rango o una categoría no es una de las que enumera el "
                         "esquema (se enumeran los valores permitidos; se señalan los espacios sobrantes). Una "
                         "categoría nueva se añade al `enum` en datapackage.json."),
    "unique-error": "Un valor que debe ser único en su columna (un seudónimo, un nombre) aparece dos veces.",
    "primary-key": ("Dos filas tienen la misma clave (las columnas que identifican una fila): una fila duplicada, o un "
                    "error de captura en una clave."),
    "foreign-key": ("Un valor remite a una fila de otro recurso que no existe, por ejemplo un tipo de red que la "
                    "tipología no incluye. Añada la fila allí o corrija el valor."),
    "missing-resource": ("El paquete es válido, pero los capítulos del libro leen un recurso que no contiene. Se "
                         "necesita cada recurso del paquete de datos propio del libro; los cinco cuadros del anexo "
                         "pueden provenir, en cambio, de registros de casos."),
    "missing-field": ("A un recurso le falta un campo que leen los capítulos y las reglas, o le da otro tipo. Conserve "
                      "los campos del esquema propio del libro (renombrar una columna tanto en el archivo como en el "
                      "esquema no basta); los campos y las categorías adicionales no son problema."),
}

ES_DATA["data.case_explanations"] = {
    "case-schema": "Al recurso `cases` le falta un campo del esquema de registros de casos, o le da otro tipo.",
    "case-timeline": ("Un registro se contradice: la edad al ser víctima de trata es mayor que la edad en la entrevista, "
                      "o los meses en situación de trata y los meses desde la huida no caben entre las dos edades."),
    "case-pairs": "Un segundo estado repite el primero, o a una segunda red le falta su tipo o el sexo de quien la dirigía.",
    "case-roster": ("Un seudónimo no está en la lista de entrevistadas citadas, no concuerda con la edad o el país de "
                    "la lista, o se asigna a dos registros."),
    "case-in-a-bin": ("Los meses desde la huida no caen en ninguno de los intervalos del cuadro 4 (los intervalos "
                      "impresos dejan fuera los 15 meses). Proporcione al paquete un recurso `time_since_escape` cuyos "
                      "intervalos abarquen todos los registros."),
    "cases-vs-aggregate": ("Un cuadro agregado que contiene el paquete (o un total indicado en `study`) no concuerda "
                           "con lo que dan los registros de casos. Corrija los registros o el cuadro; el mensaje "
                           "nombra ambos."),
}

ES_DATA["data.rule_explanations"] = {
    "study_totals_stated": ("El descriptor indica los totales de los que los cuadros son proporciones: "
                            "``study.interviewees`` siempre que haya un cuadro de entrevistadas, ``study.networks`` "
                            "siempre que esté el cuadro 5 (los registros de casos, cuando los hay, los proporcionan)."),
    "counts_sum_to_interviewees": ("Los cuadros 1 y 4 cuentan a cada entrevistada una vez: sus conteos suman el número "
                                   "indicado de entrevistadas."),
    "states_sum_to_mentions": ("El cuadro 3 cuenta a una mujer una vez por estado: sus conteos suman el número indicado "
                               "de menciones de estados, que está entre el número de entrevistadas y el doble de ese "
                               "número, y ningún estado reúne a más mujeres de las que fueron entrevistadas."),
    "leaders_sum_to_networks": ("El cuadro 5 cuenta redes: sus conteos suman el número indicado de redes, que es al "
                                "menos el número de entrevistadas (cada una fue victimizada por al menos una red)."),
    "every_network_type_has_both_sexes": ("El cuadro 5 tiene una fila por tipo de red y sexo de quien la dirige (un "
                                          "cero se escribe, no se omite); los sexos son los que enumera el esquema "
                                          "de ``leaders``."),
    "network_types_ordered": ("Los dos órdenes de la tipología (en el cuadro 5 y en el texto del artículo) numeran "
                              "cada uno los tipos 1, 2, 3, ... sin huecos ni repeticiones."),
    "states_are_on_the_map": ("Cada estado del cuadro 3 es una entidad federativa mexicana conocida: su map_name está "
                              "en el archivo de límites."),
    "bins_ordered_without_overlap": ("Los intervalos del cuadro 4 están ordenados, cada uno tiene min <= max, solo el "
                                     "último puede ser abierto y no hay dos intervalos que se traslapen (aquí se "
                                     "permiten huecos, que la auditoría informa, porque el cuadro impreso tiene uno)."),
    "characteristics_complete_and_within_range": ("Cuadro 2: cada característica tiene cada estadística que enumera "
                                                  "el esquema, y cada una está entre el mínimo y el máximo impresos "
                                                  "de la característica."),
    "roster_years_in_study_period": ("Cada entrevista citada tuvo lugar en el periodo de entrevistas indicado del "
                                     "estudio (``study.interview_years``)."),
    "roster_fits_the_tables": ("Las entrevistadas citadas son parte de las entrevistadas: la edad de cada una está "
                               "dentro del rango de edades del cuadro 2, y ningún país tiene más mujeres citadas de "
                               "las que cuenta el cuadro 1."),
    "categories_without_stray_whitespace": ("Ninguna categoría ni clave, en ningún recurso, tiene espacios o "
                                            "tabuladores antes o después (``'Chiapas '`` sería, sin aviso, un estado "
                                            "distinto de ``'Chiapas'``)."),
    "printed_totals_add_up": ("En los cuadros impresos, cada total impreso es igual a la suma de los conteos impresos "
                              "que totaliza: el Total del cuadro 1, y la columna Total (hombres + mujeres) y la fila "
                              "Total del cuadro 5."),
    "printed_shares_agree_with_printed_counts": ("En los cuadros impresos, cada porcentaje concuerda con su conteo y "
                                                 "su base impresos con un margen de una unidad de su último dígito "
                                                 "impreso (un margen más holgado que el de la conciliación, que usa "
                                                 "media unidad: los autores a veces ajustan una proporción "
                                                 "redondeada para que una columna sume 100, como hace el cuadro 5)."),
    "typology_is_complete": ("La tipología codifica cada tipo de red en cada dimensión, y una dimensión que el "
                             "artículo no describe se codifica 'not_described' (y solo entonces)."),
    "every_network_type_has_women_positions": ("Cada tipo de red tiene al menos una fila en women_positions; una "
                                               "víctima que no actuó contra nadie no tiene motivo ni fundamento, y "
                                               "una mujer que sí actuó tiene ambos."),
    "excerpt_years_agree_with_roster": ("El roster_year de cada fragmento es el año de la entrevista según la lista "
                                        "de entrevistadas, year_differs indica si el año citado con el fragmento "
                                        "discrepa de él, y cada tipo de red tiene al menos un fragmento."),
    "framing_resources_are_consistent": ("Los recursos de los capítulos de encuadre son coherentes entre sí "
                                         "(``trata.data.coding_rules.framing_problems``): cada clave de cita de los "
                                         "paradigmas y los hitos legales está definida en references.bib; un hito "
                                         "tiene año exactamente cuando el artículo indica uno, los hitos fechados "
                                         "están en orden cronológico, los órdenes van 1, 2, ...; los cinco criterios "
                                         "de inclusión están numerados del 1 al 5 y todos son obligatorios."),
    "women_leaders_have_positions": ("Cada tipo de red que, según el cuadro 5 (leaders), dirigió una mujer tiene una "
                                     "fila 'leader' en women_positions cuyo n_stated, si se indica, es el conteo del "
                                     "cuadro 5, y ningún tipo que ninguna mujer dirigió la tiene: si una mujer líder "
                                     "fue ella misma coaccionada (línea, motivo, fundamento) es una decisión de "
                                     "codificación que los conteos no pueden tomar."),
    "positions_follow_the_divide": ("El relato que hace el capítulo del perfil de las posiciones de las mujeres es el "
                                    "del artículo: las mujeres que fueron a la vez víctimas y victimarias eran "
                                    "migrantes coaccionadas en los cárteles, por los dos fundamentos de Gallagher, y "
                                    "las que solo fueron victimarias eran líderes o reclutadoras nativas que actuaban "
                                    "por lucro. Una posición codificada de otro modo exige reescribir ese relato, lo "
                                    "que el libro no puede hacer por sí solo."),
}
