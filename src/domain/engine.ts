import type { SheetSnapshot } from './snapshot';
import type { Finding, Severity } from './findings';
import type { ChangePlan } from './plan';
import type { EngineOptions } from './options';
import type { Layout, ParsedSheet } from './model';
import type { SemaforoColor } from './plan';
import type { AccumulatedFigure } from './context';

export interface UnitSummary {
  unit: string;
  name: string;
  counts: Record<Severity, number>;
  semaforo: Record<SemaforoColor, number>;
}

export interface SheetReport {
  name: string;
  layout: Layout | null;
  /** Period label(s) of the sheet's blocks ("ene-25", "PRIMER TRIMESTRE 2025", "31-mar-24"), or null. */
  period: string | null;
  findings: Finding[];
  units: UnitSummary[];
  /** True when the sheet is protected: validated read-only, nothing in the plan. */
  readOnly: boolean;
}

export interface ValidationResult {
  sheets: SheetReport[];
  summary: Record<Severity, number>;
  plan: ChangePlan;
  parsed: ParsedSheet[];
  /** Accumulated progress as the engine recomputed it, per indicator row (templates carry it forward). */
  accumulated?: AccumulatedFigure[];
}

export interface ValidateRequest {
  snapshots: SheetSnapshot[];
  options?: Partial<EngineOptions>;
  /** Sheets to validate and change; the others are read only for earlier periods. Default: all. */
  targetSheets?: string[];
}

export { validateWorkbook } from './validate';
