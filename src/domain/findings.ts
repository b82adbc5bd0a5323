export type Severity = 'error' | 'warning' | 'info';

/** Stable finding codes (documented in docs/ARCHITECTURE.md). */
export const FINDING_CODES = [
  'sheet-not-recognized',
  'missing-column',
  'period-not-found',
  'not-a-number',
  'number-as-text',
  'negative-value',
  'missing-value',
  'zero-target',
  'cell-error',
  'accumulated-mismatch',
  'absolute-progress-mismatch',
  'programmed-sum-mismatch',
  'accumulated-decrease',
  'no-previous-period',
  'future-period-value',
  'frequency-mismatch',
  'under-target',
  'over-target',
  'missing-justification',
  'contradictory-observation',
  'observation-total-mismatch',
  'target-changed',
  'duplicate-description',
  'outlier',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about, or null for a sheet-level finding. */
  cell: string | null;
  /** 1-based sheet row, or null. */
  row: number | null;
  /** Clave of the unidad responsable / ejecutora, or null. */
  unit: string | null;
  /** Spanish: what was found and what was expected. */
  message: string;
  expected?: number;
  actual?: number;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
