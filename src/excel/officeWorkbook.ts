/**
 * WorkbookGateway on Office.js.
 *
 * Requirement sets: ExcelApi 1.13 minimum (the manifest should declare it):
 * - 1.13 Range.getMergedAreasOrNullObject (merged areas in the read batch);
 * - 1.9  Range.getCellProperties (fills of the used range in the same batch),
 *        Worksheet.getRanges / RangeAreas (fills grouped by colour), RangeFill.tintAndShade;
 * - 1.10 threaded comments, the fallback for notes;
 * - 1.7  Workbook.protection; 1.5 delayForCellEdit; 1.4 getUsedRangeOrNullObject, getItemOrNullObject;
 *        1.2 Worksheet.protection; 1.1 VeryHidden sheets.
 * Optional: ExcelApi 1.18 for cell notes (workbook.notes / worksheet.notes), checked with
 * Office.context.requirements.isSetSupported; without it the plan's notes become threaded comments.
 * 1.13 keeps Excel 2021 and every current Microsoft 365 / Excel on the web host; notes at 1.18 are
 * what users expect for annotations (they do not start conversations), hence optional, not required.
 *
 * A validation makes at most 3 syncs when the writes fit in one request (< 4 MB): sheet list,
 * one read batch for every sheet, one write batch. So does Plantilla (templates.ts, templateWriter.ts: also 1.6
 * conditional formats, 1.7 freeze panes, 1.8 data validation, 1.9 page layout), whatever the number of units.
 */
import type { ValidateRequest, ValidationResult } from '../domain/engine';
import { validateWorkbook } from '../domain/validate';
import type { EngineOptions } from '../domain/options';
import { excelMessages } from '../i18n/excel.es-MX';
import type { Progress, RunOutcome, StoredSettings, TemplateOutcome, TemplatePreview, TemplateRequest, WorkbookGateway } from './api';
import { applyPlan, previousRun, writeBlocker } from './applyRun';
import { REQUEST_BUDGET } from './batchWriter';
import { withoutPreviousRun } from './cellTargets';
import { parseQualified } from './a1';
import { readWorkbook } from './readWorkbook';
import { assertSupportedHost, noteKind, runExcel } from './session';
import { loadSettings, saveSettings } from './settings';
import { insertTemplates, previewTemplates } from './templates';
import { undoJournal } from './undoRun';

export interface GatewayDeps {
  /** The engine (default: validateWorkbook); tests may pass a stub. */
  validate?: (request: ValidateRequest) => ValidationResult;
  /** Request payload budget in bytes (default 4,000,000). */
  requestBudget?: number;
}

export class OfficeWorkbookGateway implements WorkbookGateway {
  private readonly validate: (request: ValidateRequest) => ValidationResult;
  private readonly budget: number;

  constructor(deps: GatewayDeps = {}) {
    this.validate = deps.validate ?? validateWorkbook;
    this.budget = deps.requestBudget ?? REQUEST_BUDGET;
  }

  async validateActiveSheet(options: EngineOptions, onProgress?: (p: Progress) => void): Promise<RunOutcome> {
    assertSupportedHost();
    return runExcel(async (session) => {
      onProgress?.('leyendo');
      const read = await readWorkbook(session, noteKind(), { snapshots: true });
      const blocked = writeBlocker(read);
      // The engine sees the sheets as they will be once the previous run is undone (twice = once);
      // when nothing can be written it sees them as they are.
      const snapshots = blocked ? read.snapshots : withoutPreviousRun(read.snapshots, previousRun(read));
      onProgress?.('validando');
      const result = this.validate({ snapshots, options, targetSheets: [read.activeSheet] });
      const sheet = read.activeSheet;
      const done = (applied: boolean, reason?: string): RunOutcome => {
        onProgress?.('listo');
        return { result, sheet, applied, ...(reason ? { reason } : {}), syncs: session.syncs };
      };
      if (blocked) return done(false, blocked);
      const report = result.sheets.find((s) => s.name === sheet);
      if (!report || report.layout === null) return done(false, excelMessages.notPoa(sheet));
      onProgress?.('escribiendo');
      const applied = await applyPlan(session, read, result.plan, this.budget);
      return done(applied.applied, applied.reason);
    });
  }

  async undoLastRun(): Promise<number> {
    assertSupportedHost();
    return runExcel((session) => undoJournal(session, this.budget));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
    parseQualified(local);
    return runExcel(async (session) => {
      const ws = session.context.workbook.worksheets.getItemOrNullObject(sheet);
      await session.sync();
      if (ws.isNullObject) throw new Error(excelMessages.sheetNotFound(sheet));
      ws.activate();
      ws.getRange(local).select();
      await session.sync();
    });
  }

  loadSettings(): Promise<StoredSettings | null> {
    return loadSettings();
  }

  saveSettings(settings: StoredSettings): Promise<void> {
    return saveSettings(settings);
  }

  async previewTemplates(): Promise<TemplatePreview> {
    assertSupportedHost();
    return runExcel((session) => previewTemplates(session, { validate: this.validate }));
  }

  async insertTemplates(request: TemplateRequest, onProgress?: (p: Progress) => void): Promise<TemplateOutcome> {
    assertSupportedHost();
    return runExcel((session) => insertTemplates(session, request, { validate: this.validate, budget: this.budget }, onProgress));
  }
}

export function createOfficeGateway(deps: GatewayDeps = {}): WorkbookGateway {
  return new OfficeWorkbookGateway(deps);
}
