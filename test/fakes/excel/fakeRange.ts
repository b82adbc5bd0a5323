/** Range, RangeAreas and their format proxies. A target is resolved when each operation runs. */
import { type Rect, formatLocal, intersects, qualified, rectCells } from './fakeAddress';
import { FakeClientObject, FakeClientResult, FakeCollection, type FakeRequestContext } from './fakeContext';
import { FakeError } from './fakeErrors';
import { FakeRangeFormat } from './fakeFormat';
import { formulaOf, valueOf, writeInput } from './fakeInput';
import { FakeConditionalFormatCollection, FakeDataValidation, requireApiVersion } from './fakeLayout';
import { type FakeSheet, assertWritable, cellAt, keyCol, keyRow, tidy } from './fakeState';

export interface CellsTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

export type Resolver = () => CellsTarget | null;

const MAX_READ_CELLS = 5_000_000;

export function must(resolve: Resolver): CellsTarget {
  const t = resolve();
  if (!t) throw new FakeError('ItemNotFound', 'The requested resource does not exist.');
  return t;
}

/** Calls fn for every cell of the target; over existing cells only when `existingOnly`. */
export function eachCell(t: CellsTarget, fn: (row: number, col: number) => void, existingOnly = false): void {
  for (const rect of t.rects) {
    if (existingOnly || rectCells(rect) > MAX_READ_CELLS) {
      for (const key of [...t.sheet.cells.keys()]) {
        const r = keyRow(key);
        const c = keyCol(key);
        if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) fn(r, c);
      }
      continue;
    }
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  }
}

function grid<T>(t: CellsTarget, fn: (row: number, col: number) => T): T[][] {
  const rect = t.rects[0];
  if (rectCells(rect) > MAX_READ_CELLS) throw new FakeError('ResponsePayloadSizeLimitExceeded', 'Range too large to read.');
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(fn(r, c));
    out.push(row);
  }
  return out;
}

/** Applies a 2D input (or a single value) cell by cell, checking the dimensions like Excel. */
function writeGrid(t: CellsTarget, input: unknown, fn: (row: number, col: number, v: unknown) => void): void {
  assertWritable(t.sheet);
  const rect = t.rects[0];
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(input)) {
    eachCell(t, (r, c) => fn(r, c, input));
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  }
  input.forEach((row: unknown[], i) => row.forEach((v, j) => fn(rect.top + i, rect.left + j, v)));
}

export function uniform<T>(t: CellsTarget, fn: (row: number, col: number) => T): T | null {
  let first: { v: T } | undefined;
  let same = true;
  eachCell(t, (r, c) => {
    const v = fn(r, c);
    if (!first) first = { v };
    else if (first.v !== v) same = false;
  });
  return first && same ? first.v : null;
}

