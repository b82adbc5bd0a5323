/** Spanish (es-MX) text of the findings and of the CLI. One place for every user-facing message. */
import { num, pct } from '../domain/numbers';

export const FIELD_NAMES: Record<string, string> = {
  lineOfAction: 'LÍNEA DE ACCIÓN', objective: 'OBJETIVO', unitKey: 'CLAVE (UNIDAD RESPONSABLE)', unitName: 'NOMBRE (UNIDAD RESPONSABLE)',
  action: 'ACCIONES OPERATIVAS', annualGoal: 'META ANUAL', absolute: 'AVANCE ABSOLUTO', accumulated: 'AVANCE %/META ANUAL',
  comments: 'COMENTARIOS', indicatorName: 'NOMBRE (INDICADOR)', description: 'DESCRIPCIÓN', target: 'META', measureUnit: 'UNIDAD DE MEDIDA',
  frequency: 'FRECUENCIA DE MEDICIÓN', actual: 'VALOR ACTUAL', observations: 'OBSERVACIONES', relative: 'ACUMULADO RELATIVO',
  planned1: 'P Ene-Mar', achieved1: 'A Ene-Mar', planned2: 'P Abr-Jun', achieved2: 'A Abr-Jun', planned3: 'P Jul-Sep',
  achieved3: 'A Jul-Sep', planned4: 'P Oct-Dic', achieved4: 'A Oct-Dic',
};

export const SEMAFORO_TEXT = { verde: 'VERDE', amarillo: 'AMARILLO', rojo: 'ROJO' } as const;
export const COMPLIANCE_HEADER = 'CUMPLIMIENTO %';
export const SEMAFORO_HEADER = 'SEMÁFORO';
export const NOTE_PREFIX = 'POA Validador:';

const QUARTERS = ['Ene-Mar', 'Abr-Jun', 'Jul-Sep', 'Oct-Dic'];

