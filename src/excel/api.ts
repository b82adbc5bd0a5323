/**
 * What the task pane and the ribbon commands ask of Excel. Implemented by src/excel/officeWorkbook.ts
 * on top of Office.js (and, in tests, on the in-memory fake). The UI depends only on this interface.
 */
import type { ValidationResult } from '../domain/engine';
import type { EngineOptions } from '../domain/options';

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
}