export class FakeRange extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    readonly _resolve: Resolver,
  ) {
    super(context, 'Range');
  }

  protected override _exists(): boolean {
    return this._resolve() !== null;
  }

  private get _t(): CellsTarget {
    return must(this._resolve);
  }

  protected _scalars(): Record<string, () => unknown> {
    // Resolved once per load (a used range is found by scanning the sheet).
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= this._t);
    const rect = (): Rect => t().rects[0];
    return {
      address: () => qualified(t().sheet.name, rect()),
      addressLocal: () => qualified(t().sheet.name, rect()),
      rowIndex: () => rect().top,
      columnIndex: () => rect().left,
      rowCount: () => rect().bottom - rect().top + 1,
      columnCount: () => rect().right - rect().left + 1,
      cellCount: () => rectCells(rect()),
      values: () => grid(t(), (r, c) => valueOf(cellAt(t().sheet, r, c))),
      formulas: () => grid(t(), (r, c) => formulaOf(cellAt(t().sheet, r, c))),
      numberFormat: () => grid(t(), (r, c) => cellAt(t().sheet, r, c)?.numberFormat ?? 'General'),
    };
  }

  protected override _navNames(): readonly string[] {
    return ['format'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'format') return new FakeRangeFormat(this.context, this._resolve);
    if (name === 'dataValidation') return new FakeDataValidation(this.context, this._resolve);
    if (name === 'conditionalFormats') return new FakeConditionalFormatCollection(this.context, this._resolve);
    return undefined;
  }

  /** ExcelApi 1.8. */
  get dataValidation(): FakeDataValidation {
    requireApiVersion(this.context, '1.8', 'Range.dataValidation');
    return this._nav('dataValidation');
  }
  /** ExcelApi 1.6. */
  get conditionalFormats(): FakeConditionalFormatCollection {
    requireApiVersion(this.context, '1.6', 'Range.conditionalFormats');
    return this._nav('conditionalFormats');
  }

  /**
   * Merges the range (each row separately when `across`). Like Excel, only the top-left value of each new
   * merged area is kept. Overlapping an existing merged area is refused (the fake is stricter than Excel,
   * which would silently grow or split areas, to catch adapter bugs).
   */
  merge(across = false): void {
    this._call('merge', [across], () => {
      const t = this._t;
      assertWritable(t.sheet);
      for (const rect of t.rects) {
        const areas = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
        for (const area of areas) {
          if (area.top === area.bottom && area.left === area.right) continue;
          const same = t.sheet.merges.find((m) => m.top === area.top && m.left === area.left && m.bottom === area.bottom && m.right === area.right);
          if (same) continue;
          if (t.sheet.merges.some((m) => intersects(m, area))) {
            throw new FakeError('InvalidOperation', `Cannot merge ${formatLocal(area)}: it overlaps a merged area.`);
          }
          eachCell({ sheet: t.sheet, rects: [area] }, (r, c) => {
            if (r === area.top && c === area.left) return;
            const cell = cellAt(t.sheet, r, c);
            if (!cell) return;
            delete cell.value;
            delete cell.formula;
            tidy(t.sheet, r, c);
          }, true);
          t.sheet.merges.push({ ...area });
        }
      }
    });
  }

  unmerge(): void {
    this._call('unmerge', [], () => {
      const t = this._t;
      assertWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !t.rects.some((r) => intersects(m, r)));
    });
  }

  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get values(): unknown[][] { return this._get('values'); }
  set values(v: unknown[][]) {
    this._set('values', v, () => this._write(v));
  }
  get formulas(): unknown[][] { return this._get('formulas'); }
  set formulas(v: unknown[][]) {
    this._set('formulas', v, () => this._write(v));
  }
  get numberFormat(): string[][] { return this._get('numberFormat'); }
  set numberFormat(v: string[][]) {
    this._set('numberFormat', v, () => {
      const t = this._t;
      writeGrid(t, v, (r, c, x) => {
        if (x === null || x === undefined) return;
        const cell = cellAt(t.sheet, r, c, true);
        if (x === 'General') delete cell.numberFormat;
        else cell.numberFormat = String(x);
        tidy(t.sheet, r, c);
      });
    });
  }

  private _write(input: unknown): void {
    const t = this._t;
    writeGrid(t, input, (r, c, x) => writeInput(t.sheet, r, c, x));
  }
  get format(): FakeRangeFormat { return this._nav('format'); }

  getCell(row: number, column: number): FakeRange {
    return this._child(new FakeRange(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const r = t.rects[0].top + row;
      const c = t.rects[0].left + column;
      return { sheet: t.sheet, rects: [{ top: r, left: c, bottom: r, right: c }] };
    }), 'getCell', [row, column]);
  }

  getCellProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[][]> {
    const fmt = (options.format ?? {}) as { fill?: Record<string, boolean>; font?: Record<string, boolean> };
    return new FakeClientResult(this.context, 'Range.getCellProperties', { i: this._id, m: 'getCellProperties', a: [options] }, () => {
      const t = this._t;
      return grid(t, (r, c) => {
        const cell = cellAt(t.sheet, r, c);
        const out: Record<string, unknown> = {};
        if (options.address) out.address = qualified(t.sheet.name, { top: r, left: c, bottom: r, right: c });
        const format: Record<string, unknown> = {};
        if (fmt.fill) {
          const fill: Record<string, unknown> = {};
          if (fmt.fill.color) fill.color = cell?.fill ?? '#FFFFFF';
          if (fmt.fill.tintAndShade) fill.tintAndShade = cell?.fill ? 0 : null;
          if (fmt.fill.pattern) fill.pattern = cell?.fill ? 'Solid' : 'None';
          format.fill = fill;
        }
        if (fmt.font?.bold) format.font = { bold: cell?.bold ?? false };
        if (fmt.fill || fmt.font) out.format = format;
        return out;
      });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const rects = t.sheet.merges.filter((m) => intersects(m, t.rects[0]));
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
    return this._child(areas, 'getMergedAreasOrNullObject')._nullable();
  }

  select(): void {
    this._call('select', [], () => {
      const t = this._t;
      if (t.sheet.visibility !== 'Visible') throw new FakeError('InvalidSelection', 'Cannot select a range on a hidden sheet.');
      this.context.state.activeId = t.sheet.id;
      this.context.state.selection = { sheet: t.sheet.name, address: formatLocal(t.rects[0]) };
    });
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], () => clearCells(this._t, applyTo));
  }
}

function clearCells(t: CellsTarget, applyTo: string): void {
  assertWritable(t.sheet);
  const contents = applyTo === 'All' || applyTo === 'Contents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  eachCell(t, (r, c) => {
    const cell = cellAt(t.sheet, r, c);
    if (!cell) return;
    if (contents) {
      delete cell.value;
      delete cell.formula;
    }
    if (formats) {
      delete cell.numberFormat;
      delete cell.fill;
      delete cell.bold;
      delete cell.wrap;
      delete cell.horizontal;
      delete cell.vertical;
      delete cell.locked;
      delete cell.borders;
    }
    tidy(t.sheet, r, c);
  }, true);
  if (applyTo === 'All') {
    for (const rect of t.rects) {
      for (const map of [t.sheet.notes, t.sheet.comments]) {
        for (const key of [...map.keys()]) {
          const r = keyRow(key);
          const c = keyCol(key);
          if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) map.delete(key);
        }
      }
    }
  }
}

/** Several rectangles of one sheet (worksheet.getRanges, merged areas). */
export class FakeRangeAreas extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    readonly _resolve: Resolver,
  ) {
    super(context, 'RangeAreas');
  }

  protected override _exists(): boolean {
    return this._resolve() !== null;
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return {
      address: () => t().rects.map((r) => qualified(t().sheet.name, r)).join(', '),
      areaCount: () => t().rects.length,
      cellCount: () => t().rects.reduce((n, r) => n + rectCells(r), 0),
    };
  }

  protected override _navNames(): readonly string[] {
    return ['format', 'areas'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'format') return new FakeRangeFormat(this.context, this._resolve);
    if (name === 'areas') return new FakeRangeCollection(this.context, this._resolve);
    return undefined;
  }

  get address(): string { return this._get('address'); }
  get areaCount(): number { return this._get('areaCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get format(): FakeRangeFormat { return this._nav('format'); }
  get areas(): FakeRangeCollection { return this._nav('areas'); }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], () => clearCells(must(this._resolve), applyTo));
  }
}

export class FakeRangeCollection extends FakeCollection<FakeRange> {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeCollection');
  }

  protected _list(): FakeRange[] {
    const t = must(this._resolve);
    return t.rects.map((rect) => new FakeRange(this.context, () => ({ sheet: t.sheet, rects: [rect] })));
  }
}

