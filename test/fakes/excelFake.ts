/**
 * An in-memory fake of the Excel JavaScript API subset the add-in uses, plus a tiny `Office`.
 * Build it from plain data, install it as the globals `Excel` and `Office` (Node or a browser
 * page: no Node APIs here), run the code under test, then read the workbook back.
 *
 *   const fake = createExcelFake({ sheets: [{ name: 'Hoja 1', cells: { A1: { value: 5 } } }] });
 *   const uninstall = fake.install();          // globalThis.Excel / globalThis.Office
 *   await Excel.run(async (context) => { ... });
 *   fake.cell('Hoja 1', 'A1');                 // { value, formula, numberFormat, fill, bold, note, comment }
 *   fake.syncs; fake.requests;                 // one record per context.sync (ops, request/response bytes)
 */
import { formatLocal, parseLocalRange } from './excel/fakeAddress';
import { FakeRequestContext, type SyncRecord } from './excel/fakeContext';
import { FakeError } from './excel/fakeErrors';
import { type FakeOffice, createOfficeStub } from './excel/fakeOffice';
import { FakeWorkbook } from './excel/fakeWorkbook';
import {
  type BorderSide,
  type FakeBorderLine,
  type FakeCellData,
  type FakePageLayoutState,
  type FakeSheetData,
  type FakeWorkbookData,
  type FakeWorkbookState,
  buildState,
  cellAt,
  readCell,
  sheetToData,
} from './excel/fakeState';

export type { FakeCellData, FakeSheetData, FakeWorkbookData, FakeValue, Visibility } from './excel/fakeState';
export type { SyncRecord } from './excel/fakeContext';
export type { BorderSide, FakeBorderLine } from './excel/fakeState';

/** A cell's formats beyond fakeCell(): alignment, wrap, protection and borders (a shared edge read from either cell). */
export interface FakeCellFormat {
  wrap: boolean;
  horizontal: string;
  vertical: string;
  locked: boolean;
  borders: Partial<Record<BorderSide, FakeBorderLine>>;
}

/** A sheet's layout, validations, conditional formats and protection, with A1 addresses (1-based columns in widths). */
export interface FakeSheetLayout {
  /** Column letter → width in points, where set. */
  columnWidths: Record<string, number>;
  /** Row number (1-based) → height in points, where set. */
  rowHeights: Record<number, number>;
  frozenRows: number;
  frozenColumns: number;
  pageLayout: FakePageLayoutState;
  dataValidations: { address: string; rule: Record<string, unknown> | null; ignoreBlanks: boolean; errorAlert: Record<string, unknown> | null; prompt: Record<string, unknown> | null }[];
  /** In priority order (first = highest). */
  conditionalFormats: { address: string; type: string; rule: Record<string, unknown> | null; fill: string | null; fontColor: string | null }[];
  protected: boolean;
  protectionOptions: Record<string, unknown> | null;
  /** Worksheet custom properties, key → value. */
  customProperties: Record<string, string>;
}
export { FakeError } from './excel/fakeErrors';
export { MAX_RANGES_ADDRESS } from './excel/fakeWorkbook';

export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Record<string, unknown>, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  SheetVisibility: { visible: 'Visible'; hidden: 'Hidden'; veryHidden: 'VeryHidden' };
  ClearApplyTo: { all: 'All'; formats: 'Formats'; contents: 'Contents' };
  ErrorCodes: Record<string, string>;
}

export interface ExcelFake {
  /** Install these as globalThis.Excel / globalThis.Office (or call install()). */
  Excel: FakeExcelNamespace;
  Office: FakeOffice;
  state: FakeWorkbookState;
  /** One record per context.sync, in order. */
  requests: SyncRecord[];
  /** The options object passed to each Excel.run (undefined when none). */
  runOptions: (Record<string, unknown> | undefined)[];
  readonly syncs: number;
  resetStats(): void;
  /** Operations queued since the last reset, all or those of one member ("RangeFill.color"). */
  opsCount(member?: string | RegExp): number;
  largestRequestBytes(): number;
  cell(sheet: string, address: string): Required<FakeCellData>;
  cellFormat(sheet: string, address: string): FakeCellFormat;
  sheet(name: string): FakeSheetData;
  layout(name: string): FakeSheetLayout;
  toData(): FakeWorkbookData;
  sheetNames(): string[];
  activeSheet(): string;
  /** Sets globalThis.Excel and globalThis.Office (or those of `target`); returns an uninstaller. */
  install(target?: Record<string, unknown>): () => void;
}

function makeContext(core: { state: FakeWorkbookState; requests: SyncRecord[] }): FakeRequestContext {
  const context = new FakeRequestContext(core);
  context.workbook = new FakeWorkbook(context);
  return context;
}

