/** Format B (TMM-F004) template section: header block with the new cut-off, P carried, A of the new quarter to capture. */
import type { ContextLine, ProgrammaticBlock, ProgrammaticRow } from '../model';
import type { SemaforoBands } from '../options';
import { dateToSerial, formatDateEs, type CalendarDate } from '../periods';
import { fold } from '../text';
import { CUTOFF_LABEL, PROGRAMMATIC_HEADER as H, SIGNATURE_HEADINGS } from '../../i18n/plantilla.es-MX';
import { ratioFormula, semaforoFormula, sumFormula } from './formulas';
import { writePreamble } from './preamble';
import { keyValue, type SheetBuilder } from './sheetBuilder';
import { numberOf } from './sources';
import { HEADER_STYLE, INPUT_STYLE, addInputValidation, addSemaforoFormats, numberFormatOf } from './style';
import type { SectionResult } from './indicatorTemplate';

/** Columns of a TMM-F004 template (A..Q); P/A of quarter q are planned(q) / planned(q) + 1. */
export const PRG = { lineOfAction: 1, description: 2, measureUnit: 3, annualGoal: 4, absolute: 13, relative: 14, observations: 15, compliance: 16, semaforo: 17 } as const;
export const planned = (q: number): number => 5 + 2 * (q - 1);
export const achieved = (q: number): number => planned(q) + 1;
export const PRG_WIDTH = 17;
export const PRG_COLUMN_WIDTHS = [18, 55, 16, 10, 8, 8, 8, 8, 8, 8, 8, 8, 12, 14, 40, 15, 12];

export interface ProgrammaticSectionInput {
  block: ProgrammaticBlock;
  /** The new cut-off (last day of the template's quarter) and its quarter. */
  cutoff: CalendarDate;
  quarter: number;
  /** A new POA year: no A value is carried. */
  newYear: boolean;
  bands: SemaforoBands;
  retitle: (text: string) => string;
  /** Write ELABORÓ / REVISÓ / AUTORIZÓ headings when the block has no signature block of its own. */
  standardSignatures: boolean;
}

/** Columns of the signature headings when the source has none (under METAS, Abr-Jun P and AVANCE ABSOLUTO). */
const SIGNATURE_COLS = [PRG.description, planned(2), PRG.absolute];

function writeCutoff(b: SheetBuilder, block: ProgrammaticBlock, cutoff: CalendarDate, row: number, col: number): void {
  const at = block.cutoffCell;
  const source = at ? block.context.find((l) => l.row === at.row && l.col === at.col)?.text ?? '' : '';
  if (/^\d+(\.\d+)?$/.test(source)) {
    b.set({ row, col, value: dateToSerial(cutoff), numberFormat: 'd-mmm-yy', bold: true });
    return;
  }
  const labelled = !source || source.includes(':') || /^(FECHA|CORTE)/.test(fold(source));
  const label = source.includes(':') ? source.slice(0, source.indexOf(':')).trim() : CUTOFF_LABEL;
  b.text(row, col, labelled ? `${label}: ${formatDateEs(cutoff)}` : formatDateEs(cutoff), { bold: true });
}

function writeHeader(b: SheetBuilder, top: number): void {
  const down = (col: number, text: string) => {
    b.text(top, col, text, HEADER_STYLE);
    for (const r of [top + 1, top + 2]) b.set({ row: r, col, ...HEADER_STYLE });
    b.merge(top, col, top + 2, col);
  };
  down(PRG.lineOfAction, H.lineOfAction);
  down(PRG.description, H.description);
  down(PRG.measureUnit, H.measureUnit);
  down(PRG.annualGoal, H.annualGoal);
  b.text(top, planned(1), H.period, HEADER_STYLE);
  for (let c = planned(1) + 1; c <= achieved(4); c++) b.set({ row: top, col: c, ...HEADER_STYLE });
  b.merge(top, planned(1), top, achieved(4));
  H.quarters.forEach((label, i) => {
    const q = i + 1;
    b.text(top + 1, planned(q), label, HEADER_STYLE);
    b.set({ row: top + 1, col: achieved(q), ...HEADER_STYLE });
    b.merge(top + 1, planned(q), top + 1, achieved(q));
    b.text(top + 2, planned(q), H.planned, HEADER_STYLE);
    b.text(top + 2, achieved(q), H.achieved, HEADER_STYLE);
  });
  down(PRG.absolute, H.absolute);
  down(PRG.relative, H.relative);
  down(PRG.observations, H.observations);
  down(PRG.compliance, H.compliance);
  down(PRG.semaforo, H.semaforo);
}

