/** Format A template section: title and context, period, two-row header, one row per action and indicator. */
import type { IndicatorBlock, IndicatorRow, Period } from '../model';
import type { SemaforoBands } from '../options';
import { dateToSerial, periodLabel } from '../periods';
import { INDICATOR_HEADER as H } from '../../i18n/plantilla.es-MX';
import { accumulatedFormula, ratioFormula, semaforoFormula } from './formulas';
import { writePreamble } from './preamble';
import { keyValue, type SheetBuilder } from './sheetBuilder';
import { numberOf } from './sources';
import { HEADER_STYLE, INPUT_STYLE, addInputValidation, addSemaforoFormats, numberFormatOf } from './style';

/** Columns of a format A template (A..R). */
export const IND = {
  lineOfAction: 1, objective: 2, unitKey: 3, unitName: 4, action: 5, annualGoal: 6, absolute: 7, accumulated: 8, comments: 9,
  indicatorName: 10, description: 11, target: 12, measureUnit: 13, frequency: 14, actual: 15, observations: 16, compliance: 17, semaforo: 18,
} as const;
export const IND_WIDTH = 18;
export const IND_COLUMN_WIDTHS = [10, 40, 8, 26, 40, 10, 12, 13, 36, 26, 40, 11, 14, 14, 12, 40, 15, 12];

export interface IndicatorSectionInput {
  block: IndicatorBlock;
  /** The unit's rows of the block. */
  rows: IndicatorRow[];
  period: Period;
  /** Accumulated progress carried from the previous period, per row (fraction). */
  carried: number[];
  /** AVANCE ABSOLUTO (period weight, fraction), per row. */
  weights: number[];
  bands: SemaforoBands;
  retitle: (text: string) => string;
}

export interface SectionResult {
  header: { first: number; last: number };
  /** First free row after the section. */
  end: number;
}

function writePeriod(b: SheetBuilder, row: number, col: number, period: Period): void {
  if (period.kind === 'month') {
    b.set({ row, col, value: dateToSerial({ year: period.year, month: period.index, day: 1 }), numberFormat: 'mmm-yy', bold: true, horizontal: 'left' });
  } else b.text(row, col, periodLabel(period), { bold: true, horizontal: 'left' });
}

function writeHeader(b: SheetBuilder, top: number): void {
  const down = (col: number, text: string) => {
    b.text(top, col, text, HEADER_STYLE);
    b.set({ row: top + 1, col, ...HEADER_STYLE });
    b.merge(top, col, top + 1, col);
  };
  const group = (from: number, to: number, text: string) => {
    b.text(top, from, text, HEADER_STYLE);
    for (let c = from + 1; c <= to; c++) b.set({ row: top, col: c, ...HEADER_STYLE });
    b.merge(top, from, top, to);
  };
  down(IND.lineOfAction, H.lineOfAction);
  down(IND.objective, H.objective);
  group(IND.unitKey, IND.unitName, H.unitGroup);
  down(IND.action, H.action);
  group(IND.annualGoal, IND.comments, H.progressGroup);
  group(IND.indicatorName, IND.observations, H.indicatorGroup);
  down(IND.compliance, H.compliance);
  down(IND.semaforo, H.semaforo);
  const leaves: [number, string][] = [
    [IND.unitKey, H.unitKey], [IND.unitName, H.unitName], [IND.annualGoal, H.annualGoal], [IND.absolute, H.absolute],
    [IND.accumulated, H.accumulated], [IND.comments, H.comments], [IND.indicatorName, H.indicatorName], [IND.description, H.description],
    [IND.target, H.target], [IND.measureUnit, H.measureUnit], [IND.frequency, H.frequency], [IND.actual, H.actual], [IND.observations, H.observations],
  ];
  for (const [col, text] of leaves) b.text(top + 1, col, text, HEADER_STYLE);
}

/** Writes a column's value at the top of each run of equal values (within a unit) and merges the run. */
function mergedColumn(b: SheetBuilder, rows: IndicatorRow[], first: number, col: number, valueOf: (r: IndicatorRow) => string, asKey = false): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && valueOf(rows[i]) === valueOf(rows[start]) && rows[i].unitKey === rows[start].unitKey) continue;
    const text = valueOf(rows[start]);
    const value = asKey ? keyValue(text) : text;
    if (typeof value === 'number') b.set({ row: first + start, col, value, border: true });
    else b.text(first + start, col, value ?? '', { border: true, wrap: true });
    for (let j = start + 1; j < i; j++) b.set({ row: first + j, col, border: true });
    b.merge(first + start, col, first + i - 1, col);
    start = i;
  }
}

