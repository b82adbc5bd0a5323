import type { RunContext } from './context';
import type { TextCell } from './model';
import { isJustification, observationClaim, observationFigures } from './observations';
import { semaforoOf } from './semaforo';
import type { SemaforoColor } from './plan';
import { msg } from '../i18n/es-MX';

export interface ResultInput {
  sheet: string;
  unit: string;
  /** The achieved-value cell (where compliance findings go). */
  actualAt: { row: number; col: number };
  actual: number;
  /** Goal of the period; null or 0 = no compliance. */
  goal: number | null;
  observations: TextCell | null;
  /** Words of the row (unit of measure, indicator name) that a restatement repeats. */
  contextWords: string[];
}

/** Compliance of the period, semáforo, and what OBSERVACIONES says about it. Returns the compliance and colour. */
export function checkResult(ctx: RunContext, input: ResultInput): { compliance: number | null; color: SemaforoColor | null } {
  const { sheet, unit, actualAt, actual, goal, observations } = input;
  const obsText = observations?.text ?? '';
  checkObservationFigures(ctx, input, obsText);
  if (goal === null || goal <= 0) return { compliance: null, color: null };
  const compliance = actual / goal;
  const bands = ctx.options.bands;
  const color = semaforoOf(compliance, bands);
  const percent = compliance * 100;
  if (color !== 'verde') {
    const code = percent < bands.greenMin ? 'under-target' : 'over-target';
    ctx.add(code, 'info', sheet, actualAt, unit, code === 'under-target' ? msg.underTarget(compliance, color) : msg.overTarget(compliance, color), { expected: goal, actual });
    if (!isJustification(obsText, input.contextWords)) {
      const at = observations ? { row: observations.row, col: observations.col } : actualAt;
      ctx.add('missing-justification', 'warning', sheet, at, unit, msg.missingJustification(compliance, color, obsText.trim().length > 0), { actual: compliance });
    }
  }
  const claim = obsText ? observationClaim(obsText) : null;
  if (observations && claim === 'met' && percent < bands.greenMin) {
    ctx.add('contradictory-observation', 'warning', sheet, observations, unit, msg.contradictoryMet(compliance), { actual: compliance });
  } else if (observations && claim === 'not-met' && percent >= 100) {
    ctx.add('contradictory-observation', 'warning', sheet, observations, unit, msg.contradictoryNotMet(compliance), { actual: compliance });
  }
  return { compliance, color };
}

function checkObservationFigures(ctx: RunContext, input: ResultInput, text: string): void {
  if (!text || !input.observations || !/TOTAL|:/i.test(text)) return;
  const { total, items } = observationFigures(text);
  const at = input.observations;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  if (total !== null) {
    if (!close(total, input.actual)) {
      ctx.add('observation-total-mismatch', 'error', input.sheet, at, input.unit, msg.observationTotal(total, input.actual, 'indica un TOTAL de'), { expected: input.actual, actual: total });
    }
    if (items.length >= 2) {
      const sum = items.reduce((s, n) => s + n, 0);
      if (!close(sum, total)) ctx.add('observation-total-mismatch', 'error', input.sheet, at, input.unit, msg.observationItems(sum, total), { expected: total, actual: sum });
    }
  } else if (items.length >= 2) {
    const sum = items.reduce((s, n) => s + n, 0);
    if (!close(sum, input.actual)) {
      ctx.add('observation-total-mismatch', 'error', input.sheet, at, input.unit, msg.observationTotal(sum, input.actual, 'lista cifras que suman'), { expected: input.actual, actual: sum });
    }
  }
}
