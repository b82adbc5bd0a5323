/** Applying a hand-made ChangePlan through the gateway (engine stubbed): writes, fills, notes, journal, refusals. */
import { JOURNAL_HEADER, JOURNAL_SHEET, journalFromRows } from '../../src/domain/journal';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import type { ChangePlan } from '../../src/domain/plan';
import { type Harness, SHEET, handPlan, harness, smallWorkbook } from './gatewayHarness';

let h: Harness;
afterEach(() => h?.uninstall());

function journalRows(): unknown[][] {
  const sheet = h.fake.sheet(JOURNAL_SHEET);
  const rows: unknown[][] = [];
  for (const [address, cell] of Object.entries(sheet.cells ?? {})) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    const r = Number(m[2]) - 1;
    (rows[r] ??= [])[m[1].charCodeAt(0) - 65] = typeof cell === 'object' && cell !== null ? cell.value : cell;
  }
  return Array.from(rows, (row) => Array.from({ length: JOURNAL_HEADER.length }, (_, c) => row?.[c] ?? ''));
}

test('writes values (never over a formula), fills and notes, journaled in a very hidden sheet, in 3 syncs', async () => {
  h = harness(smallWorkbook(), handPlan());
  const progress: string[] = [];
  const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS, (p) => progress.push(p));

  expect(outcome).toMatchObject({ sheet: SHEET, applied: true, syncs: 3 });
  expect(progress).toEqual(['leyendo', 'validando', 'escribiendo', 'listo']);
  expect(h.fake.runOptions).toEqual([{ delayForCellEdit: true }]);
  expect(h.fake.cell(SHEET, 'B2')).toMatchObject({ value: 0.1234, numberFormat: '0.00%', fill: '#FFC7CE', note: expect.stringContaining('no cuadra') });
  expect(h.fake.cell(SHEET, 'D2')).toMatchObject({ value: 'VERDE', numberFormat: '0%', fill: '#63BE7B' });
  expect(h.fake.cell(SHEET, 'E5')).toMatchObject({ value: 0.95, numberFormat: '0.00%', fill: '#63BE7B', note: null });
  expect(h.fake.cell(SHEET, 'C3')).toMatchObject({ formula: '=B2*2', value: 0.3152, fill: '#FFEB9C' });
  expect(h.fake.cell(SHEET, 'B3')).toMatchObject({ value: '257,124', note: expect.stringContaining('como texto') });

  expect(h.fake.state.sheet(JOURNAL_SHEET)?.visibility).toBe('VeryHidden');
  const entries = journalFromRows(journalRows());
  // journal rows are ordered by column, then row
  expect(entries.map((e) => [e.row, e.col, e.written])).toEqual([
    [2, 2, 0.1234],
    [3, 2, undefined],
    [3, 3, undefined], // the formula cell: filled, never written
    [2, 4, 'VERDE'],
    [5, 5, 0.95],
  ]);
  expect(entries[0].before).toEqual({ value: 0.1576, formula: null, numberFormat: '0.00%', fill: 'FFFFFFFF', note: null });
  expect(entries[1].before).toMatchObject({ value: '257,124', note: 'nota del usuario' });
  // The engine saw every sheet (earlier periods) and was asked for the active one only.
  expect(h.engine.requests[0].snapshots.map((s) => s.name)).toEqual([SHEET, 'dic-24']);
  expect(h.engine.requests[0].targetSheets).toEqual([SHEET]);
});

function fillPlan(cells: number, colors: string[]): ChangePlan {
  // Every other row, so that no two cells make a run: the worst case for grouping.
  const fills = Array.from({ length: cells }, (_, i) => ({ sheet: SHEET, row: 2 + 2 * i, col: 6, color: colors[i % colors.length] }));
  return { writes: [], fills, notes: [] };
}

