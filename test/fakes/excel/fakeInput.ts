/**
 * How Excel takes a value written through `range.values` / `range.formulas`: like typing it.
 * Number-like text becomes a number, "8.33%" a percentage (and the cell gets a percent format),
 * "TRUE" a boolean, "=…" a formula, unless the text starts with an apostrophe (stripped) or the
 * cell is formatted as text ("@"). `null` leaves the cell unchanged; "" empties it.
 * Dates typed as text are not recognised by the fake (they stay text).
 */
import { FakeError } from './fakeErrors';
import { type FakeCell, type FakeSheet, type FakeValue, cellAt, tidy } from './fakeState';

const ERROR = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;
const NUMBER = /^[-+]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][-+]?\d+)?$/;
const DECIMAL_NUMBER = /^[-+]?\.\d+$/;
const PERCENT = /^([-+]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?)\s*%$/;

export function isErrorText(value: unknown): boolean {
  return typeof value === 'string' && ERROR.test(value);
}

export function writeInput(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return;
  const cell = cellAt(sheet, row, col, true);
  applyInput(cell, input);
  tidy(sheet, row, col);
}

function applyInput(cell: FakeCell, input: unknown): void {
  if (input === '') {
    delete cell.value;
    delete cell.formula;
    return;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeError('InvalidArgument', `Invalid number: ${input}`);
    setConstant(cell, input);
    return;
  }
  if (typeof input === 'boolean') {
    setConstant(cell, input);
    return;
  }
  if (typeof input !== 'string') throw new FakeError('InvalidArgument', `Unsupported cell input: ${typeof input}`);
  if (input.startsWith("'")) {
    const text = input.slice(1);
    if (text === '') delete cell.value;
    else setConstant(cell, text);
    return;
  }
  if (cell.numberFormat === '@') {
    setConstant(cell, input);
    return;
  }
  if (input.startsWith('=') && input.length > 1) {
    // The fake does not calculate: a formula keeps its cached value only when it is unchanged.
    if (cell.formula !== input) delete cell.value;
    cell.formula = input;
    return;
  }
  setConstant(cell, parseTyped(cell, input));
}

function parseTyped(cell: FakeCell, text: string): FakeValue {
  const t = text.trim();
  if (ERROR.test(t)) return t;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  if (NUMBER.test(t) || DECIMAL_NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  const pct = PERCENT.exec(t);
  if (pct) {
    if (!cell.numberFormat || cell.numberFormat === 'General') cell.numberFormat = pct[2] ? '0.00%' : '0%';
    return Number(pct[1].replace(/,/g, '')) / 100;
  }
  return text;
}

function setConstant(cell: FakeCell, value: FakeValue): void {
  delete cell.formula;
  cell.value = value;
}

/** What `range.values` reports for a cell. */
export function valueOf(cell: FakeCell | undefined): FakeValue {
  if (!cell) return '';
  if (cell.value !== undefined) return cell.value;
  return cell.formula !== undefined ? 0 : '';
}

/** What `range.formulas` reports for a cell: the formula, else the constant, else "". */
export function formulaOf(cell: FakeCell | undefined): FakeValue {
  if (!cell) return '';
  return cell.formula ?? cell.value ?? '';
}
