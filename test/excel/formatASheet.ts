/**
 * A format A ("indicadores de desempeño") sheet for the Excel fake, of any size: title rows,
 * the period as a date cell 'mmm-yy' (ene-25), four context lines, the two-row header and
 * `rows` data rows in units of `unitSize` rows (unit columns merged down).
 */
import type { FakeSheetData, FakeValue } from '../fakes/excelFake';

const TOP = [
  'LINEA DE ACCION', 'OBJETIVO', 'UNIDAD RESPONSABLE', '', 'ACCIONES OPERATIVAS', 'AVANCE FISICO', '', '', '',
  'INDICADOR DE DESEMPEÑO', '', '', '', '', '', '',
];
const SUB = [
  '', '', 'CLAVE', 'NOMBRE', '', 'META ANUAL', 'AVANCE ABSOLUTO', 'AVANCE %/ META ANUAL', 'COMENTARIOS',
  'NOMBRE', 'DESCRIPCION', 'META', 'UNIDAD MEDIDA', 'FRECUENCIA DE MEDICION', 'VALOR ACTUAL', 'OBSERVACIONES',
];
export const WIDTH = TOP.length; // A..P
export const HEADER_ROW = 8;
export const FIRST_DATA_ROW = 10;
/** 1 January 2025 as an Excel serial date. */
export const ENE_25 = 45658;

const PCT2 = '0.00%';

/** January's accumulated progress as the office rounds it: actual / target × 8.33, two decimals, as a fraction. */
export function januaryAccumulated(actual: number, target: number): number {
  return Number((Math.round((actual / target) * 8.33 * 100) / 100 / 100).toFixed(6));
}

export interface FormatAOptions {
  rows: number;
  unitSize?: number;
  name?: string;
  /** Every n-th row prints a wrong accumulated figure (0 = never). */
  wrongEvery?: number;
}

export function formatASheet(opts: FormatAOptions): FakeSheetData {
  const unitSize = opts.unitSize ?? 5;
  const values: (FakeValue | null)[][] = [];
  const formats: (string | null)[][] = [];
  const line = (cells: (FakeValue | null)[], fmts: (string | null)[] = []) => {
    values.push(Array.from({ length: WIDTH }, (_, i) => cells[i] ?? null));
    formats.push(Array.from({ length: WIDTH }, (_, i) => fmts[i] ?? null));
  };
  line(['PROGRAMA OPERATIVO ANUAL 2025']);
  line(['GERENCIA COMERCIAL']);
  line([ENE_25], ['mmm-yy']);
  line(['PILAR DE DESARROLLO: 4 GOBIERNO EFICIENTE']);
  line(['PROGRAMA DE DESARROLLO: 4.1 FINANZAS SANAS']);
  line(['ESTRATEGIA: 4.1.2 INCREMENTAR LA RECAUDACION']);
  line(['EJE TRANSVERSAL: IGUALDAD DE GENERO']);
  line(TOP.map((t) => t || null));
  line(SUB.map((t) => t || null));
  const merges = ['A1:P1', 'A2:P2', 'A4:P4', 'A5:P5', 'A6:P6', 'A7:P7', 'A8:A9', 'B8:B9', 'C8:D8', 'E8:E9', 'F8:I8', 'J8:P8'];

  for (let i = 0; i < opts.rows; i++) {
    const row = FIRST_DATA_ROW + i;
    const unit = Math.floor(i / unitSize);
    const first = i % unitSize === 0;
    const target = 100 + (i % 7) * 50;
    const actual = Math.round(target * (0.96 + (i % 9) * 0.01));
    const wrong = opts.wrongEvery && i % opts.wrongEvery === opts.wrongEvery - 1;
    const accumulated = januaryAccumulated(actual, target) + (wrong ? 0.05 : 0);
    line(
      [
        first ? (unit % 9) + 1 : null,
        first ? `OBJETIVO DE LA UNIDAD ${300 + unit}` : null,
        first ? 300 + unit : null,
        first ? `COORDINACION ${300 + unit}` : null,
        `ACCION OPERATIVA ${i + 1}`,
        1,
        0.0833,
        accumulated,
        'SE REALIZARON LAS ACTIVIDADES PROGRAMADAS',
        `INDICADOR ${i + 1}`,
        `PORCENTAJE DE AVANCE DEL INDICADOR ${i + 1}`,
        target,
        'CORTES',
        'MENSUAL',
        actual,
        null,
      ],
      [null, null, null, null, null, '0%', PCT2, PCT2],
    );
    if (first && unitSize > 1 && i + unitSize <= opts.rows) {
      for (const col of ['A', 'B', 'C', 'D']) merges.push(`${col}${row}:${col}${row + unitSize - 1}`);
    }
  }
  return { name: opts.name ?? 'ene-25', table: { at: 'A1', values, numberFormats: formats }, merges };
}
