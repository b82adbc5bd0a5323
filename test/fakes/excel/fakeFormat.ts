/**
 * RangeFormat (alignment, wrap, column width, row height), RangeFill, RangeFont, RangeBorder and
 * FormatProtection of a Range or RangeAreas. Column widths and row heights are in points, as in Office.js.
 */
import { MAX_COLS, MAX_ROWS } from './fakeAddress';
import { FakeClientObject, type FakeRequestContext } from './fakeContext';
import { FakeError } from './fakeErrors';
import { type CellsTarget, type Resolver, eachCell, must, uniform } from './fakeRange';
import { type BorderSide, type FakeBorderLine, type FakeCell, assertWritable, cellAt, normalizeColor, tidy } from './fakeState';

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
/** Excel's limits: a row is at most 409.5 points high; a column at most 255 characters wide (~1,790 points). */
export const MAX_ROW_HEIGHT = 409.5;
export const MAX_COLUMN_WIDTH = 1790;

function oneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new FakeError('InvalidArgument', `Invalid ${what}: ${String(value)}.`);
  return value;
}

/** Sets (or with `undefined` removes) one field of every cell of the target. */
function setCellField<K extends keyof FakeCell>(t: CellsTarget, field: K, value: FakeCell[K] | undefined): void {
  assertWritable(t.sheet);
  eachCell(t, (r, c) => {
    if (value === undefined) {
      const cell = cellAt(t.sheet, r, c);
      if (cell) delete cell[field];
    } else cellAt(t.sheet, r, c, true)[field] = value;
    tidy(t.sheet, r, c);
  }, value === undefined);
}

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFormat');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    const sheet = () => t().sheet;
    return {
      wrapText: () => uniform(t(), (r, c) => cellAt(sheet(), r, c)?.wrap ?? false),
      horizontalAlignment: () => uniform(t(), (r, c) => cellAt(sheet(), r, c)?.horizontal ?? 'General'),
      verticalAlignment: () => uniform(t(), (r, c) => cellAt(sheet(), r, c)?.vertical ?? 'Bottom'),
      columnWidth: () => {
        const widths = new Set<number>();
        for (const rect of t().rects) for (let c = rect.left; c <= rect.right; c++) widths.add(sheet().columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      },
      rowHeight: () => {
        const heights = new Set<number>();
        for (const rect of t().rects) for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000); r++) heights.add(sheet().rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      },
    };
  }

  protected override _navNames(): readonly string[] {
    return ['fill', 'font', 'protection'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'fill') return new FakeRangeFill(this.context, this._resolve);
    if (name === 'font') return new FakeRangeFont(this.context, this._resolve);
    if (name === 'borders') return new FakeRangeBorderCollection(this.context, this._resolve);
    if (name === 'protection') return new FakeFormatProtection(this.context, this._resolve);
    return undefined;
  }

  get fill(): FakeRangeFill { return this._nav('fill'); }
  get font(): FakeRangeFont { return this._nav('font'); }
  get borders(): FakeRangeBorderCollection { return this._nav('borders'); }
  get protection(): FakeFormatProtection { return this._nav('protection'); }

  get wrapText(): boolean | null { return this._get('wrapText'); }
  set wrapText(v: boolean) {
    this._set('wrapText', v, () => setCellField(must(this._resolve), 'wrap', v ? true : undefined));
  }
  get horizontalAlignment(): string | null { return this._get('horizontalAlignment'); }
  set horizontalAlignment(v: string) {
    this._set('horizontalAlignment', v, () => {
      const value = oneOf(v, HORIZONTAL, 'horizontal alignment');
      setCellField(must(this._resolve), 'horizontal', value === 'General' ? undefined : value);
    });
  }
  get verticalAlignment(): string | null { return this._get('verticalAlignment'); }
  set verticalAlignment(v: string) {
    this._set('verticalAlignment', v, () => {
      const value = oneOf(v, VERTICAL, 'vertical alignment');
      setCellField(must(this._resolve), 'vertical', value === 'Bottom' ? undefined : value);
    });
  }
  /** Points. Sets the width of every column the target touches. */
  get columnWidth(): number | null { return this._get('columnWidth'); }
  set columnWidth(v: number) {
    this._set('columnWidth', v, () => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_COLUMN_WIDTH) throw new FakeError('InvalidArgument', `Invalid column width: ${v}.`);
      const t = must(this._resolve);
      assertWritable(t.sheet);
      for (const rect of t.rects) for (let c = rect.left; c <= Math.min(rect.right, MAX_COLS - 1); c++) t.sheet.columnWidths.set(c, v);
    });
  }
  /** Points. Sets the height of every row the target touches (a whole column: the first 100,000 rows, enough for tests). */
  get rowHeight(): number | null { return this._get('rowHeight'); }
  set rowHeight(v: number) {
    this._set('rowHeight', v, () => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_ROW_HEIGHT) throw new FakeError('InvalidArgument', `Invalid row height: ${v}.`);
      const t = must(this._resolve);
      assertWritable(t.sheet);
      for (const rect of t.rects) for (let r = rect.top; r <= Math.min(rect.bottom, rect.top + 100_000, MAX_ROWS - 1); r++) t.sheet.rowHeights.set(r, v);
    });
  }
}

