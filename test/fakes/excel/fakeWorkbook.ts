/** Workbook, worksheet collection, worksheet and protection proxies. */
import { WHOLE_SHEET, parseLocalRange, splitSheet } from './fakeAddress';
import { FakeClientObject, FakeCollection, type FakeRequestContext } from './fakeContext';
import { FakeError } from './fakeErrors';
import { FakePageLayout, FakeWorksheetCustomPropertyCollection, FakeWorksheetFreezePanes, requireApiVersion } from './fakeLayout';
import { FakeAnnotationCollection, requireApi } from './fakeNotes';
import { FakeRange, FakeRangeAreas } from './fakeRange';
import { type FakeSheet, type Visibility, usedRect } from './fakeState';

/** Longest address string accepted by worksheet.getRanges (an assumption of the fake). */
export const MAX_RANGES_ADDRESS = 8192;

type SheetResolver = () => FakeSheet | null;

export class FakeWorkbook extends FakeClientObject {
  constructor(context: FakeRequestContext) {
    super(context, 'Workbook');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  protected override _navNames(): readonly string[] {
    return ['worksheets', 'protection'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'worksheets') return new FakeWorksheetCollection(this.context);
    if (name === 'protection') return new FakeProtection(this.context, 'WorkbookProtection', () => this.context.state.workbookProtected);
    if (name === 'notes' || name === 'comments') {
      return new FakeAnnotationCollection(this.context, name, () => this.context.state.sheets, null);
    }
    return undefined;
  }

  get worksheets(): FakeWorksheetCollection { return this._nav('worksheets'); }
  get protection(): FakeProtection { return this._nav('protection'); }
  get notes(): FakeAnnotationCollection {
    requireApi(this.context, 'notes');
    return this._nav('notes');
  }
  get comments(): FakeAnnotationCollection {
    requireApi(this.context, 'comments');
    return this._nav('comments');
  }
}

export class FakeProtection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    kind: string,
    private readonly _protected: () => boolean,
  ) {
    super(context, kind);
  }

  protected _scalars(): Record<string, () => unknown> {
    return { protected: this._protected };
  }

  get protected(): boolean { return this._get('protected'); }
}

const PROTECTION_OPTIONS = [
  'allowAutoFilter', 'allowDeleteColumns', 'allowDeleteRows', 'allowEditObjects', 'allowEditScenarios', 'allowFormatCells',
  'allowFormatColumns', 'allowFormatRows', 'allowInsertColumns', 'allowInsertHyperlinks', 'allowInsertRows', 'allowPivotTables',
  'allowSort', 'selectionMode',
];

/** Worksheet.protection: `protected`, and protect() / unprotect() (ExcelApi 1.2). */
export class FakeWorksheetProtection extends FakeProtection {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(context, 'WorksheetProtection', () => _sheet().protected);
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    this._call('protect', [options ?? null, password === undefined ? null : '***'], () => {
      const sheet = this._sheet();
      if (sheet.protected) throw new FakeError('InvalidOperation', 'The worksheet is already protected.');
      for (const key of Object.keys(options ?? {})) {
        if (!PROTECTION_OPTIONS.includes(key)) throw new FakeError('InvalidArgument', `Unknown protection option: ${key}.`);
      }
      const mode = options?.selectionMode;
      if (mode !== undefined && !['Normal', 'Unlocked', 'None'].includes(String(mode))) throw new FakeError('InvalidArgument', `Invalid selectionMode: ${String(mode)}.`);
      sheet.protected = true;
      sheet.protectionOptions = { ...(options ?? {}) };
    });
  }

  unprotect(): void {
    this._call('unprotect', [], () => {
      const sheet = this._sheet();
      sheet.protected = false;
      sheet.protectionOptions = null;
    });
  }
}

/** Excel's rules for a sheet name (what Excel refuses with InvalidArgument). */
export function checkSheetName(name: string): void {
  if (name.length < 1 || name.length > 31) throw new FakeError('InvalidArgument', `A sheet name has 1 to 31 characters: "${name}".`);
  if (/[:\\/?*[\]]/.test(name)) throw new FakeError('InvalidArgument', `A sheet name cannot contain : \\ / ? * [ or ]: "${name}".`);
  if (name.startsWith("'") || name.endsWith("'")) throw new FakeError('InvalidArgument', `A sheet name cannot begin or end with an apostrophe: "${name}".`);
  if (name.toLowerCase() === 'history') throw new FakeError('InvalidArgument', '"History" is reserved by Excel.');
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, 'WorksheetCollection');
  }

  protected _list(): FakeWorksheet[] {
    return this.context.state.sheets.map((s) => new FakeWorksheet(this.context, () => this.context.state.sheetById(s.id) ?? null));
  }

  getActiveWorksheet(): FakeWorksheet {
    const state = this.context.state;
    return this._child(new FakeWorksheet(this.context, () => state.sheetById(state.activeId) ?? null), 'getActiveWorksheet');
  }

  getItem(key: string): FakeWorksheet {
    return this._child(new FakeWorksheet(this.context, () => this.context.state.sheet(key) ?? null), 'getItem', [key]);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.getItem(key)._nullable();
  }

  add(name?: string): FakeWorksheet {
    const state = this.context.state;
    let id = -1;
    const ws = new FakeWorksheet(this.context, () => state.sheetById(id) ?? null);
    this.context.enqueue('WorksheetCollection.add', { i: ws._id, p: this._id, m: 'add', a: [name] }, () => {
      if (state.workbookProtected) throw new FakeError('AccessDenied', 'The workbook structure is protected.');
      if (name !== undefined) checkSheetName(name);
      id = state.addSheet(name ?? `Sheet${state.sheets.length + 1}`).id;
    });
    return ws;
  }
}

