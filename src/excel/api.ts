/**
 * What the task pane and the ribbon commands ask of Excel. Implemented by src/excel/officeWorkbook.ts
 * on top of Office.js (and, in tests, on the in-memory fake). The UI depends only on this interface.
 */
import type { ValidationResult } from '../domain/engine';
import type { PeriodKind } from '../domain/model';
import type { EngineOptions, SemaforoBands } from '../domain/options';

export type Progress = 'leyendo' | 'validando' | 'escribiendo' | 'listo';

export interface RunOutcome {
  result: ValidationResult;
  /** The sheet that was validated (the active sheet). */
  sheet: string;
  /** False when nothing was written (protected sheet, or not a POA); then `reason` says why in Spanish. */
  applied: boolean;
  reason?: string;
  /** Number of context.sync calls the run made (shown in diagnostics, asserted in tests). */
  syncs: number;
}

export interface StoredSettings {
  preset: string;
  bands: EngineOptions['bands'];
  tolerancePp: number;
}

/** A unidad the templates can be made for (one entry per clave). */
export interface TemplateUnitChoice {
  key: string;
  name: string;
  /** Its report kinds: 'month' (monthly format A) and/or 'quarter' (quarterly format A or TMM-F004). */
  kinds: PeriodKind[];
  /** The period its template gets by default (the one after its latest), as shown: "abr-25", "30-jun.-25". */
  next: string[];
}

/** A period the user can choose for the templates. */
export interface TemplatePeriodChoice {
  /** What to send as TemplateRequest.period ("abr-25", "SEGUNDO TRIMESTRE 2025"). */
  value: string;
  /** "abr-25", "SEGUNDO TRIMESTRE 2025". */
  label: string;
  /** The report kind it applies to: units of the other kind get no template for it. */
  kind: PeriodKind;
  /** TMM-F004 cut-off of a quarter ("30-jun.-25"), when some unit reports in that format. */
  cutoff?: string;
}

export interface TemplatePreview {
  units: TemplateUnitChoice[];
  periods: TemplatePeriodChoice[];
  /** The preselected period: the units' common next period, or "" = each unit's own next period. */
  defaultPeriod: string;
  /** Spanish notes about the workbook (a block without a recognisable period…). */
  notices: string[];
  /** Spanish, when no template can be inserted (no POA sheet, protected workbook structure); else null. */
  blocked: string | null;
}

export interface TemplateRequest {
  /** A period as parsePeriodChoice reads it; "" or absent = each unit's next period. */
  period?: string;
  /** Unit claves; absent = all. */
  units?: string[];
  /** Semáforo bands and tolerance of the pane's settings (the templates' SEMÁFORO formula uses the bands). */
  bands: SemaforoBands;
  tolerancePp?: number;
  /** Protect the new sheets (no password), leaving the cells to capture editable. */
  protect?: boolean;
}

export interface InsertedTemplate {
  name: string;
  unitKey: string;
  unitName: string;
  /** "abr-25", "SEGUNDO TRIMESTRE 2025" (format A) or the cut-off "30-jun.-25" (TMM-F004). */
  period: string;
}

export interface TemplateOutcome {
  /** The sheets inserted, in order (after the existing ones); the first is now the active sheet. Empty when none was made. */
  sheets: InsertedTemplate[];
  /** Spanish messages: a new POA year starts, missing periods, units skipped… */
  notices: string[];
  /** Number of context.sync calls (constant: 3 when the sheets fit in one request). */
  syncs: number;
}

export interface WorkbookGateway {
  /** Validate the active sheet in place: undo the previous run, read, run the engine, apply the plan and journal it. */
  validateActiveSheet(options: EngineOptions, onProgress?: (p: Progress) => void): Promise<RunOutcome>;
  /** Restore every cell the last run changed (values, number formats, fills, notes). Returns cells restored. */
  undoLastRun(): Promise<number>;
  /** Select a cell (go to a finding). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Settings saved in the document (Office.context.document.settings). */
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Plantilla: the units and periods the templates can be made for (reads the workbook; writes nothing). */
  previewTemplates(): Promise<TemplatePreview>;
  /**
   * Plantilla: adds one sheet per chosen unit for the period (new names only, never over an existing sheet) in one
   * write batch, and activates the first. Throws a Spanish Error when nothing can be inserted.
   */
  insertTemplates(request: TemplateRequest, onProgress?: (p: Progress) => void): Promise<TemplateOutcome>;
}
