/**
 * The workbook behind the Excel fake: plain data, built from a description and read back by
 * tests. Rows and columns are 0-based; a cell key is row * 16384 + col.
 */
import { type Rect, MAX_COLS, formatLocal, parseLocalRange } from './fakeAddress';
import { FakeError, protectedSheet } from './fakeErrors';

export type FakeValue = string | number | boolean;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A cell as a test describes it and reads it back. `fill` is "#RRGGBB" (ARGB "FFRRGGBB" accepted on input). */
export interface FakeCellData {
  value?: FakeValue | null;
  formula?: string | null;
  numberFormat?: string;
  fill?: string | null;
  bold?: boolean;
  note?: string | null;
  /** Threaded comment (the ExcelApi 1.10 fallback for notes). */
  comment?: string | null;
}

export interface FakeSheetData {
  name: string;
  cells?: Record<string, FakeCellData | FakeValue | null>;
  /** A block of values (and formats) with its top-left cell at `at`; for large sheets. */
  table?: { at: string; values: (FakeValue | null)[][]; numberFormats?: (string | null)[][] };
  merges?: string[];
  protected?: boolean;
  visibility?: Visibility;
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** Active sheet name (default: the first visible sheet). */
  active?: string;
  /** Highest ExcelApi requirement set the host supports (default "1.18"). */
  apiVersion?: string;
  workbookProtected?: boolean;
  settings?: Record<string, unknown>;
}

export interface FakeCell {
  value?: FakeValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  /** RangeFormat.horizontalAlignment / verticalAlignment when not the default ("General" / "Bottom"). */
  horizontal?: string;
  vertical?: string;
  /** Only `false` is stored (cells are locked by default). */
  locked?: false;
  /** Border lines drawn on this cell's own sides (a shared edge may be stored on the neighbour). */
  borders?: Partial<Record<BorderSide, FakeBorderLine>>;
}

export type BorderSide = 'top' | 'bottom' | 'left' | 'right';

export interface FakeBorderLine {
  style?: string;
  weight?: string;
  color?: string;
}

export interface FakeDataValidationEntry {
  rect: Rect;
  rule: Record<string, unknown> | null;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
}

export interface FakeConditionalFormatEntry {
  id: number;
  rects: Rect[];
  type: string;
  /** Custom: rule.formula; CellValue: { formula1, formula2?, operator }; ContainsText: { operator, text }. */
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
}

export interface FakePageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** "$8:$9" as set with setPrintTitleRows, or null. */
  printTitleRows: string | null;
}

export interface FakeAnnotation {
  id: number;
  content: string;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: Visibility;
  protected: boolean;
  cells: Map<number, FakeCell>;
  merges: Rect[];
  notes: Map<number, FakeAnnotation>;
  comments: Map<number, FakeAnnotation>;
  /** Column widths and row heights in points (0-based index), where set. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  pageLayout: FakePageLayoutState;
  dataValidations: FakeDataValidationEntry[];
  conditionalFormats: FakeConditionalFormatEntry[];
  /** Options passed to worksheet.protection.protect (null while unprotected or protected from data). */
  protectionOptions: Record<string, unknown> | null;
  /** Worksheet custom properties (ExcelApi 1.12), by lower-case key: keys are case-insensitive. */
  customProperties: Map<string, { key: string; value: string }>;
}

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

const NAMED: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', yellow: '#FFFF00', green: '#008000' };

export function normalizeColor(color: string): string {
  const c = color.trim();
  if (/^#?[0-9a-f]{6}$/i.test(c)) return `#${c.replace('#', '').toUpperCase()}`;
  if (/^[0-9a-f]{8}$/i.test(c)) return `#${c.slice(2).toUpperCase()}`;
  const named = NAMED[c.toLowerCase()];
  if (named) return named;
  throw new FakeError('InvalidArgument', `The color "${color}" is not valid.`);
}

export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  activeId = -1;
  workbookProtected = false;
  apiVersion = '1.18';
  readonly settings = new Map<string, unknown>();
  savedSettings: Record<string, unknown> | null = null;
  selection: { sheet: string; address: string } | null = null;
  private lastId = 0;

  nextId(): number {
    return ++this.lastId;
  }

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new FakeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const sheet: FakeSheet = {
      id: this.nextId(),
      name,
      visibility: 'Visible',
      protected: false,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      comments: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      pageLayout: { orientation: 'Portrait', zoom: { scale: 100 }, printTitleRows: null },
      dataValidations: [],
      conditionalFormats: [],
      protectionOptions: null,
      customProperties: new Map(),
    };
    this.sheets.push(sheet);
    return sheet;
  }
}

export function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw protectedSheet(sheet.name);
}