test('fills are grouped by colour over getRanges: operations grow with colours and address chunks, not with cells', async () => {
  const fillOps = () => h.fake.opsCount(/^(RangeFill\.(color|clear)|Worksheet\.getRanges)$/);
  const counts: Record<string, number> = {};
  for (const [label, cells, colors] of [
    ['10 cells, 2 colours', 10, ['FFFFC7CE', 'FFFFEB9C']],
    ['5,000 cells, 2 colours', 5000, ['FFFFC7CE', 'FFFFEB9C']],
    ['10 cells, 3 colours', 10, ['FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7']],
  ] as const) {
    h = harness(smallWorkbook(), fillPlan(cells, [...colors]));
    const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
    expect(outcome.applied).toBe(true);
    expect(h.fake.cell(SHEET, `F${2 + 2 * (cells - 1)}`).fill).not.toBeNull();
    counts[label] = fillOps();
    h.uninstall();
  }
  console.log(`[excel] fill operations (getRanges + fill.color): ${JSON.stringify(counts)}`);
  // One getRanges + one fill.color per colour …
  expect(counts['10 cells, 2 colours']).toBe(2 * 2);
  expect(counts['10 cells, 3 colours']).toBe(3 * 2);
  // … and per 8,000-character address chunk: 2,500 separate cells per colour ("F2,F6,…").
  const chunks = [0, 1]
    .map((c) => Array.from({ length: 2500 }, (_, k) => `F${2 + 2 * (2 * k + c)}`).join(',').length)
    .reduce((n, chars) => n + Math.ceil(chars / 8000), 0);
  expect(chunks).toBeGreaterThan(2);
  expect(counts['5,000 cells, 2 colours']).toBe(2 * chunks);
});

test('a protected sheet: the findings come back, nothing is written, the reason is in Spanish', async () => {
  h = harness(smallWorkbook({}, true), handPlan());
  const before = h.fake.toData();
  const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(outcome.applied).toBe(false);
  expect(outcome.reason).toMatch(/La hoja «Hoja 1» está protegida/);
  expect(outcome.result.sheets[0]).toMatchObject({ readOnly: true, findings: [expect.objectContaining({ cell: 'B2' })] });
  expect(h.engine.requests[0].snapshots[0].protected).toBe(true);
  expect(outcome.syncs).toBe(2);
  expect(h.fake.toData()).toEqual(before);
  expect(h.fake.opsCount(/\.(values|formulas|numberFormat|color|clear|add|content|delete)$/)).toBe(0);
});

test('a sheet that is not a POA: nothing is written, with a clear Spanish reason', async () => {
  h = harness(smallWorkbook(), handPlan(), null);
  const before = h.fake.toData();
  const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(outcome.applied).toBe(false);
  expect(outcome.reason).toMatch(/no parece un reporte POA/);
  expect(h.fake.toData()).toEqual(before);
});

test('without ExcelApi 1.18 the notes are written as threaded comments; below 1.13 the add-in refuses in Spanish', async () => {
  h = harness(smallWorkbook({ apiVersion: '1.13' }), handPlan());
  const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(outcome.applied).toBe(true);
  expect(h.fake.cell(SHEET, 'B2')).toMatchObject({ note: null, comment: expect.stringContaining('no cuadra') });
  h.uninstall();
  h = harness(smallWorkbook({ apiVersion: '1.12' }), handPlan());
  await expect(h.gateway.validateActiveSheet(DEFAULT_OPTIONS)).rejects.toThrow(/ExcelApi 1\.13/);
  expect(h.fake.syncs).toBe(0);
});

test('a small request budget splits the writes over more syncs with the same result', async () => {
  h = harness(smallWorkbook(), fillPlan(400, ['FFFFC7CE', 'FFFFEB9C']));
  await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  const whole = h.fake.toData();
  h.uninstall();
  h = harness(smallWorkbook(), fillPlan(400, ['FFFFC7CE', 'FFFFEB9C']), 'indicators', { requestBudget: 3000 });
  const outcome = await h.gateway.validateActiveSheet(DEFAULT_OPTIONS);
  expect(outcome.syncs).toBeGreaterThan(3);
  const writes = h.fake.requests.slice(2).map((r) => r.requestBytes);
  console.log(`[excel] budget 3,000 bytes: write requests ${JSON.stringify(writes)} bytes`);
  expect(Math.max(...writes)).toBeLessThanOrEqual(3000);
  expect(h.fake.toData()).toEqual(whole);
});
