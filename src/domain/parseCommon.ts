import type { Grid } from './grid';
import type { HeaderBand } from './headers';
import type { ContextLine, NumCell, TextCell } from './model';
import { readNumCell } from './numbers';
import { cellText, fold } from './text';

export function numAt(grid: Grid, row: number, col: number | undefined): NumCell | null {
  if (col === undefined) return null;
  return readNumCell(row, col, grid.value(row, col), grid.numberFormat(row, col), grid.formula(row, col));
}

export function textAt(grid: Grid, row: number, col: number | undefined): TextCell | null {
  if (col === undefined) return null;
  return { row, col, text: cellText(grid.value(row, col)) };
}

/** Non-empty text lines between two rows (titles, context), first cell of each row. */
export function contextLines(grid: Grid, from: number, to: number): ContextLine[] {
  const lines: ContextLine[] = [];
  for (let r = from; r <= to; r++) {
    for (const { col, text } of grid.rowTexts(r)) lines.push({ row: r, col, text });
  }
  return lines;
}

/** Header cells of a band, as text, for copying into templates. */
export function headerCells(grid: Grid, top: number, bottom: number, firstCol: number, lastCol: number): ContextLine[] {
  const out: ContextLine[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = firstCol; c <= lastCol; c++) {
      const t = grid.text(r, c);
      if (t) out.push({ row: r, col: c, text: t });
    }
  }
  return out;
}

/** A four-digit year in the title lines ("PROGRAMA OPERATIVO ANUAL 2025"). */
export function yearFromLines(lines: ContextLine[]): number | null {
  for (const l of lines) {
    const m = /\b(20\d\d)\b/.exec(fold(l.text));
    if (m && /ANUAL|POA|PROGRAMA/.test(fold(l.text))) return Number(m[1]);
  }
  return null;
}

export function unitKeyText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const t = cellText(value);
  const m = /^\s*(\d+(?:\.\d+)*)\b/.exec(t);
  return m ? m[1] : t;
}

/** Fields every block has, from its header band and the rows it spans. */
export function blockBase(grid: Grid, band: HeaderBand, preambleTop: number, lastRow: number, context: ContextLine[], year: number | null) {
  return {
    sheet: grid.name,
    preambleTop,
    headerTop: band.top,
    headerBottom: band.bottom,
    firstCol: band.firstCol,
    lastCol: band.lastCol,
    lastRow,
    context,
    headerCells: headerCells(grid, band.top, band.bottom, band.firstCol, band.lastCol),
    year,
  };
}
