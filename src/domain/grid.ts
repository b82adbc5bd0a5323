import { SheetView, type SheetSnapshot, type MergedArea, type CellValue } from './snapshot';
import { cellText } from './text';

/** A sheet with merged areas indexed: the value of any cell of a merged area is its top-left value. */
export class Grid extends SheetView {
  private readonly mergeAt = new Map<number, MergedArea>();

  constructor(snapshot: SheetSnapshot) {
    super(snapshot);
    for (const m of snapshot.merges) {
      // Large merges (whole rows of titles) are indexed only along their first row and column:
      // that is where header and unit lookups read them.
      const cells = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (cells > 4096 && r !== m.top && c !== m.left) continue;
          this.mergeAt.set(Grid.key(r, c), m);
        }
      }
    }
  }

  private static key(row: number, col: number): number {
    return row * 32768 + col;
  }

  merge(row: number, col: number): MergedArea | undefined {
    return this.mergeAt.get(Grid.key(row, col));
  }

  /** Value of a cell, or of the top-left cell of the merged area it belongs to. */
  mergedValue(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  mergedText(row: number, col: number): string {
    return cellText(this.mergedValue(row, col));
  }

  /** True when the cell is inside a merged area but is not its top-left cell. */
  isMergedFollower(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** Texts of a row's non-empty cells with their columns. */
  rowTexts(row: number): { col: number; text: string }[] {
    const out: { col: number; text: string }[] = [];
    const r = this.snapshot.values[row - this.firstRow];
    if (!r) return out;
    for (let i = 0; i < r.length; i++) {
      const t = cellText(r[i]);
      if (t) out.push({ col: this.firstCol + i, text: t });
    }
    return out;
  }
}
