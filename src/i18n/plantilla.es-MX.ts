/** Spanish (es-MX) text of the "Plantilla" feature: template labels, notices and CLI messages. */

/** Format A header (two rows): group labels and leaf labels, in column order A..R. */
export const INDICATOR_HEADER = {
  lineOfAction: 'LINEA DE ACCION',
  objective: 'OBJETIVO',
  unitGroup: 'UNIDAD RESPONSABLE',
  unitKey: 'CLAVE',
  unitName: 'NOMBRE',
  action: 'ACCIONES OPERATIVAS',
  progressGroup: 'AVANCE FISICO',
  annualGoal: 'META ANUAL',
  absolute: 'AVANCE ABSOLUTO',
  accumulated: 'AVANCE %/ META ANUAL',
  comments: 'COMENTARIOS',
  indicatorGroup: 'INDICADOR DE DESEMPEÑO',
  indicatorName: 'NOMBRE',
  description: 'DESCRIPCION',
  target: 'META',
  measureUnit: 'UNIDAD MEDIDA',
  frequency: 'FRECUENCIA DE MEDICION',
  actual: 'VALOR ACTUAL',
  observations: 'OBSERVACIONES',
  compliance: 'CUMPLIMIENTO %',
  semaforo: 'SEMÁFORO',
};

/** Format B (TMM-F004) header (three rows). */
export const PROGRAMMATIC_HEADER = {
  lineOfAction: 'L/A',
  description: 'METAS Y ACCIONES',
  measureUnit: 'UNIDAD DE MEDIDA',
  annualGoal: 'META ANUAL',
  period: 'PERIODO',
  quarters: ['Ene-Mar', 'Abr-Jun', 'Jul-Sep', 'Oct-Dic'],
  planned: 'P',
  achieved: 'A',
  absolute: 'AVANCE ABSOLUTO',
  relative: 'ACUMULADO RELATIVO',
  observations: 'OBSERVACIONES',
  compliance: 'CUMPLIMIENTO %',
  semaforo: 'SEMÁFORO',
};

export const CUTOFF_LABEL = 'FECHA';
export const SIGNATURE_HEADINGS = ['ELABORÓ', 'REVISÓ', 'AUTORIZÓ'];

/** Data validation of the input cells. */
export const INPUT_VALIDATION = {
  errorTitle: 'Valor no válido',
  error: 'Capture un número mayor o igual a cero.',
  promptTitle: 'Captura',
  prompt: 'Número mayor o igual a cero.',
};

export const plantillaMsg = {
  newYear: (sheet: string, from: string, to: string) =>
    `"${sheet}": ${to} inicia un nuevo año del POA (el último periodo es ${from}); el avance acumulado empieza en cero. Revise el título, las metas y lo programado del nuevo año.`,
  gap: (sheet: string, from: string, to: string) =>
    `"${sheet}": el último periodo en el libro es ${from} y la plantilla es de ${to}; se arrastra el acumulado de ${from} (faltan periodos intermedios).`,
  noAccumulated: (sheet: string, indicator: string) =>
    `"${sheet}": no se pudo determinar el avance acumulado anterior de "${indicator.slice(0, 60)}"; se tomó 0%. Revíselo antes de capturar.`,
  kindMismatch: (unit: string, chosen: string, kind: string) =>
    `Unidad ${unit}: el periodo ${chosen} no corresponde a su reporte ${kind}; no se generó plantilla.`,
  noEarlier: (unit: string, chosen: string) =>
    `Unidad ${unit}: el libro no tiene un periodo anterior a ${chosen}; no se generó plantilla.`,
  noPeriod: (sheet: string) => `La hoja "${sheet}" tiene un bloque sin periodo reconocible; no se usó para las plantillas.`,
  kindName: { month: 'mensual', quarter: 'trimestral' } as Record<string, string>,
};

export const plantillaCli = {
  badPeriod: (v: string) =>
    `Periodo no reconocido: "${v}". Use un mes ("feb-25"), un trimestre ("SEGUNDO TRIMESTRE 2025") o una fecha de corte ("30-jun.-24").`,
  unknownUnit: (u: string, known: string[]) => `No hay una unidad "${u}" en las hojas POA del libro. Unidades: ${known.join(', ')}.`,
  sheetExists: (name: string) => `La hoja "${name}" ya existe en el libro; no se sobrescribe.`,
  noTemplates: () => 'No se generó ninguna plantilla con el periodo y las unidades indicados.',
  wrote: (n: number, f: string) => `Se agregaron ${n} hojas de plantilla: ${f}`,
  sheetLine: (name: string, unit: string, period: string) => `  Hoja "${name}": unidad ${unit}, ${period}`,
};

/** Messages of the add-in's Plantilla run (Office.js adapter). */
export const plantillaExcel = {
  noPoaSheet:
    'El libro no tiene hojas de reporte POA reconocibles (formato de indicadores o TMM-F004 con su periodo): ' +
    'no hay de qué hacer plantillas.',
  workbookProtected:
    'La estructura del libro está protegida: no se pueden agregar hojas. Quite la protección (Revisar > Proteger libro) y vuelva a intentarlo.',
  noUnits: 'Elija al menos una unidad.',
  unknownUnits: (units: string[], known: string[]) =>
    `${units.length === 1 ? `La unidad ${units[0]} ya no está` : `Las unidades ${units.join(', ')} ya no están`} en las hojas POA del libro. ` +
    `Unidades: ${known.join(', ')}.`,
  insertFailed: (detail: string) => `No se pudieron insertar las plantillas: ${detail}`,
  removedPartial: 'Se quitaron las hojas nuevas que alcanzaron a agregarse; el libro quedó como estaba.',
  checkPartial: 'Revise si quedaron hojas de plantilla incompletas al final del libro y elimínelas.',
};