/** Actions: a row and the continuation rows below it share one merged ACCIONES OPERATIVAS (and COMENTARIOS) cell. */
function actionColumns(b: SheetBuilder, rows: IndicatorRow[], first: number): void {
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].continuation) continue;
    const run = rows.slice(start, i);
    b.text(first + start, IND.action, rows[start].action, { border: true, wrap: true });
    b.merge(first + start, IND.action, first + i - 1, IND.action);
    const shareComments = run.slice(1).every((r) => !r.comments);
    run.forEach((r, k) => {
      if (k > 0) b.set({ row: first + start + k, col: IND.action, border: true });
      if (k === 0 || !shareComments) b.text(first + start + k, IND.comments, r.comments, { border: true, wrap: true, locked: false });
      else b.set({ row: first + start + k, col: IND.comments, border: true, locked: false });
    });
    if (shareComments) b.merge(first + start, IND.comments, first + i - 1, IND.comments);
    start = i;
  }
}

function copiedNumber(b: SheetBuilder, row: number, col: number, cell: IndicatorRow['target'], percent: boolean): void {
  const n = numberOf(cell, percent);
  if (n !== null) b.set({ row, col, value: n, numberFormat: numberFormatOf(n, percent, cell?.numberFormat), border: true });
  else b.text(row, col, cell && typeof cell.raw === 'string' ? cell.raw.trim() : '', { border: true });
}

export function addIndicatorSection(b: SheetBuilder, input: IndicatorSectionInput, top: number): SectionResult {
  const { block, rows } = input;
  const headerTop = writePreamble(b, {
    context: block.context,
    sourceFirstCol: block.firstCol,
    sourceTop: block.preambleTop,
    sourceBottom: block.headerTop - 1,
    width: IND_WIDTH,
    anchor: block.periodCell,
    write: (sb, r, c) => writePeriod(sb, r, c, input.period),
    retitle: input.retitle,
  }, top);
  writeHeader(b, headerTop);
  const first = headerTop + 2;
  mergedColumn(b, rows, first, IND.lineOfAction, (r) => r.lineOfAction, true);
  mergedColumn(b, rows, first, IND.objective, (r) => r.objective);
  mergedColumn(b, rows, first, IND.unitKey, (r) => r.unitKey, true);
  mergedColumn(b, rows, first, IND.unitName, (r) => r.unitName);
  actionColumns(b, rows, first);
  rows.forEach((r, i) => {
    const row = first + i;
    const at = (col: number) => ({ row, col });
    copiedNumber(b, row, IND.annualGoal, r.annualGoal, true);
    b.set({ row, col: IND.absolute, value: input.weights[i], numberFormat: '0.00%', border: true });
    b.set({
      row, col: IND.accumulated, formula: accumulatedFormula(at(IND.actual), at(IND.target), at(IND.absolute), input.carried[i]),
      result: input.carried[i], numberFormat: '0.00%', border: true,
    });
    b.text(row, IND.indicatorName, r.indicatorName, { border: true, wrap: true });
    b.text(row, IND.description, r.description?.text ?? '', { border: true, wrap: true });
    copiedNumber(b, row, IND.target, r.target, false);
    b.text(row, IND.measureUnit, r.measureUnit, { border: true, wrap: true });
    b.text(row, IND.frequency, r.frequency?.text ?? '', { border: true });
    b.set({ row, col: IND.actual, value: null, ...INPUT_STYLE });
    b.set({ row, col: IND.observations, value: null, ...INPUT_STYLE, wrap: true });
    b.set({ row, col: IND.compliance, formula: ratioFormula(at(IND.actual), at(IND.target)), result: '', numberFormat: '0.00%', border: true });
    b.set({ row, col: IND.semaforo, formula: semaforoFormula(at(IND.compliance), input.bands), result: '', bold: true, horizontal: 'center', border: true });
  });
  const last = first + rows.length - 1;
  if (rows.length) {
    addInputValidation(b, { top: first, left: IND.actual, bottom: last, right: IND.actual });
    addSemaforoFormats(b, first, last, IND.compliance, IND.semaforo);
  }
  return { header: { first: headerTop, last: headerTop + 1 }, end: last + 1 };
}