export function createExcelFake(data: FakeWorkbookData, options: { platform?: string } = {}): ExcelFake {
  const state = buildState(data);
  const core = { state, requests: [] as SyncRecord[] };
  const runOptions: (Record<string, unknown> | undefined)[] = [];

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as (context: FakeRequestContext) => Promise<T>;
    if (typeof batch !== 'function') throw new FakeError('InvalidArgument', 'Excel.run needs a batch function.');
    runOptions.push(typeof a === 'function' ? undefined : (a as Record<string, unknown>));
    const context = makeContext(core);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }

  const sheetOf = (name: string) => {
    const sheet = state.sheet(name);
    if (!sheet) throw new Error(`Excel fake: no sheet "${name}"`);
    return sheet;
  };

  const fake: ExcelFake = {
    Excel: {
      run: run as FakeExcelNamespace['run'],
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
      ErrorCodes: { itemNotFound: 'ItemNotFound', accessDenied: 'AccessDenied', invalidArgument: 'InvalidArgument' },
    },
    Office: createOfficeStub(state, options.platform),
    state,
    requests: core.requests,
    runOptions,
    get syncs() {
      return core.requests.length;
    },
    resetStats() {
      core.requests.length = 0;
      runOptions.length = 0;
    },
    opsCount(member) {
      let n = 0;
      for (const r of core.requests) {
        for (const [m, count] of Object.entries(r.members)) {
          if (member === undefined || (typeof member === 'string' ? m === member : member.test(m))) n += count;
        }
      }
      return n;
    },
    largestRequestBytes() {
      return core.requests.reduce((max, r) => Math.max(max, r.requestBytes), 0);
    },
    cell(sheet, address) {
      const { top, left } = parseLocalRange(address);
      return readCell(sheetOf(sheet), top, left);
    },
    cellFormat(sheet, address) {
      const s = sheetOf(sheet);
      const { top, left } = parseLocalRange(address);
      const cell = cellAt(s, top, left);
      const own = cell?.borders ?? {};
      const borders: Partial<Record<BorderSide, FakeBorderLine>> = {};
      const side = (mine: FakeBorderLine | undefined, theirs: FakeBorderLine | undefined) => mine ?? theirs;
      const pick: [BorderSide, FakeBorderLine | undefined][] = [
        ['top', side(own.top, top > 0 ? cellAt(s, top - 1, left)?.borders?.bottom : undefined)],
        ['bottom', side(own.bottom, cellAt(s, top + 1, left)?.borders?.top)],
        ['left', side(own.left, left > 0 ? cellAt(s, top, left - 1)?.borders?.right : undefined)],
        ['right', side(own.right, cellAt(s, top, left + 1)?.borders?.left)],
      ];
      for (const [k, v] of pick) if (v) borders[k] = { ...v };
      return {
        wrap: cell?.wrap ?? false,
        horizontal: cell?.horizontal ?? 'General',
        vertical: cell?.vertical ?? 'Bottom',
        locked: cell?.locked ?? true,
        borders,
      };
    },
    sheet(name) {
      return sheetToData(sheetOf(name));
    },
    layout(name) {
      const s = sheetOf(name);
      const letters = (col: number) => formatLocal({ top: 0, left: col, bottom: 0, right: col }).replace(/\d+$/, '');
      return {
        columnWidths: Object.fromEntries([...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])),
        rowHeights: Object.fromEntries([...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])),
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenColumns,
        pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } },
        dataValidations: s.dataValidations.map((d) => ({ address: formatLocal(d.rect), rule: d.rule, ignoreBlanks: d.ignoreBlanks, errorAlert: d.errorAlert, prompt: d.prompt })),
        conditionalFormats: s.conditionalFormats.map((c) => ({ address: c.rects.map(formatLocal).join(','), type: c.type, rule: c.rule, fill: c.fill, fontColor: c.fontColor })),
        protected: s.protected,
        protectionOptions: s.protectionOptions,
        customProperties: Object.fromEntries([...s.customProperties.values()].map((p) => [p.key, p.value])),
      };
    },
    toData() {
      const active = state.sheetById(state.activeId);
      return { sheets: state.sheets.map(sheetToData), active: active?.name, apiVersion: state.apiVersion };
    },
    sheetNames() {
      return state.sheets.map((s) => s.name);
    },
    activeSheet() {
      return state.sheetById(state.activeId)?.name ?? '';
    },
    install(target = globalThis as unknown as Record<string, unknown>) {
      const before = { Excel: target.Excel, Office: target.Office };
      target.Excel = fake.Excel;
      target.Office = fake.Office;
      return () => {
        target.Excel = before.Excel;
        target.Office = before.Office;
      };
    },
  };
  return fake;
}

/** Builds a fake and installs it as the globals; returns the fake (call `uninstall` when done). */
export function installExcelFake(data: FakeWorkbookData, target?: Record<string, unknown>): ExcelFake & { uninstall: () => void } {
  const fake = createExcelFake(data);
  const uninstall = fake.install(target);
  return Object.assign(fake, { uninstall });
}
