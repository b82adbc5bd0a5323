/** Title and context rows above a template's header, copied from the source block. */
import type { ContextLine } from '../model';
import { fold } from '../text';
import type { SheetBuilder } from './sheetBuilder';

export interface PreambleInput {
  context: ContextLine[];
  /** First column of the source block: its cells move to column 1 of the template. */
  sourceFirstCol: number;
  /** Rows of the source preamble (inclusive), to keep the spacing of its lines. */
  sourceTop: number;
  sourceBottom: number;
  /** Last column of the template (merged lines run to it). */
  width: number;
  /** The source cell that holds the period / cut-off, replaced by `write`; null = append a line for it. */
  anchor: { row: number; col: number } | null;
  write: (b: SheetBuilder, row: number, col: number) => void;
  /** Rewrites a copied title ("PROGRAMA OPERATIVO ANUAL 2025" -> 2026 in a new POA year). */
  retitle: (text: string) => string;
}

/** Writes the preamble from `top`; returns the first free row after it. */
export function writePreamble(b: SheetBuilder, input: PreambleInput, top: number): number {
  const byRow = new Map<number, ContextLine[]>();
  for (const line of input.context) byRow.set(line.row, [...(byRow.get(line.row) ?? []), line]);
  const anchorRow = input.anchor?.row ?? Infinity;
  let row = top;
  let blanks = 0;
  for (let src = input.sourceTop; src <= input.sourceBottom; src++) {
    const lines = (byRow.get(src) ?? []).sort((x, y) => x.col - y.col);
    if (!lines.length) {
      if (row > top && blanks++ === 0) row++;
      continue;
    }
    blanks = 0;
    const col = (c: number) => Math.min(input.width, Math.max(1, c - input.sourceFirstCol + 1));
    lines.forEach((line, i) => {
      const c = col(line.col);
      if (input.anchor && line.row === input.anchor.row && line.col === input.anchor.col) {
        input.write(b, row, c);
        return;
      }
      const single = lines.length === 1;
      const title = src < anchorRow;
      if (single && c === 1) {
        b.text(row, c, input.retitle(line.text), { bold: title, horizontal: title ? 'center' : 'left' });
        b.merge(row, 1, row, input.width);
      } else if (!single && i === lines.length - 1 && c < input.width) {
        b.text(row, c, line.text);
        b.merge(row, c, row, input.width);
      } else b.text(row, c, line.text, { bold: single || (i === 0 && c === 1) });
    });
    row++;
  }
  if (!input.anchor) input.write(b, row++, 1);
  return row;
}

/** In a new POA year, the year of the title lines moves to the template's year. */
export function retitler(fromYear: number | null, toYear: number): (text: string) => string {
  if (fromYear === null || fromYear === toYear) return (t) => t;
  const re = new RegExp(`\\b${fromYear}\\b`, 'g');
  return (t) => (/\b(ANUAL|POA)\b/.test(fold(t)) ? t.replace(re, String(toYear)) : t);
}
