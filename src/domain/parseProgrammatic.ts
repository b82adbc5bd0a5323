import type { Grid } from './grid';
import type { HeaderBand } from './headers';
import type { ContextLine, ProgrammaticBlock, ProgrammaticField, ProgrammaticRow } from './model';
import { isDateFormat } from './numbers';
import { parseDateText, serialToDate, type CalendarDate } from './periods';
import { blockBase, contextLines, numAt, textAt, unitKeyText, yearFromLines } from './parseCommon';
import { cellText, fold, isBlank } from './text';

const SIGNATURE = /^(ELABORO|REVISO|AUTORIZO|VO BO|VOBO)\b/;

function findCutoff(grid: Grid, from: number, to: number): { date: CalendarDate; row: number; col: number } | null {
  for (let r = to; r >= from; r--) {
    const texts = grid.rowTexts(r);
    for (let i = 0; i < texts.length; i++) {
      const { col, text } = texts[i];
      const f = fold(text);
      if (!f.startsWith('FECHA') && !f.startsWith('FECHA DE CORTE') && !f.startsWith('CORTE')) continue;
      const inline = parseDateText(text.replace(/^[^:]*:/, ''));
      if (inline) return { date: inline, row: r, col };
      // "FECHA:" followed by a date cell or date text to its right
      for (let j = i + 1; j < texts.length; j++) {
        const v = grid.value(r, texts[j].col);
        if (typeof v === 'number' && isDateFormat(grid.numberFormat(r, texts[j].col))) {
          const d = serialToDate(v);
          if (d) return { date: d, row: r, col: texts[j].col };
        }
        const d = parseDateText(texts[j].text);
        if (d) return { date: d, row: r, col: texts[j].col };
      }
    }
  }
  return null;
}

function findUnit(grid: Grid, from: number, to: number): { key: string; name: string } {
  for (let r = from; r <= to; r++) {
    const texts = grid.rowTexts(r);
    for (let i = 0; i < texts.length; i++) {
      const f = fold(texts[i].text);
      if (!f.startsWith('UNIDAD EJECUTORA') && !f.startsWith('UNIDAD RESPONSABLE')) continue;
      const rest = texts[i].text.replace(/^[^:]*:/, '').trim();
      const sameCell = rest !== texts[i].text.trim() ? rest : f.replace(/^UNIDAD (EJECUTORA|RESPONSABLE)\s*/, '');
      if (sameCell && /^\d/.test(sameCell)) {
        const key = unitKeyText(sameCell);
        return { key, name: sameCell.slice(key.length).trim() };
      }
      const next = texts.slice(i + 1).map((t) => t.text);
      if (next.length) return { key: unitKeyText(grid.value(r, texts[i + 1].col)), name: next.slice(1).join(' ') };
    }
  }
  return { key: '', name: '' };
}

export function parseProgrammaticBlock(grid: Grid, band: HeaderBand, preambleTop: number, dataEnd: number): ProgrammaticBlock {
  const cols = band.columns as Partial<Record<ProgrammaticField, number>>;
  const context = contextLines(grid, preambleTop, band.top - 1);
  const cutoff = findCutoff(grid, preambleTop, band.top - 1);
  const unit = findUnit(grid, preambleTop, band.top - 1);
  const rows: ProgrammaticRow[] = [];
  const signatureRows: number[] = [];
  const signatureLines: ContextLine[] = [];
  let lastRow = band.bottom;
  let inSignatures = false;
  const numericCols = ['annualGoal', 'planned1', 'achieved1', 'planned2', 'achieved2', 'planned3', 'achieved3', 'planned4', 'achieved4', 'absolute'] as const;
  for (let r = band.bottom + 1; r <= dataEnd; r++) {
    const texts = grid.rowTexts(r);
    if (!texts.length) continue;
    if (inSignatures || texts.some((t) => SIGNATURE.test(fold(t.text)))) {
      inSignatures = true;
      signatureRows.push(r);
      for (const t of texts) signatureLines.push({ row: r, col: t.col, text: t.text });
      lastRow = r;
      continue;
    }
    const hasDescription = cols.description !== undefined && !isBlank(grid.value(r, cols.description));
    const numbers = numericCols.filter((f) => cols[f] !== undefined && !isBlank(grid.value(r, cols[f] as number))).length;
    if (!hasDescription || numbers === 0) continue;
    rows.push({
      row: r,
      lineOfAction: cols.lineOfAction !== undefined ? cellText(grid.mergedValue(r, cols.lineOfAction)) : '',
      description: cellText(grid.value(r, cols.description as number)),
      measureUnit: cols.measureUnit !== undefined ? cellText(grid.value(r, cols.measureUnit)) : '',
      annualGoal: numAt(grid, r, cols.annualGoal),
      planned: [1, 2, 3, 4].map((q) => numAt(grid, r, cols[`planned${q}` as ProgrammaticField])),
      achieved: [1, 2, 3, 4].map((q) => numAt(grid, r, cols[`achieved${q}` as ProgrammaticField])),
      absolute: numAt(grid, r, cols.absolute),
      relative: numAt(grid, r, cols.relative),
      observations: textAt(grid, r, cols.observations),
    });
    lastRow = r;
  }
  return {
    layout: 'programmatic',
    ...blockBase(grid, band, preambleTop, lastRow, context, cutoff?.date.year ?? yearFromLines(context)),
    columns: cols,
    unitKey: unit.key,
    unitName: unit.name,
    cutoff: cutoff?.date ?? null,
    cutoffCell: cutoff ? { row: cutoff.row, col: cutoff.col } : null,
    cutoffQuarter: cutoff ? Math.ceil(cutoff.date.month / 3) : null,
    rows,
    signatureRows,
    signatureLines,
  };
}
