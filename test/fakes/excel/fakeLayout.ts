/**
 * Sheet-level features of the Excel fake that templates use: freeze panes (ExcelApi 1.7), page layout and print
 * titles (1.9), data validation (1.8), conditional formats (1.6) and sheet protection (1.2). Each is stored on the
 * FakeSheet as plain data for tests to read, and checks its arguments the way Excel does (enumerations, Excel's
 * length limits), so that a value Excel would refuse fails here too.
 */
import { MAX_ROWS, type Rect, parseLocalRange, splitSheet } from './fakeAddress';
import { FakeClientObject, type FakeRequestContext } from './fakeContext';
import { FakeError } from './fakeErrors';
import { versionAtLeast } from './fakeNotes';
import { type CellsTarget, type Resolver, must } from './fakeRange';
import { type FakeConditionalFormatEntry, type FakeSheet, assertWritable, normalizeColor } from './fakeState';

/** Using an API newer than the host's requirement set fails, as in an older Excel. */
export function requireApiVersion(context: FakeRequestContext, version: string, api: string): void {
  if (!versionAtLeast(context.state.apiVersion, version)) {
    throw new FakeError('ApiNotFound', `${api} needs ExcelApi ${version}; this host supports ${context.state.apiVersion}.`);
  }
}

function invalid(message: string): FakeError {
  return new FakeError('InvalidArgument', message);
}

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalid(`Invalid ${what}: ${String(value)}.`);
  return value;
}

/* ------------------------------------------------------------------ freeze panes */

export class FakeWorksheetFreezePanes extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(context, 'WorksheetFreezePanes');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  freezeRows(count = 1): void {
    this._call('freezeRows', [count], () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalid(`Invalid row count: ${count}.`);
      const sheet = this._sheet();
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], () => {
      if (!Number.isInteger(count) || count < 0) throw invalid(`Invalid column count: ${count}.`);
      const sheet = this._sheet();
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }

  unfreeze(): void {
    this._call('unfreeze', [], () => {
      const sheet = this._sheet();
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

/* ------------------------------------------------------------------ page layout */

export class FakePageLayout extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(context, 'PageLayout');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {
      orientation: () => this._sheet().pageLayout.orientation,
      zoom: () => ({ ...this._sheet().pageLayout.zoom }),
    };
  }

  get orientation(): string { return this._get('orientation'); }
  set orientation(v: string) {
    this._set('orientation', v, () => {
      this._sheet().pageLayout.orientation = oneOf(v, ['Portrait', 'Landscape'], 'orientation') as 'Portrait' | 'Landscape';
    });
  }

  get zoom(): Record<string, number> { return this._get('zoom'); }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this._set('zoom', v, () => {
      if (!v || typeof v !== 'object') throw invalid('Invalid zoom.');
      const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767);
      if (!pages(v.horizontalFitToPages) || !pages(v.verticalFitToPages)) throw invalid('Invalid fit-to-pages value.');
      if (v.scale !== undefined && (typeof v.scale !== 'number' || v.scale < 10 || v.scale > 400)) throw invalid('The scale must be between 10 and 400.');
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      if (fit && v.scale !== undefined) throw invalid('Give either a scale or pages to fit, not both.');
      this._sheet().pageLayout.zoom = { ...v };
    });
  }

