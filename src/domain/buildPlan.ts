import type { RunContext } from './context';
import { SEVERITY_RANK, type Finding, type Severity } from './findings';
import { parseAddress } from './address';
import { SEMAFORO_FILL, SEVERITY_FILL, type ChangePlan } from './plan';
import { COMPLIANCE_HEADER, NOTE_PREFIX, SEMAFORO_HEADER, SEMAFORO_TEXT, msg } from '../i18n/es-MX';

/** Turns what the checks collected into cell writes, fills and notes, only for the target sheets. */
export function buildPlan(ctx: RunContext, targets: Set<string>): ChangePlan {
  const plan: ChangePlan = { writes: [], fills: [], notes: [] };
  const keyOf = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;

  for (const h of ctx.headers) {
    if (!targets.has(h.sheet)) continue;
    plan.writes.push({ sheet: h.sheet, row: h.row, col: h.col, value: h.text === 'compliance' ? COMPLIANCE_HEADER : SEMAFORO_HEADER });
  }
  for (const c of ctx.compliance) {
    if (!targets.has(c.sheet)) continue;
    plan.writes.push({ sheet: c.sheet, row: c.row, col: c.complianceCol, value: c.compliance, numberFormat: '0.00%' });
    plan.writes.push({ sheet: c.sheet, row: c.row, col: c.semaforoCol, value: c.color ? SEMAFORO_TEXT[c.color] : null });
    if (c.color) plan.fills.push({ sheet: c.sheet, row: c.row, col: c.semaforoCol, color: SEMAFORO_FILL[c.color] });
  }

  const previous = new Map<string, string>();
  for (const k of ctx.corrections) {
    if (!targets.has(k.sheet)) continue;
    plan.writes.push({ sheet: k.sheet, row: k.row, col: k.col, value: k.value, numberFormat: k.numberFormat });
    previous.set(keyOf(k.sheet, k.row, k.col), k.previous);
  }

  const byCell = new Map<string, { sheet: string; row: number; col: number; findings: Finding[] }>();
  for (const f of ctx.findings) {
    if (!f.cell || !targets.has(f.sheet)) continue;
    const { row, col } = parseAddress(f.cell);
    const key = keyOf(f.sheet, row, col);
    const entry = byCell.get(key) ?? { sheet: f.sheet, row, col, findings: [] };
    entry.findings.push(f);
    byCell.set(key, entry);
  }
  for (const [key, entry] of byCell) {
    let worst: Severity = 'info';
    for (const f of entry.findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
    plan.fills.push({ sheet: entry.sheet, row: entry.row, col: entry.col, color: SEVERITY_FILL[worst] });
    const lines = [NOTE_PREFIX, ...entry.findings.map((f) => `• ${f.message}`)];
    const prev = previous.get(key);
    if (prev !== undefined) lines.push(msg.previousValue(prev));
    plan.notes.push({ sheet: entry.sheet, row: entry.row, col: entry.col, text: lines.join('\n') });
  }
  return plan;
}
