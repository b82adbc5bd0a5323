import type { Finding, FindingCode, Severity } from './findings';
import type { NumCell } from './model';
import type { EngineOptions } from './options';
import type { SemaforoColor } from './plan';
import { cellAddress } from './address';

export interface Correction {
  sheet: string;
  row: number;
  col: number;
  value: number;
  numberFormat: string;
  previous: string;
}

export interface ComplianceMark {
  sheet: string;
  row: number;
  complianceCol: number;
  semaforoCol: number;
  compliance: number | null;
  color: SemaforoColor | null;
}

/** The accumulated progress the engine recomputed for an indicator row (null when it could not). */
export interface AccumulatedFigure {
  sheet: string;
  row: number;
  col: number;
  value: number | null;
}

export interface HeaderMark {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** Collects what the checks find and what they want written. */
export class RunContext {
  readonly findings: Finding[] = [];
  /** Column of each finding's cell (parallel to `findings`), so the plan needs no address parsing. */
  readonly findingCols: (number | null)[] = [];
  readonly corrections: Correction[] = [];
  readonly compliance: ComplianceMark[] = [];
  readonly headers: HeaderMark[] = [];
  readonly accumulated: AccumulatedFigure[] = [];

  constructor(readonly options: EngineOptions) {}

  add(code: FindingCode, severity: Severity, sheet: string, at: { row: number; col: number } | null, unit: string | null, message: string, numbers?: { expected?: number; actual?: number }): void {
    const f: Finding = {
      code,
      severity,
      sheet,
      cell: at ? cellAddress(at.row, at.col) : null,
      row: at ? at.row : null,
      unit: unit || null,
      message,
    };
    if (numbers?.expected !== undefined && Number.isFinite(numbers.expected)) f.expected = round(numbers.expected);
    if (numbers?.actual !== undefined && Number.isFinite(numbers.actual)) f.actual = round(numbers.actual);
    this.findings.push(f);
    this.findingCols.push(at ? at.col : null);
  }

  correct(sheet: string, cell: NumCell, value: number, previous: string, fallbackFormat: string): void {
    const keepFormat = cell.kind === 'number' && cell.numberFormat && cell.numberFormat !== 'General';
    this.corrections.push({ sheet, row: cell.row, col: cell.col, value, numberFormat: keepFormat ? cell.numberFormat : fallbackFormat, previous });
  }

  /** Allowed distance, in percentage points, between a printed percentage and the recomputed one. */
  allowedPp(halfUnitPp: number): number {
    return Math.max(this.options.tolerancePp, halfUnitPp) + 1e-9;
  }
}

function round(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}