/** Excel's defaults for Calibri 11: 8.43 characters (64 px = 48 pt) and 15 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];

export class FakeRangeBorderCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeBorderCollection');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new FakeError('InvalidArgument', `Invalid border index: ${index}.`);
    return this._child(new FakeRangeBorder(this.context, this._resolve, index), 'getItem', [index]);
  }
}

/** The cell sides a border index draws, per rectangle of the target (diagonals are not modelled). */
function sidesOf(t: CellsTarget, index: string): { row: number; col: number; side: BorderSide }[] {
  const out: { row: number; col: number; side: BorderSide }[] = [];
  for (const rect of t.rects) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (index === 'EdgeTop' && r === rect.top) out.push({ row: r, col: c, side: 'top' });
        if (index === 'EdgeBottom' && r === rect.bottom) out.push({ row: r, col: c, side: 'bottom' });
        if (index === 'EdgeLeft' && c === rect.left) out.push({ row: r, col: c, side: 'left' });
        if (index === 'EdgeRight' && c === rect.right) out.push({ row: r, col: c, side: 'right' });
        if (index === 'InsideHorizontal' && r < rect.bottom) out.push({ row: r, col: c, side: 'bottom' });
        if (index === 'InsideVertical' && c < rect.right) out.push({ row: r, col: c, side: 'right' });
      }
    }
  }
  return out;
}

export class FakeRangeBorder extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
    private readonly _index: string,
  ) {
    super(context, 'RangeBorder');
  }

  protected _scalars(): Record<string, () => unknown> {
    return { sideIndex: () => this._index };
  }

  private _apply(field: keyof FakeBorderLine, value: string): void {
    const t = must(this._resolve);
    assertWritable(t.sheet);
    for (const { row, col, side } of sidesOf(t, this._index)) {
      const cell = cellAt(t.sheet, row, col, true);
      const borders = (cell.borders ??= {});
      if (field === 'style' && value === 'None') delete borders[side];
      else borders[side] = { ...borders[side], [field]: value };
      if (Object.keys(borders).length === 0) delete cell.borders;
      tidy(t.sheet, row, col);
    }
  }

  get sideIndex(): string { return this._get('sideIndex'); }
  set style(v: string) {
    this._set('style', v, () => this._apply('style', oneOf(v, BORDER_STYLES, 'border style')));
  }
  set weight(v: string) {
    this._set('weight', v, () => this._apply('weight', oneOf(v, BORDER_WEIGHTS, 'border weight')));
  }
  set color(v: string) {
    this._set('color', v, () => this._apply('color', normalizeColor(v)));
  }
}

/** FormatProtection: `locked` (cells are locked by default; it matters once the sheet is protected). */
export class FakeFormatProtection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'FormatProtection');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return { locked: () => uniform(t(), (r, c) => cellAt(t().sheet, r, c)?.locked ?? true) };
  }

  get locked(): boolean | null { return this._get('locked'); }
  set locked(v: boolean) {
    this._set('locked', v, () => setCellField(must(this._resolve), 'locked', v ? undefined : false));
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFill');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return {
      // No fill reads as white, like Excel; tintAndShade is null only for "no fill".
      color: () => uniform(t(), (r, c) => cellAt(t().sheet, r, c)?.fill ?? '#FFFFFF'),
      tintAndShade: () => uniform(t(), (r, c) => (cellAt(t().sheet, r, c)?.fill ? 0 : null)),
      pattern: () => uniform(t(), (r, c) => (cellAt(t().sheet, r, c)?.fill ? 'Solid' : 'None')),
    };
  }

  get color(): string { return this._get('color'); }
  set color(v: string) {
    this._set('color', v, () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      const color = normalizeColor(v);
      eachCell(t, (r, c) => {
        cellAt(t.sheet, r, c, true).fill = color;
      });
    });
  }
  get tintAndShade(): number | null { return this._get('tintAndShade'); }
  get pattern(): string { return this._get('pattern'); }

  clear(): void {
    this._call('clear', [], () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      eachCell(t, (r, c) => {
        const cell = cellAt(t.sheet, r, c);
        if (cell) delete cell.fill;
        tidy(t.sheet, r, c);
      }, true);
    });
  }
}

export class FakeRangeFont extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'RangeFont');
  }

  protected _scalars(): Record<string, () => unknown> {
    let cached: CellsTarget | undefined;
    const t = (): CellsTarget => (cached ??= must(this._resolve));
    return { bold: () => uniform(t(), (r, c) => cellAt(t().sheet, r, c)?.bold ?? false) };
  }

  get bold(): boolean { return this._get('bold'); }
  set bold(v: boolean) {
    this._set('bold', v, () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      eachCell(t, (r, c) => {
        const cell = cellAt(t.sheet, r, c, true);
        if (v) cell.bold = true;
        else delete cell.bold;
        tidy(t.sheet, r, c);
      }, !v);
    });
  }
}
