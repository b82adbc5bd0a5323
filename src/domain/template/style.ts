/** Shared look of the templates: header cells, input cells, validation and semáforo colours. */
import { SEMAFORO_FILL } from '../plan';
import { SEMAFORO_TEXT } from '../../i18n/es-MX';
import { INPUT_VALIDATION } from '../../i18n/plantilla.es-MX';
import { semaforoIs } from './formulas';
import type { SheetBuilder } from './sheetBuilder';
import type { CellRange, TemplateCell } from './types';

export const HEADER_FILL = 'FFD9E1F2';
/** Tint of the cells to capture. */
export const INPUT_FILL = 'FFFFF2CC';

type Style = Omit<TemplateCell, 'row' | 'col'>;
export const HEADER_STYLE: Style = { bold: true, fill: HEADER_FILL, horizontal: 'center', wrap: true, border: true };
export const INPUT_STYLE: Style = { fill: INPUT_FILL, locked: false, border: true };

/** Number format of a copied number: percentages as in the source (0% / 0.00%), counts with thousands. */
export function numberFormatOf(n: number, percent: boolean, source?: string): string | undefined {
  if (percent) return source && /%/.test(source) ? source : Number.isInteger(n * 100) ? '0%' : '0.00%';
  return Number.isInteger(n) ? '#,##0' : undefined;
}

/** Input cells accept a number ≥ 0 (blank allowed). */
export function addInputValidation(b: SheetBuilder, range: CellRange): void {
  b.validations.push({ range, type: 'decimal', operator: 'greaterThanOrEqual', value: 0, allowBlank: true, ...INPUT_VALIDATION });
}

/** CUMPLIMIENTO % coloured by the row's semáforo; SEMÁFORO coloured by its text. */
export function addSemaforoFormats(b: SheetBuilder, first: number, last: number, complianceCol: number, semaforoCol: number): void {
  const colors = ['verde', 'amarillo', 'rojo'] as const;
  b.conditionalFormats.push({
    range: { top: first, left: complianceCol, bottom: last, right: complianceCol },
    rules: colors.map((c) => ({ type: 'expression' as const, formula: semaforoIs({ row: first, col: semaforoCol }, SEMAFORO_TEXT[c]), fill: SEMAFORO_FILL[c] })),
  });
  b.conditionalFormats.push({
    range: { top: first, left: semaforoCol, bottom: last, right: semaforoCol },
    rules: colors.map((c) => ({ type: 'text' as const, text: SEMAFORO_TEXT[c], fill: SEMAFORO_FILL[c] })),
  });
}
