import type { RunContext } from './context';
import { SEVERITY_RANK, type Finding, type Severity } from './findings';
import { SEMAFORO_FILL, SEVERITY_FILL, type ChangePlan } from './plan';
import { COMPLIANCE_HEADER, NOTE_PREFIX, SEMAFORO_HEADER, SEMAFORO_TEXT, msg } from '../i18n/es-MX';

/** Turns what the checks collected into cell writes, fills and notes, only for the target sheets. */
export function buildPlan(ctx: RunContext, targets: Set<string>): ChangePlan {
  const plan: ChangePlan = { writes: [], fills: [], notes: [] };
  // Per sheet, cells keyed by row * 32768 + col (Excel has at most 16,384 columns).
  const keyOf = (row: number, col: number) => row * 32768 + col;
  const perSheet = <T>(maps: Map<string, Map<number, T>>, sheet: string) => {
    let m = maps.get(sheet);
    if (!m) maps.set(sheet, (m = new Map()));
    return m;
  };

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

  const previous = new Map<string, Map<number, string>>();
  for (const k of ctx.corrections) {
    if (!targets.has(k.sheet)) continue;
    plan.writes.push({ sheet: k.sheet, row: k.row, col: k.col, value: k.value, numberFormat: k.numberFormat });
    perSheet(previous, k.sheet).set(keyOf(k.row, k.col), k.previous);
  }

  type CellFindings = { sheet: string; row: number; col: number; findings: Finding[] };
  const bySheet = new Map<string, Map<number, CellFindings>>();
  ctx.findings.forEach((f, i) => {
    const col = ctx.findingCols[i];
    if (f.row === null || col === null || !targets.has(f.sheet)) return;
    const cells = perSheet(bySheet, f.sheet);
    const key = keyOf(f.row, col);
    let entry = cells.get(key);
    if (!entry) cells.set(key, (entry = { sheet: f.sheet, row: f.row, col, findings: [] }));
    entry.findings.push(f);
  });
  for (const entry of [...bySheet.values()].flatMap((m) => [...m.values()])) {
    let worst: Severity = 'info';
    for (const f of entry.findings) if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
    plan.fills.push({ sheet: entry.sheet, row: entry.row, col: entry.col, color: SEVERITY_FILL[worst] });
    const lines = [NOTE_PREFIX, ...entry.findings.map((f) => `• ${f.message}`)];
    const prev = previous.get(entry.sheet)?.get(keyOf(entry.row, entry.col));
    if (prev !== undefined) lines.push(msg.previousValue(prev));
    plan.notes.push({ sheet: entry.sheet, row: entry.row, col: entry.col, text: lines.join('\n') });
  }
  return plan;
}