  /** Whole rows only ("$8:$9", "8:9"), as Excel requires for print titles. */
  setPrintTitleRows(rows: string): void {
    this._call('setPrintTitleRows', [rows], () => {
      if (typeof rows !== 'string') throw invalid('The fake takes print title rows as an address string.');
      const rect = parseLocalRange(splitSheet(rows.replace(/\$/g, '')).local);
      if (rect.left !== 0 || rect.right !== 16383) throw invalid(`Print title rows must be entire rows: ${rows}.`);
      this._sheet().pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }
}

/* ------------------------------------------------------------------ data validation */

const VALIDATION_TYPES = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'];
const VALIDATION_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
/** Excel's data validation dialog limits. */
export const MAX_VALIDATION_TITLE = 32;
export const MAX_VALIDATION_MESSAGE = 255;

function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

function checkMessage(m: Record<string, unknown>, what: string): void {
  if (typeof m.title === 'string' && m.title.length > MAX_VALIDATION_TITLE) throw invalid(`The ${what} title is longer than ${MAX_VALIDATION_TITLE} characters.`);
  if (typeof m.message === 'string' && m.message.length > MAX_VALIDATION_MESSAGE) throw invalid(`The ${what} message is longer than ${MAX_VALIDATION_MESSAGE} characters.`);
}

export class FakeDataValidation extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'DataValidation');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {
      rule: () => this._entry(false)?.rule ?? null,
      ignoreBlanks: () => this._entry(false)?.ignoreBlanks ?? true,
    };
  }

  /** The entry of exactly this range (one rectangle), created on first write. */
  private _entry(create: boolean) {
    const t: CellsTarget = must(this._resolve);
    if (t.rects.length !== 1) throw invalid('The fake supports data validation on a single range.');
    const rect = t.rects[0];
    let entry = t.sheet.dataValidations.find((d) => sameRect(d.rect, rect));
    if (!entry && create) {
      assertWritable(t.sheet);
      // A new rule replaces the cells' previous rules: drop entries it covers entirely.
      t.sheet.dataValidations = t.sheet.dataValidations.filter(
        (d) => !(d.rect.top >= rect.top && d.rect.bottom <= rect.bottom && d.rect.left >= rect.left && d.rect.right <= rect.right),
      );
      entry = { rect: { ...rect }, rule: null, ignoreBlanks: true, errorAlert: null, prompt: null };
      t.sheet.dataValidations.push(entry);
    }
    return entry;
  }

  get rule(): Record<string, unknown> { return this._get('rule'); }
  set rule(v: Record<string, unknown>) {
    this._set('rule', v, () => {
      const keys = Object.keys(v ?? {});
      if (keys.length !== 1) throw invalid('A data validation rule has exactly one type.');
      const type = oneOf(keys[0], VALIDATION_TYPES, 'data validation type');
      const body = (v as Record<string, Record<string, unknown>>)[type];
      if (type !== 'list' && type !== 'custom') {
        const op = oneOf(body?.operator, VALIDATION_OPERATORS, 'data validation operator');
        if (body.formula1 === undefined || body.formula1 === null || body.formula1 === '') throw invalid('formula1 is required.');
        if ((op === 'Between' || op === 'NotBetween') && (body.formula2 === undefined || body.formula2 === '')) throw invalid('formula2 is required.');
      }
      this._entry(true)!.rule = JSON.parse(JSON.stringify(v));
    });
  }

  get ignoreBlanks(): boolean { return this._get('ignoreBlanks'); }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, () => {
      this._entry(true)!.ignoreBlanks = Boolean(v);
    });
  }

  set errorAlert(v: { message?: string; showAlert?: boolean; style?: string; title?: string }) {
    this._set('errorAlert', v, () => {
      checkMessage(v, 'error alert');
      if (v.style !== undefined) oneOf(v.style, ['Stop', 'Warning', 'Information'], 'error alert style');
      this._entry(true)!.errorAlert = { ...v };
    });
  }

  set prompt(v: { message?: string; showPrompt?: boolean; title?: string }) {
    this._set('prompt', v, () => {
      checkMessage(v, 'prompt');
      this._entry(true)!.prompt = { ...v };
    });
  }

  clear(): void {
    this._call('clear', [], () => {
      const t = must(this._resolve);
      assertWritable(t.sheet);
      t.sheet.dataValidations = t.sheet.dataValidations.filter((d) => !t.rects.some((r) => sameRect(r, d.rect)));
    });
  }
}

/* ------------------------------------------------------------------ conditional formats */

const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];
const TEXT_OPERATORS = ['Contains', 'NotContains', 'BeginsWith', 'EndsWith'];
/** The kinds the fake models: the property of ConditionalFormat that holds each one's rule and format. */
const CF_MEMBER: Record<string, string> = { Custom: 'custom', CellValue: 'cellValue', ContainsText: 'textComparison' };

export class FakeConditionalFormatCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _resolve: Resolver,
  ) {
    super(context, 'ConditionalFormatCollection');
  }

  protected _scalars(): Record<string, () => unknown> {
    return { count: () => must(this._resolve).sheet.conditionalFormats.length };
  }

  add(type: string): FakeConditionalFormat {
    let entry: FakeConditionalFormatEntry | null = null;
    const cf = new FakeConditionalFormat(this.context, () => entry);
    this.context.enqueue('ConditionalFormatCollection.add', { i: cf._id, p: this._id, m: 'add', a: [type] }, () => {
      oneOf(type, CF_TYPES, 'conditional format type');
      if (!CF_MEMBER[type]) throw invalid(`The fake does not model ${type} conditional formats.`);
      const t = must(this._resolve);
      assertWritable(t.sheet);
      entry = { id: this.context.state.nextId(), rects: t.rects.map((r) => ({ ...r })), type, rule: null, fill: null, fontColor: null };
      // Excel puts a new conditional format first (priority 0).
      t.sheet.conditionalFormats.unshift(entry);
    });
    return cf;
  }
}

type EntryOf = () => FakeConditionalFormatEntry | null;

export class FakeConditionalFormat extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _entryOf: EntryOf,
  ) {
    super(context, 'ConditionalFormat');
  }

  protected _scalars(): Record<string, () => unknown> {
    return { type: () => this._entryOf()?.type };
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    const type = Object.keys(CF_MEMBER).find((k) => CF_MEMBER[k] === name);
    return type ? new FakeConditionalRuleHolder(this.context, this._entryOf, type, name) : undefined;
  }

  get type(): string { return this._get('type'); }
  get custom(): FakeConditionalRuleHolder { return this._nav('custom'); }
  get cellValue(): FakeConditionalRuleHolder { return this._nav('cellValue'); }
  get textComparison(): FakeConditionalRuleHolder { return this._nav('textComparison'); }
}