/** The cell, created when `create` is set. */
export function cellAt(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
export function cellAt(sheet: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
export function cellAt(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell && create) {
    cell = {};
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Drops a cell that holds nothing any more. */
export function tidy(sheet: FakeSheet, row: number, col: number): void {
  const key = cellKey(row, col);
  const cell = sheet.cells.get(key);
  if (cell && Object.values(cell).every((v) => v === undefined)) sheet.cells.delete(key);
}

/** Bounding box of the cells with a value (valuesOnly) or with anything at all, or null. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === undefined && cell.formula === undefined) continue;
    const r = keyRow(key);
    const c = keyCol(key);
    if (!rect) rect = { top: r, bottom: r, left: c, right: c };
    else {
      rect.top = Math.min(rect.top, r);
      rect.bottom = Math.max(rect.bottom, r);
      rect.left = Math.min(rect.left, c);
      rect.right = Math.max(rect.right, c);
    }
  }
  return rect;
}

export function buildState(data: FakeWorkbookData): FakeWorkbookState {
  const state = new FakeWorkbookState();
  state.apiVersion = data.apiVersion ?? '1.18';
  state.workbookProtected = data.workbookProtected ?? false;
  for (const [k, v] of Object.entries(data.settings ?? {})) state.settings.set(k, v);
  for (const d of data.sheets) {
    const sheet = state.addSheet(d.name);
    sheet.visibility = d.visibility ?? 'Visible';
    sheet.protected = d.protected ?? false;
    sheet.merges = (d.merges ?? []).map(parseLocalRange);
    if (d.table) {
      const at = parseLocalRange(d.table.at);
      d.table.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const numberFormat = d.table?.numberFormats?.[r]?.[c] ?? undefined;
          if (value !== null && value !== '') cellAt(sheet, at.top + r, at.left + c, true).value = value;
          if (numberFormat && numberFormat !== 'General') cellAt(sheet, at.top + r, at.left + c, true).numberFormat = numberFormat;
        }),
      );
    }
    for (const [address, spec] of Object.entries(d.cells ?? {})) {
      const { top, left } = parseLocalRange(address);
      const c: FakeCellData = spec !== null && typeof spec === 'object' ? spec : { value: spec };
      const cell = cellAt(sheet, top, left, true);
      if (c.value !== undefined && c.value !== null && c.value !== '') cell.value = c.value;
      if (c.formula) cell.formula = c.formula;
      if (c.numberFormat && c.numberFormat !== 'General') cell.numberFormat = c.numberFormat;
      if (c.fill) cell.fill = normalizeColor(c.fill);
      if (c.bold) cell.bold = true;
      if (c.note) sheet.notes.set(cellKey(top, left), { id: state.nextId(), content: c.note });
      if (c.comment) sheet.comments.set(cellKey(top, left), { id: state.nextId(), content: c.comment });
      tidy(sheet, top, left);
    }
  }
  const active = data.active ? state.sheet(data.active) : state.sheets.find((s) => s.visibility === 'Visible');
  if (!active) throw new Error(`Excel fake: no active sheet (${data.active ?? 'none visible'})`);
  state.activeId = active.id;
  return state;
}

/** Everything a cell holds, with defaults filled in. */
export function readCell(sheet: FakeSheet, row: number, col: number): Required<FakeCellData> {
  const cell = cellAt(sheet, row, col);
  const key = cellKey(row, col);
  return {
    value: cell?.value ?? null,
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? 'General',
    fill: cell?.fill ?? null,
    bold: cell?.bold ?? false,
    note: sheet.notes.get(key)?.content ?? null,
    comment: sheet.comments.get(key)?.content ?? null,
  };
}

/** The sheet as data: only the cells that hold something, non-default fields only. */
export function sheetToData(sheet: FakeSheet): FakeSheetData {
  const keys = new Set<number>([...sheet.cells.keys(), ...sheet.notes.keys(), ...sheet.comments.keys()]);
  const cells: Record<string, FakeCellData> = {};
  for (const key of [...keys].sort((a, b) => a - b)) {
    const row = keyRow(key);
    const col = keyCol(key);
    const full = readCell(sheet, row, col);
    const out: FakeCellData = {};
    if (full.value !== null) out.value = full.value;
    if (full.formula !== null) out.formula = full.formula;
    if (full.numberFormat !== 'General') out.numberFormat = full.numberFormat;
    if (full.fill !== null) out.fill = full.fill;
    if (full.bold) out.bold = true;
    if (full.note !== null) out.note = full.note;
    if (full.comment !== null) out.comment = full.comment;
    cells[formatLocal({ top: row, left: col, bottom: row, right: col })] = out;
  }
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map(formatLocal),
    protected: sheet.protected,
    visibility: sheet.visibility,
  };
}