function numberCell(b: SheetBuilder, row: number, col: number, value: number | null): void {
  b.set({ row, col, value, numberFormat: value === null ? undefined : numberFormatOf(value, false), border: true });
}

function writeRow(b: SheetBuilder, r: ProgrammaticRow, row: number, input: ProgrammaticSectionInput): void {
  const at = (col: number) => ({ row, col });
  const lineOfAction = keyValue(r.lineOfAction);
  if (typeof lineOfAction === 'number') b.set({ row, col: PRG.lineOfAction, value: lineOfAction, border: true });
  else b.text(row, PRG.lineOfAction, lineOfAction ?? '', { border: true, wrap: true });
  b.text(row, PRG.description, r.description, { border: true, wrap: true });
  b.text(row, PRG.measureUnit, r.measureUnit, { border: true, wrap: true });
  const goal = numberOf(r.annualGoal);
  if (goal === null && r.annualGoal && typeof r.annualGoal.raw === 'string') b.text(row, PRG.annualGoal, r.annualGoal.raw.trim(), { border: true });
  else numberCell(b, row, PRG.annualGoal, goal);
  const q = input.quarter;
  for (let k = 1; k <= 4; k++) {
    numberCell(b, row, planned(k), numberOf(r.planned[k - 1]));
    if (k === q) b.set({ row, col: achieved(k), value: null, ...INPUT_STYLE });
    else numberCell(b, row, achieved(k), k < q && !input.newYear ? numberOf(r.achieved[k - 1]) : null);
  }
  const carried = Array.from({ length: q - 1 }, (_, i) => (input.newYear ? 0 : numberOf(r.achieved[i]) ?? 0)).reduce((s, v) => s + v, 0);
  b.set({ row, col: PRG.absolute, formula: sumFormula(Array.from({ length: q }, (_, i) => at(achieved(i + 1)))), result: carried, border: true });
  b.set({
    row, col: PRG.relative, formula: ratioFormula(at(PRG.absolute), at(PRG.annualGoal)),
    result: goal !== null && goal > 0 ? carried / goal : '', numberFormat: '0.00%', border: true,
  });
  b.set({ row, col: PRG.observations, value: null, ...INPUT_STYLE, wrap: true });
  b.set({ row, col: PRG.compliance, formula: ratioFormula(at(achieved(q)), at(planned(q))), result: '', numberFormat: '0.00%', border: true });
  b.set({ row, col: PRG.semaforo, formula: semaforoFormula(at(PRG.compliance), input.bands), result: '', bold: true, horizontal: 'center', border: true });
}

export function addProgrammaticSection(b: SheetBuilder, input: ProgrammaticSectionInput, top: number): SectionResult {
  const { block } = input;
  const headerTop = writePreamble(b, {
    context: block.context,
    sourceFirstCol: block.firstCol,
    sourceTop: block.preambleTop,
    sourceBottom: block.headerTop - 1,
    width: PRG_WIDTH,
    anchor: block.cutoffCell,
    write: (sb, r, c) => writeCutoff(sb, block, input.cutoff, r, c),
    retitle: input.retitle,
  }, top);
  writeHeader(b, headerTop);
  const first = headerTop + 3;
  block.rows.forEach((r, i) => writeRow(b, r, first + i, input));
  const last = first + block.rows.length - 1;
  if (block.rows.length) {
    const q = achieved(input.quarter);
    addInputValidation(b, { top: first, left: q, bottom: last, right: q });
    addSemaforoFormats(b, first, last, PRG.compliance, PRG.semaforo);
  }
  let end = Math.max(last, headerTop + 2) + 1;
  const lines = block.signatureLines ?? [];
  if (lines.length || input.standardSignatures) end = writeSignatures(b, lines, block.firstCol, end + 1);
  return { header: { first: headerTop, last: headerTop + 2 }, end };
}

/** The ELABORÓ / REVISÓ / AUTORIZÓ block as in the source (or the three headings alone); returns the next free row. */
function writeSignatures(b: SheetBuilder, lines: ContextLine[], sourceFirstCol: number, top: number): number {
  if (!lines.length) {
    SIGNATURE_HEADINGS.forEach((text, i) => b.text(top, SIGNATURE_COLS[i], text, { bold: true, horizontal: 'center' }));
    return top + 4;
  }
  const firstRow = Math.min(...lines.map((l) => l.row));
  let end = top;
  for (const l of lines) {
    const row = top + (l.row - firstRow);
    const col = Math.min(PRG_WIDTH, Math.max(1, l.col - sourceFirstCol + 1));
    b.text(row, col, l.text, { bold: l.row === firstRow, horizontal: 'center' });
    end = Math.max(end, row + 1);
  }
  return end;
}
