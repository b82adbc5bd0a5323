/**
 * A full validation through the gateway with the REAL engine, on generated format A sheets of
 * 10, 1,000 and 50,000 rows: sync count and request payload. If the engine still throws, these
 * tests fail (they are not skipped).
 */
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import { createOfficeGateway } from '../../src/excel/officeWorkbook';
import { type ExcelFake, createExcelFake } from '../fakes/excelFake';
import { FIRST_DATA_ROW, formatASheet } from './formatASheet';

const FIVE_MB = 5 * 1024 * 1024;

let fake: ExcelFake;
let uninstall: () => void;

afterEach(() => uninstall?.());

function setup(rows: number): void {
  fake = createExcelFake({
    sheets: [formatASheet({ rows, name: 'ene-25', wrongEvery: 97 }), { name: 'Notas', cells: { A1: 'borrador' } }],
    active: 'ene-25',
  });
  uninstall = fake.install();
}

/**
 * Syncs allowed: 2 to read (sheet list; one batch for every sheet) + 1 write request, whatever the size.
 * At 50,000 rows the plan touches ~150,000 cells; the journal stores runs of cells with the same previous
 * state as one row, so the single write request stays under Excel on the web's 5 MB.
 */
const MAX_SYNCS: Record<number, number> = { 10: 3, 1000: 3, 50000: 3 };

describe.each([10, 1000, 50000])('full validation of %i rows (real engine)', (rows) => {
  test(`at most ${MAX_SYNCS[rows]} syncs, every request under 5 MB, and the plan is applied`, async () => {
    setup(rows);
    const gateway = createOfficeGateway();
    const started = Date.now();
    const outcome = await gateway.validateActiveSheet(DEFAULT_OPTIONS);
    const largest = fake.largestRequestBytes();
    const response = Math.max(...fake.requests.map((r) => r.responseBytes));
    console.log(
      `[excel] ${rows} rows: syncs=${outcome.syncs} (fake counted ${fake.syncs}), ` +
        `largest request=${(largest / 1e6).toFixed(3)} MB, requests=[${fake.requests.map((r) => r.requestBytes).join(', ')}] bytes, ` +
        `largest response=${(response / 1e6).toFixed(3)} MB, ops=${fake.opsCount()}, ` +
        `plan: ${outcome.result.plan.writes.length} writes, ${outcome.result.plan.fills.length} fills, ${outcome.result.plan.notes.length} notes, ` +
        `${Date.now() - started} ms`,
    );
    expect(outcome.applied).toBe(true);
    expect(outcome.result.sheets.find((s) => s.name === 'ene-25')?.layout).toBe('indicators');
    expect(outcome.syncs).toBe(fake.syncs);
    expect(outcome.syncs).toBeLessThanOrEqual(MAX_SYNCS[rows]);
    expect(largest).toBeLessThan(FIVE_MB);
    // The CUMPLIMIENTO % / SEMÁFORO columns were written next to the block (Q and R) for every row.
    expect(fake.cell('ene-25', `Q${FIRST_DATA_ROW}`).value).toEqual(expect.any(Number));
    expect(fake.cell('ene-25', `R${FIRST_DATA_ROW + rows - 1}`).fill).not.toBeNull();
  });
});
