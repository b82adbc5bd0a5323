import type { CellRange, TemplateCell, TemplateConditionalFormat, TemplateValidation } from './types';
import { isFormulaLike } from './formulas';

/** Collects the cells, merges and rules of one template sheet. */
export class SheetBuilder {
  private readonly cellMap = new Map<string, TemplateCell>();
  readonly merges: CellRange[] = [];
  readonly validations: TemplateValidation[] = [];
  readonly conditionalFormats: TemplateConditionalFormat[] = [];

  get cells(): TemplateCell[] {
    return [...this.cellMap.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }

  set(cell: TemplateCell): TemplateCell {
    const k = `${cell.row}:${cell.col}`;
    const merged = { ...this.cellMap.get(k), ...cell };
    this.cellMap.set(k, merged);
    return merged;
  }

  /** Text copied from a sheet: always text, never a formula ("=HYPERLINK(…)", "+52 686…", "-", "@x"). */
  text(row: number, col: number, text: string, style: Omit<TemplateCell, 'row' | 'col' | 'value'> = {}): TemplateCell {
    const cell: TemplateCell = { ...style, row, col, value: text === '' ? null : text };
    if (text && isFormulaLike(text)) cell.numberFormat = '@';
    return this.set(cell);
  }

  /** Merges an area (ignored when it is a single cell). */
  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

/** A clave or line of action: a plain integer is written as a number (as offices type it), anything else as text. */
export function keyValue(text: string): number | string | null {
  if (!text) return null;
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : text;
}