export class FakeWorksheet extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolveSheet: SheetResolver,
  ) {
    super(context, 'Worksheet');
  }

  private get _sheet(): FakeSheet {
    const s = this._resolveSheet();
    if (!s) throw new FakeError('ItemNotFound', 'The requested worksheet does not exist.');
    return s;
  }

  protected override _exists(): boolean {
    return this._resolveSheet() !== null;
  }

  protected _scalars(): Record<string, () => unknown> {
    return {
      name: () => this._sheet.name,
      id: () => `{sheet-${this._sheet.id}}`,
      visibility: () => this._sheet.visibility,
      position: () => this.context.state.sheets.indexOf(this._sheet),
    };
  }

  protected override _navNames(): readonly string[] {
    return ['protection'];
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'protection') return new FakeWorksheetProtection(this.context, () => this._sheet);
    if (name === 'freezePanes') return new FakeWorksheetFreezePanes(this.context, () => this._sheet);
    if (name === 'pageLayout') return new FakePageLayout(this.context, () => this._sheet);
    if (name === 'customProperties') return new FakeWorksheetCustomPropertyCollection(this.context, () => this._sheet);
    if (name === 'notes' || name === 'comments') {
      return new FakeAnnotationCollection(this.context, name, () => [this._sheet], () => this._sheet);
    }
    return undefined;
  }

  get name(): string { return this._get('name'); }
  get id(): string { return this._get('id'); }
  get position(): number { return this._get('position'); }
  get visibility(): Visibility { return this._get('visibility'); }
  set visibility(v: Visibility) {
    this._set('visibility', v, () => {
      const state = this.context.state;
      const sheet = this._sheet;
      if (v !== 'Visible' && state.sheets.every((s) => s === sheet || s.visibility !== 'Visible')) {
        throw new FakeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      sheet.visibility = v;
      if (v !== 'Visible' && state.activeId === sheet.id) {
        state.activeId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? state.activeId;
      }
    });
  }
  get protection(): FakeWorksheetProtection { return this._nav('protection'); }
  /** ExcelApi 1.7. */
  get freezePanes(): FakeWorksheetFreezePanes {
    requireApiVersion(this.context, '1.7', 'Worksheet.freezePanes');
    return this._nav('freezePanes');
  }
  /** ExcelApi 1.9. */
  get pageLayout(): FakePageLayout {
    requireApiVersion(this.context, '1.9', 'Worksheet.pageLayout');
    return this._nav('pageLayout');
  }
  /** ExcelApi 1.12. */
  get customProperties(): FakeWorksheetCustomPropertyCollection {
    requireApiVersion(this.context, '1.12', 'Worksheet.customProperties');
    return this._nav('customProperties');
  }
  get notes(): FakeAnnotationCollection {
    requireApi(this.context, 'notes');
    return this._nav('notes');
  }
  get comments(): FakeAnnotationCollection {
    requireApi(this.context, 'comments');
    return this._nav('comments');
  }

  getRange(address?: string): FakeRange {
    const rect = address === undefined ? WHOLE_SHEET : parseLocalRange(splitSheet(address).local);
    return this._child(new FakeRange(this.context, () => this._target([rect])), 'getRange', address === undefined ? [] : [address]);
  }

  getCell(row: number, column: number): FakeRange {
    const rect = { top: row, left: column, bottom: row, right: column };
    return this._child(new FakeRange(this.context, () => this._target([rect])), 'getCell', [row, column]);
  }

  getRanges(address: string): FakeRangeAreas {
    if (address.length > MAX_RANGES_ADDRESS) {
      throw new FakeError('InvalidArgument', `getRanges: the address is ${address.length} characters long (limit ${MAX_RANGES_ADDRESS}).`);
    }
    const rects = address.split(/[,;]/).map((a) => parseLocalRange(splitSheet(a).local));
    return this._child(new FakeRangeAreas(this.context, () => this._target(rects)), 'getRanges', [address]);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    const range = new FakeRange(this.context, () => {
      const sheet = this._resolveSheet();
      if (!sheet) return null;
      return { sheet, rects: [usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
    return this._child(range, 'getUsedRange', [valuesOnly]);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const range = new FakeRange(this.context, () => {
      const sheet = this._resolveSheet();
      const rect = sheet ? usedRect(sheet, valuesOnly) : null;
      return sheet && rect ? { sheet, rects: [rect] } : null;
    });
    return this._child(range, 'getUsedRangeOrNullObject', [valuesOnly])._nullable();
  }

  activate(): void {
    this._call('activate', [], () => {
      const sheet = this._sheet;
      if (sheet.visibility !== 'Visible') throw new FakeError('InvalidOperation', 'Cannot activate a hidden worksheet.');
      this.context.state.activeId = sheet.id;
    });
  }

  delete(): void {
    this._call('delete', [], () => {
      const state = this.context.state;
      const sheet = this._sheet;
      if (state.workbookProtected) throw new FakeError('AccessDenied', 'The workbook structure is protected.');
      if (state.sheets.every((s) => s === sheet || s.visibility !== 'Visible')) {
        throw new FakeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      if (state.activeId === sheet.id) state.activeId = state.sheets.find((s) => s.visibility === 'Visible')?.id ?? -1;
    });
  }

  private _target(rects: { top: number; left: number; bottom: number; right: number }[]): { sheet: FakeSheet; rects: typeof rects } | null {
    const sheet = this._resolveSheet();
    return sheet ? { sheet, rects } : null;
  }
}
