/**
 * A sheet as the engine sees it: plain data read by an adapter (Office.js or ExcelJS),
 * with no library types. Arrays are dense and 0-based relative to `origin`.
 */

/** A cell value as Excel reports it: numbers (dates as serial numbers), text, booleans,
 * error text such as "#REF!" (see `isCellError`), or null/"" when empty. */
export type CellValue = number | string | boolean | null;

export interface MergedArea {
  /** 1-based sheet coordinates, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 1-based row and column of values[0][0] on the sheet. */
  originRow: number;
  originCol: number;
  /** values[r][c]; a merged area's value is only in its top-left cell. */
  values: CellValue[][];
  /** Number format codes ("0.00%", "mmm-yy", "General"); same shape as values, may be shorter. */
  numberFormats: string[][];
  /** Formulas ("=A1+B1") where the cell has one, otherwise "" or null; same shape as values, may be shorter. */
  formulas: (string | null)[][];
  merges: MergedArea[];
  /** Hidden sheets are read for earlier periods but not validated unless asked for. */
  hidden?: boolean;
  /** A protected sheet is validated read-only: findings, but no change in the plan. */
  protected?: boolean;
}

const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!)$/;

export function isCellError(value: CellValue): value is string {
  return typeof value === 'string' && value.length <= 16 && ERROR_TEXT.test(value);
}

/** Read access by 1-based sheet coordinates. */
export class SheetView {
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(readonly snapshot: SheetSnapshot) {
    const width = snapshot.values.reduce((max, row) => Math.max(max, row.length), 0);
    this.lastRow = snapshot.originRow + snapshot.values.length - 1;
    this.lastCol = snapshot.originCol + width - 1;
  }

  get name(): string {
    return this.snapshot.name;
  }

  get firstRow(): number {
    return this.snapshot.originRow;
  }

  get firstCol(): number {
    return this.snapshot.originCol;
  }

  value(row: number, col: number): CellValue {
    const r = this.snapshot.values[row - this.snapshot.originRow];
    if (!r) return null;
    const v = r[col - this.snapshot.originCol];
    return v === undefined || v === '' ? null : v;
  }

  numberFormat(row: number, col: number): string {
    const r = this.snapshot.numberFormats[row - this.snapshot.originRow];
    return (r && r[col - this.snapshot.originCol]) || 'General';
  }

  formula(row: number, col: number): string | null {
    const r = this.snapshot.formulas[row - this.snapshot.originRow];
    const f = r ? r[col - this.snapshot.originCol] : null;
    return typeof f === 'string' && f.startsWith('=') ? f : null;
  }
}
