import type { RunContext } from './context';
import type { NumCell, ProgrammaticBlock, ProgrammaticRow } from './model';
import { asFraction, checkNumber, previousText } from './checkNumbers';
import { checkResult } from './checkResult';
import { REQUIRED_PROGRAMMATIC_FIELDS } from './headers';
import { displayHalfUnitPp } from './numbers';
import { msg } from '../i18n/es-MX';

/** Format B (TMM-F004): ΣP = META ANUAL; AVANCE ABSOLUTO = ΣA to the cut-off; ACUMULADO RELATIVO = ABSOLUTO / META ANUAL. */
export function checkProgrammaticBlock(ctx: RunContext, block: ProgrammaticBlock): void {
  const sheet = block.sheet;
  const unit = block.unitKey;
  for (const f of REQUIRED_PROGRAMMATIC_FIELDS) {
    if (block.columns[f] === undefined) ctx.add('missing-column', 'error', sheet, { row: block.headerTop, col: block.firstCol }, unit, msg.missingColumn(f));
  }
  let cutoffQuarter = block.cutoffQuarter;
  if (cutoffQuarter === null) {
    ctx.add('period-not-found', 'warning', sheet, { row: block.headerTop, col: block.firstCol }, unit, msg.cutoffNotFound());
    cutoffQuarter = lastQuarterWithValues(block.rows);
  }
  const complianceCol = block.columns.compliance ?? block.lastCol + 1;
  const semaforoCol = block.columns.semaforo ?? complianceCol + 1;
  if (block.columns.compliance === undefined) ctx.headers.push({ sheet, row: block.headerTop, col: complianceCol, text: 'compliance' });
  if (block.columns.semaforo === undefined) ctx.headers.push({ sheet, row: block.headerTop, col: semaforoCol, text: 'semaforo' });

  for (const row of block.rows) {
    const goal = checkNumber(ctx, sheet, unit, 'annualGoal', row.annualGoal, { required: true, positive: true });
    const planned = row.planned.map((c, i) => checkNumber(ctx, sheet, unit, `planned${i + 1}`, c));
    const achieved = row.achieved.map((c, i) => checkNumber(ctx, sheet, unit, `achieved${i + 1}`, c));
    const absolute = checkNumber(ctx, sheet, unit, 'absolute', row.absolute);
    const relative = checkNumber(ctx, sheet, unit, 'relative', row.relative);
    const badPlanned = row.planned.some((c) => c && (c.kind === 'error' || c.kind === 'not-a-number'));
    if (goal !== null && !badPlanned && row.annualGoal) {
      const sum = planned.reduce<number>((s, v) => s + (v ?? 0), 0);
      if (Math.abs(sum - goal) > 1e-9 * Math.max(1, goal)) {
        ctx.add('programmed-sum-mismatch', 'error', sheet, row.annualGoal, unit, msg.programmedSum(sum, goal), { expected: goal, actual: sum });
      }
    }
    let compliance: ReturnType<typeof checkResult> = { compliance: null, color: null };
    if (cutoffQuarter !== null) {
      checkFuture(ctx, block, row, achieved, cutoffQuarter);
      const badAchieved = row.achieved.slice(0, cutoffQuarter).some((c) => c && (c.kind === 'error' || c.kind === 'not-a-number' || (c.value ?? 0) < 0));
      const expectedAbsolute = badAchieved ? null : achieved.slice(0, cutoffQuarter).reduce<number>((s, v) => s + (v ?? 0), 0);
      if (expectedAbsolute !== null) checkAbsolute(ctx, block, row, absolute, expectedAbsolute, cutoffQuarter);
      if (expectedAbsolute !== null && goal !== null) checkRelative(ctx, block, row, relative, expectedAbsolute, goal);
      const p = planned[cutoffQuarter - 1];
      const a = achieved[cutoffQuarter - 1];
      const aCell = row.achieved[cutoffQuarter - 1];
      if (p !== null && p > 0 && aCell && aCell.kind === 'empty') ctx.add('missing-value', 'warning', sheet, aCell, unit, msg.missingValue(`achieved${cutoffQuarter}`));
      if (aCell && p !== null && p > 0) {
        compliance = checkResult(ctx, {
          sheet, unit, actualAt: aCell, actual: a ?? 0, goal: p, observations: row.observations,
          contextWords: [row.measureUnit],
        });
      }
    }
    ctx.compliance.push({ sheet, row: row.row, complianceCol, semaforoCol, compliance: compliance.compliance, color: compliance.color });
  }
}

function lastQuarterWithValues(rows: ProgrammaticRow[]): number | null {
  let last: number | null = null;
  for (const r of rows) r.achieved.forEach((c, i) => { if (c && c.value) last = Math.max(last ?? 0, i + 1); });
  return last;
}

function checkFuture(ctx: RunContext, block: ProgrammaticBlock, row: ProgrammaticRow, achieved: (number | null)[], cutoff: number): void {
  for (let q = cutoff + 1; q <= 4; q++) {
    const v = achieved[q - 1];
    const cell = row.achieved[q - 1];
    if (cell && v !== null && v !== 0) ctx.add('future-period-value', 'warning', block.sheet, cell, block.unitKey, msg.futureValue(q, v, cutoff), { actual: v });
  }
}

function checkAbsolute(ctx: RunContext, block: ProgrammaticBlock, row: ProgrammaticRow, absolute: number | null, expected: number, quarter: number): void {
  const cell = row.absolute;
  if (!cell || cell.kind === 'error' || cell.kind === 'not-a-number' || (cell.kind === 'empty' && expected === 0)) return;
  const printed = absolute ?? null;
  if (printed !== null && Math.abs(printed - expected) <= 1e-6 * Math.max(1, expected)) return;
  if (printed !== null) {
    ctx.add('absolute-progress-mismatch', 'error', block.sheet, cell, block.unitKey, msg.absoluteSum(printed, expected, quarter) + formulaNote(cell), { expected, actual: printed });
  }
  if (!cell.formula) ctx.correct(block.sheet, cell, expected, previousText(cell), 'General');
}

function checkRelative(ctx: RunContext, block: ProgrammaticBlock, row: ProgrammaticRow, relative: number | null, absolute: number, goal: number): void {
  const cell = row.relative;
  if (!cell || cell.kind === 'error' || cell.kind === 'not-a-number') return;
  const expected = absolute / goal;
  const printed = relative !== null ? asFraction(cell, relative) : null;
  if (printed !== null && Math.abs(printed - expected) <= ctx.allowedPp(displayHalfUnitPp(cell)) / 100) return;
  if (printed !== null) {
    ctx.add('accumulated-mismatch', 'error', block.sheet, cell, block.unitKey, msg.relative(printed, expected, absolute, goal) + formulaNote(cell), { expected, actual: printed });
  }
  if (!cell.formula) ctx.correct(block.sheet, cell, expected, previousText(cell), '0%');
}

function formulaNote(cell: NumCell): string {
  return cell.formula ? ` ${msg.formulaKept(cell.formula)}` : '';
}
