import type { Severity } from './findings';

/** ARGB fills the plan uses (the adapters apply them as solid fills). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

export type SemaforoColor = 'verde' | 'amarillo' | 'rojo';

export const SEMAFORO_FILL: Record<SemaforoColor, string> = {
  verde: 'FF63BE7B',
  amarillo: 'FFFFD966',
  rojo: 'FFF8696B',
};

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** Write a value (never a formula) into a cell; numberFormat kept when omitted. Only value and number format change, so undo is exact. */
export interface CellWrite extends CellRef {
  value: number | string | null;
  numberFormat?: string;
}

/** Solid fill of a cell. */
export interface CellFill extends CellRef {
  color: string;
}

/** A note (comment) on a cell; replaces a previous note written by this tool. */
export interface CellNote extends CellRef {
  text: string;
}

/** What the engine wants changed. Adapters apply it; nothing outside it is touched. */
export interface ChangePlan {
  writes: CellWrite[];
  fills: CellFill[];
  notes: CellNote[];
}

export function emptyPlan(): ChangePlan {
  return { writes: [], fills: [], notes: [] };
}

/** Every distinct cell a plan touches, in a stable order. */
export function touchedCells(plan: ChangePlan): CellRef[] {
  const seen = new Map<string, CellRef>();
  for (const list of [plan.writes, plan.fills, plan.notes]) {
    for (const c of list) {
      const key = `${c.sheet}\u0000${c.row}\u0000${c.col}`;
      if (!seen.has(key)) seen.set(key, { sheet: c.sheet, row: c.row, col: c.col });
    }
  }
  return [...seen.values()];
}