/** ConditionalFormat.custom / .cellValue / .textComparison: a rule and a format; wrong for another type. */
export class FakeConditionalRuleHolder extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _entryOf: EntryOf,
    private readonly _type: string,
    member: string,
  ) {
    super(context, `ConditionalFormat.${member}`);
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  /** The entry, checked to be of this holder's type (Excel fails when a rule of another type is used). */
  _entry(): FakeConditionalFormatEntry {
    const entry = this._entryOf();
    if (!entry) throw new FakeError('ItemNotFound', 'The conditional format does not exist.');
    if (entry.type !== this._type) throw invalid(`This conditional format is ${entry.type}, not ${this._type}.`);
    return entry;
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'format') return new FakeConditionalRangeFormat(this.context, () => this._entry());
    if (name === 'rule' && this._type === 'Custom') return new FakeConditionalFormulaRule(this.context, () => this._entry());
    return undefined;
  }

  get format(): FakeConditionalRangeFormat { return this._nav('format'); }

  /** Custom: an object whose `formula` is set; CellValue / ContainsText: set as a whole. */
  get rule(): FakeConditionalFormulaRule { return this._nav('rule'); }
  set rule(v: Record<string, unknown>) {
    this._set('rule', v, () => {
      const entry = this._entry();
      if (this._type === 'CellValue') {
        const op = oneOf(v?.operator, CELL_VALUE_OPERATORS, 'cell value operator');
        if (v.formula1 === undefined || v.formula1 === '') throw invalid('formula1 is required.');
        if ((op === 'Between' || op === 'NotBetween') && !v.formula2) throw invalid('formula2 is required.');
      } else if (this._type === 'ContainsText') {
        oneOf(v?.operator, TEXT_OPERATORS, 'text operator');
        if (typeof v.text !== 'string') throw invalid('text is required.');
      } else throw invalid('Set custom.rule.formula instead.');
      entry.rule = { ...v };
    });
  }
}

/** custom.rule: `formula` (A1, starting with "="). */
export class FakeConditionalFormulaRule extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _entry: () => FakeConditionalFormatEntry,
  ) {
    super(context, 'ConditionalFormatRule');
  }

  protected _scalars(): Record<string, () => unknown> {
    return { formula: () => this._entry().rule?.formula ?? '' };
  }

  get formula(): string { return this._get('formula'); }
  set formula(v: string) {
    this._set('formula', v, () => {
      if (typeof v !== 'string' || !v.startsWith('=') || v.length < 2) throw invalid(`A conditional format formula starts with "=": ${String(v)}.`);
      this._entry().rule = { formula: v };
    });
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _entry: () => FakeConditionalFormatEntry,
  ) {
    super(context, 'ConditionalRangeFormat');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  protected override _createNav(name: string): FakeClientObject | undefined {
    if (name === 'fill' || name === 'font') return new FakeConditionalColor(this.context, this._entry, name === 'fill' ? 'fill' : 'fontColor', name);
    return undefined;
  }

  get fill(): FakeConditionalColor { return this._nav('fill'); }
  get font(): FakeConditionalColor { return this._nav('font'); }
}

export class FakeConditionalColor extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _entry: () => FakeConditionalFormatEntry,
    private readonly _field: 'fill' | 'fontColor',
    member: string,
  ) {
    super(context, member === 'fill' ? 'ConditionalRangeFill' : 'ConditionalRangeFont');
  }

  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this._entry()[this._field] };
  }

  get color(): string { return this._get('color'); }
  set color(v: string) {
    this._set('color', v, () => {
      this._entry()[this._field] = normalizeColor(v);
    });
  }
}


/* ------------------------------------------------------------------ custom properties */

/** Worksheet.customProperties (ExcelApi 1.12): keys are case-insensitive, at most 255 characters. */
export class FakeWorksheetCustomPropertyCollection extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet,
  ) {
    super(context, 'WorksheetCustomPropertyCollection');
  }

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }

  add(key: string, value: string): FakeWorksheetCustomProperty {
    this._call('add', [key, value], () => {
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) throw invalid(`Invalid custom property key: ${String(key)}.`);
      // Adding an existing key overwrites its value.
      this._sheet().customProperties.set(key.toLowerCase(), { key, value: String(value) });
    });
    return new FakeWorksheetCustomProperty(this.context, this._sheet, key);
  }

  getItemOrNullObject(key: string): FakeWorksheetCustomProperty {
    return this._child(new FakeWorksheetCustomProperty(this.context, this._sheet, key), 'getItemOrNullObject', [key])._nullable();
  }
}

export class FakeWorksheetCustomProperty extends FakeClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet,
    private readonly _key: string,
  ) {
    super(context, 'WorksheetCustomProperty');
  }

  private get _entry(): { key: string; value: string } {
    const e = this._sheet().customProperties.get(this._key.toLowerCase());
    if (!e) throw new FakeError('ItemNotFound', `No custom property "${this._key}".`);
    return e;
  }

  protected override _exists(): boolean {
    return this._sheet().customProperties.has(this._key.toLowerCase());
  }

  protected _scalars(): Record<string, () => unknown> {
    return { key: () => this._entry.key, value: () => this._entry.value };
  }

  get key(): string { return this._get('key'); }
  get value(): string { return this._get('value'); }
}