export const msg = {
  sheetNotRecognized: () => 'La hoja no tiene el formato de un reporte POA reconocido (indicadores o TMM-F004); no se modificó.',
  missingColumn: (field: string) => `Falta la columna ${FIELD_NAMES[field] ?? field} en el encabezado; no se pueden hacer los cálculos que la usan.`,
  periodNotFound: () => 'No se encontró el periodo del bloque (mes como "ene-25" o trimestre como "PRIMER TRIMESTRE 2025"); no se pudo revisar el acumulado.',
  cutoffNotFound: () => 'No se encontró la fecha de corte ("FECHA: 31-mar.-24"); se toma el último trimestre con avances.',
  notANumber: (field: string, text: string) => `${FIELD_NAMES[field] ?? field} debe ser un número y contiene "${text.slice(0, 60)}".`,
  numberAsText: (field: string, text: string, value: number, percent: boolean) =>
    `${FIELD_NAMES[field] ?? field} está escrito como texto ("${text}"); se leyó como ${percent ? pct(value) : num(value)}. Conviene capturarlo como número.`,
  negativeValue: (field: string, value: number) => `${FIELD_NAMES[field] ?? field} es negativo (${num(value)}); se esperaba un valor mayor o igual a cero.`,
  missingValue: (field: string) => `${FIELD_NAMES[field] ?? field} está vacío; se esperaba el dato del periodo.`,
  zeroTarget: (field: string) => `${FIELD_NAMES[field] ?? field} es cero; no se puede calcular el avance ni el cumplimiento.`,
  cellError: (field: string, error: string) => `${FIELD_NAMES[field] ?? field} muestra el error ${error}; se esperaba un valor.`,
  accumulated: (actual: number, expected: number, detail: string) =>
    `El avance acumulado es ${pct(actual)} y debería ser ${pct(expected)} (${detail}).`,
  accumulatedBelowIncrement: (actual: number, increment: number) =>
    `El avance acumulado es ${pct(actual)}, menor que el avance de este mismo periodo (${pct(increment)}); se esperaba al menos ${pct(increment)}.`,
  accumulatedDecrease: (actual: number, previous: number, expected: number | null) =>
    `El avance acumulado bajó a ${pct(actual)} desde ${pct(previous)} del periodo anterior; el acumulado no puede disminuir${expected === null ? '' : ` (se esperaba ${pct(expected)})`}.`,
  accumulatedDetail: (base: number, actual: number, target: number, weight: number, previousLabel: string | null) =>
    `${previousLabel ? `acumulado de ${previousLabel} ${pct(base)} + ` : ''}${num(actual)} / ${num(target)} × ${pct(weight)}`,
  relative: (actual: number, expected: number, absolute: number, goal: number) =>
    `El ACUMULADO RELATIVO es ${pct(actual, 0)} y debería ser ${pct(expected)} (${num(absolute)} / ${num(goal)}).`,
  noPreviousPeriod: (label: string) =>
    `El periodo anterior (${label}) no está en el libro: no se puede recalcular el acumulado; solo se revisó que no sea menor que el avance del periodo.`,
  absoluteWeight: (actual: number, expected: number, kind: string) =>
    `El AVANCE ABSOLUTO es ${pct(actual)} y en un reporte ${kind} debería ser ${pct(expected)}.`,
  absoluteSum: (actual: number, expected: number, quarter: number) =>
    `El AVANCE ABSOLUTO es ${num(actual)} y debería ser ${num(expected)}: la suma de lo alcanzado (A) hasta ${QUARTERS[quarter - 1]}.`,
  programmedSum: (sum: number, goal: number) => `La suma de lo programado (P) es ${num(sum)} y debería ser igual a la META ANUAL (${num(goal)}).`,
  futureValue: (quarter: number, value: number, cutoffQuarter: number) =>
    `Hay un avance alcanzado (${num(value)}) en ${QUARTERS[quarter - 1]}, posterior a la fecha de corte (${QUARTERS[cutoffQuarter - 1]}); se esperaba vacío.`,
  frequency: (written: string, kind: string) => `La FRECUENCIA DE MEDICIÓN dice "${written}" pero el bloque es ${kind}; se esperaba ${kind === 'mensual' ? 'MENSUAL' : 'TRIMESTRAL'}.`,
  underTarget: (compliance: number, color: string) => `Cumplimiento del periodo ${pct(compliance)} (semáforo ${color}): por debajo de la meta.`,
  overTarget: (compliance: number, color: string) =>
    `Cumplimiento del periodo ${pct(compliance)} (semáforo ${color}): muy por encima de la meta; puede indicar una meta mal planeada.`,
  missingJustification: (compliance: number, color: string, restated: boolean) =>
    `El cumplimiento es ${pct(compliance)} (semáforo ${color}) y OBSERVACIONES ${restated ? 'no explica la causa' : 'está vacío o no es una justificación'}; se requiere una justificación por estar fuera del rango verde.`,
  contradictoryMet: (compliance: number) => `OBSERVACIONES dice que se cumplió la meta, pero el cumplimiento es ${pct(compliance)}.`,
  contradictoryNotMet: (compliance: number) => `OBSERVACIONES dice que no se cumplió la meta, pero el cumplimiento es ${pct(compliance)}.`,
  observationTotal: (stated: number, actual: number, how: string) =>
    `OBSERVACIONES ${how} ${num(stated)}, pero VALOR ACTUAL es ${num(actual)}; deberían coincidir.`,
  observationItems: (sum: number, total: number) => `Las cifras listadas en OBSERVACIONES suman ${num(sum)}, pero el TOTAL escrito es ${num(total)}.`,
  targetChanged: (previous: number, current: number, label: string) =>
    `La META cambió de ${num(previous)} (${label}) a ${num(current)}; se esperaba la misma meta que el periodo anterior.`,
  duplicateDescription: (otherRow: number, otherName: string) =>
    `La DESCRIPCIÓN es idéntica a la del indicador "${otherName.slice(0, 60)}" (fila ${otherRow}); se esperaba la descripción propia de este indicador.`,
  outlierTarget: (actual: number, target: number) =>
    `VALOR ACTUAL ${num(actual)} es ${num(actual / target)} veces la META ${num(target)}; revise si es un error de captura.`,
  outlierSeries: (actual: number, median: number) =>
    `VALOR ACTUAL ${num(actual)} se aparta mucho de los otros periodos (mediana ${num(median)}); revise si es un error de captura.`,
  formulaKept: (formula: string) => `La celda tiene la fórmula ${formula.slice(0, 80)}; no se modificó.`,
  previousValue: (text: string) => `Valor anterior: ${text}.`,
};

