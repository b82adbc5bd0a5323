/**
 * The workbook the browser test opens, built in Node from the seed data (ExcelJS, written and re-read
 * as a real .xlsx), read into engine snapshots, and turned into the Excel fake's data (JSON) for the page:
 *
 * - sheet "POA": unit 306's three monthly blocks (ene-25, feb-25, mar-25) with feb's first
 *   accumulated printed as 30.00% (recomputed 27.89%: a correction), then unit 303's feb-25 block
 *   (no ene-25: no-previous-period) whose receipts indicator is renamed to hostile markup that the
 *   duplicate-description finding quotes;
 * - sheet "Notas": not a POA (text, a number and a formula).
 */
import ExcelJS from 'exceljs';
import { cellAddress } from '../../src/domain/address';
import { validateWorkbook, type ValidationResult } from '../../src/domain/engine';
import type { SheetSnapshot } from '../../src/domain/snapshot';
import { fakeSheetOf } from '../fakes/fromSnapshot';
import { defaultForm, parseForm } from '../../src/taskpane/model';
import { snapshotsOf } from '../../src/xlsx/readSnapshots';
import type { FakeWorkbookData } from '../fakes/excelFake';
import { addIndicatorSheet, addNotesSheet, roundTrip } from '../fixtures/buildWorkbook';
import { unitBlocks } from '../helpers/engine';

export const POA_SHEET = 'POA';
export const NOTES_SHEET = 'Notas';
/** Markup in an indicator NOMBRE: it must reach the page as text, never as an element. */
export const HOSTILE = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_INDICATOR = 'RECIBOS ENTREGADOS A DOMICILIO';
/** Feb's first accumulated as the office printed it in this workbook, and as the engine recomputes it. */
export const PRINTED_FEB = 0.3;
export const RECOMPUTED_FEB = 0.2789;

export interface BrowserWorkbook {
  /** What the page's Excel fake is built from. */
  data(active: string): FakeWorkbookData;
  snapshots: SheetSnapshot[];
  /** The feb-25 first row's AVANCE %/ META ANUAL cell ("H26"). */
  febCell: string;
  /** The cell of the hostile indicator name. */
  hostileCell: string;
  /** The engine's result for the sheet the pane validates, with the pane's default settings. */
  expected(active: string): ValidationResult;
}

export async function buildBrowserWorkbook(): Promise<BrowserWorkbook> {
  const b306 = unitBlocks('306');
  if (b306.map((b) => b.period).join(',') !== 'ene-25,feb-25,mar-25') throw new Error(`306 blocks: ${b306.map((b) => b.period)}`);
  b306[1].rows[0].accumulated = '30.00%';
  const b303 = unitBlocks('303');
  if (b303.length !== 1 || b303[0].period !== 'feb-25') throw new Error(`303 blocks: ${b303.map((b) => b.period)}`);
  const hostileRow = b303[0].rows.findIndex((r) => r.indicatorName.trim() === HOSTILE_INDICATOR);
  if (hostileRow < 0) throw new Error(`303: no indicator ${HOSTILE_INDICATOR}`);
  b303[0].rows[hostileRow].indicatorName = HOSTILE;

  const wb = new ExcelJS.Workbook();
  const layout = addIndicatorSheet(wb, POA_SHEET, [...b306, ...b303]);
  addNotesSheet(wb, NOTES_SHEET);
  const snapshots = snapshotsOf(await roundTrip(wb));

  const feb = layout.blocks[1];
  const febCell = cellAddress(feb.dataRows[0], feb.columns.accumulated);
  const b = layout.blocks[3];
  const hostileCell = cellAddress(b.dataRows[hostileRow], b.columns.indicatorName);

  const settings = parseForm(defaultForm());
  if (!settings.ok) throw new Error('default settings do not parse');
  return {
    snapshots,
    febCell,
    hostileCell,
    data: (active) => ({ sheets: snapshots.map(fakeSheetOf), active }),
    expected: (active) => validateWorkbook({ snapshots, options: settings.options, targetSheets: [active] }),
  };
}