export const cli = {
  usage: `Uso:
  poa validar <libro.xlsx> [--salida <archivo.xlsx>] [--json <archivo|->] [--hoja <nombre>]… [--tolerancia <pp>] [--semaforo <preset>]
  poa deshacer <libro.xlsx> [--salida <archivo.xlsx>]
  poa plantilla <libro.xlsx> [--salida <archivo.xlsx>] [--periodo <etiqueta>] [--unidad <clave>]… [--semaforo <preset>] [--proteger]
  poa --help

Comandos:
  validar    Recalcula los avances del POA, marca cada anomalía en su celda y escribe una copia validada
             (por omisión <libro>.validado.xlsx). El archivo original nunca se modifica.
  deshacer   Restaura las celdas que cambió una validación (diario oculto POA_DESHACER) en una copia
             (por omisión <libro>.restaurado.xlsx).
  plantilla  Agrega, por cada unidad, una hoja limpia del periodo siguiente, lista para capturar y con fórmulas
             (por omisión <libro>.plantilla.xlsx). El archivo original nunca se modifica.

Opciones de validar:
  --salida <archivo.xlsx>   Archivo de salida.
  --json <archivo|->        Escribe los hallazgos en JSON ("-" = salida estándar).
  --hoja <nombre>           Valida solo esa hoja (se puede repetir); las demás se leen para periodos anteriores.
  --tolerancia <pp>         Tolerancia para cifras impresas, en puntos porcentuales (por omisión 0.02).
  --semaforo <preset>       Rangos del semáforo: municipal (verde 90–110%, por omisión) o nuevo-leon (verde 95–105%).

Opciones de plantilla:
  --salida <archivo.xlsx>   Archivo de salida.
  --periodo <etiqueta>      Periodo de la plantilla: "feb-25", "SEGUNDO TRIMESTRE 2025" o "30-jun.-24" (por omisión, el siguiente).
  --unidad <clave>          Solo esa unidad (se puede repetir; por omisión, todas).
  --semaforo <preset>       Rangos del semáforo de las fórmulas (como en validar).
  --proteger                Protege las hojas nuevas; solo las celdas de captura quedan editables.

Códigos de salida: 0 sin errores; 1 hay hallazgos de severidad error; 2 uso incorrecto o archivo ilegible.`,
  unknownCommand: (c: string) => `Comando desconocido: "${c}". Use "poa --help".`,
  missingFile: () => 'Falta el libro .xlsx. Use "poa --help".',
  unknownOption: (o: string) => `Opción desconocida: ${o}. Use "poa --help".`,
  missingOptionValue: (o: string) => `La opción ${o} necesita un valor.`,
  badTolerance: (v: string) => `Tolerancia inválida: "${v}". Use un número de puntos porcentuales, por ejemplo 0.02.`,
  badPreset: (v: string, presets: string[]) => `Semáforo desconocido: "${v}". Opciones: ${presets.join(', ')}.`,
  notFound: (f: string) => `No se encontró el archivo: ${f}`,
  unreadable: (f: string) => `No se puede leer el archivo (¿es una carpeta o no tiene permisos?): ${f}`,
  notXlsx: (f: string) => `El archivo no es un libro de Excel .xlsx válido: ${f}`,
  encrypted: (f: string) => `El libro está protegido con contraseña y no se puede leer: ${f}`,
  noPoaSheet: (f: string) => `El libro no contiene ninguna hoja POA reconocida: ${f}`,
  sheetMissing: (s: string) => `No existe la hoja "${s}" en el libro.`,
  sameOutput: () => 'El archivo de salida no puede ser el mismo que el de entrada: el original nunca se sobrescribe.',
  wrote: (f: string) => `Copia validada: ${f}`,
  wroteJson: (f: string) => `Hallazgos en JSON: ${f}`,
  summaryLine: (e: number, w: number, i: number) => `Total: ${e} errores, ${w} advertencias, ${i} avisos.`,
  sheetLine: (name: string, layout: string, period: string | null) => `Hoja "${name}" (${layout}${period ? `, ${period}` : ''})`,
  notPoaLine: (name: string) => `Hoja "${name}": no es un reporte POA; sin cambios.`,
  protectedLine: () => '  La hoja está protegida: se validó sin modificarla (quite la protección para aplicar las correcciones).',
  unitLine: (unit: string, name: string, e: number, w: number, i: number, v: number, a: number, r: number) =>
    `  Unidad ${unit}${name ? ` ${name}` : ''}: ${e} errores, ${w} advertencias, ${i} avisos; semáforo ${v} verde, ${a} amarillo, ${r} rojo`,
  layoutName: { indicators: 'indicadores', programmatic: 'avance programático TMM-F004' } as Record<string, string>,
  noJournal: (f: string) => `El libro no tiene cambios de POA Validador que deshacer: ${f}`,
  restored: (n: number, f: string) => `Se restauraron ${n} celdas: ${f}`,
  unexpected: (m: string) => `Error inesperado: ${m}`,
};
