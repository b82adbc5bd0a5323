/**
 * Helpers for the gateway tests: an engine stub that returns a hand-made plan (none for a protected
 * sheet, like the engine) with one finding, and a small workbook.
 */
import type { ValidateRequest, ValidationResult } from '../../src/domain/engine';
import type { Finding } from '../../src/domain/findings';
import type { Layout } from '../../src/domain/model';
import type { ChangePlan } from '../../src/domain/plan';
import { type GatewayDeps, createOfficeGateway } from '../../src/excel/officeWorkbook';
import type { WorkbookGateway } from '../../src/excel/api';
import { type ExcelFake, type FakeWorkbookData, createExcelFake } from '../fakes/excelFake';

export const SHEET = 'Hoja 1';

export function stubEngine(plan: ChangePlan, layout: Layout | null = 'indicators') {
  const requests: ValidateRequest[] = [];
  const validate = (request: ValidateRequest): ValidationResult => {
    requests.push(request);
    const name = request.targetSheets?.[0] ?? '';
    const readOnly = request.snapshots.find((s) => s.name === name)?.protected === true;
    const finding: Finding = { code: 'accumulated-mismatch', severity: 'error', sheet: name, cell: 'B2', row: 2, unit: null, message: 'El avance acumulado no cuadra.' };
    return {
      sheets: [{ name, layout, period: null, findings: [finding], units: [], readOnly }],
      summary: { error: 1, warning: 0, info: 0 },
      plan: readOnly ? { writes: [], fills: [], notes: [] } : plan,
      parsed: [],
    };
  };
  return { validate, requests };
}

/** A sheet with the things undo must restore exactly: text that looks like a number, a formula, formats, fills, a user note. */
export function smallWorkbook(overrides: Partial<FakeWorkbookData> = {}, protectedSheet = false): FakeWorkbookData {
  return {
    sheets: [
      {
        name: SHEET,
        protected: protectedSheet,
        cells: {
          A1: 'PROGRAMA OPERATIVO ANUAL 2025',
          B2: { value: 0.1576, numberFormat: '0.00%', fill: '#FFFFFF' },
          B3: { value: '257,124', note: 'nota del usuario' },
          C3: { value: 0.3152, formula: '=B2*2' },
          D2: { value: 0.5, numberFormat: '0%', fill: 'FFFFEB9C' },
        },
        merges: ['A1:D1'],
      },
      { name: 'dic-24', cells: { A1: 'anterior' } },
    ],
    active: SHEET,
    ...overrides,
  };
}

const at = (address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { sheet: SHEET, row: Number(m[2]), col: m[1].charCodeAt(0) - 64 };
};

/** A plan touching B2 (write + fill + note), D2 (write + fill), E5 (new cell), C3 (formula: write refused, fill), B3 (note). */
export function handPlan(): ChangePlan {
  return {
    writes: [
      { ...at('B2'), value: 0.1234, numberFormat: '0.00%' },
      { ...at('D2'), value: 'VERDE' },
      { ...at('E5'), value: 0.95, numberFormat: '0.00%' },
      { ...at('C3'), value: 99 },
    ],
    fills: [
      { ...at('B2'), color: 'FFFFC7CE' },
      { ...at('D2'), color: 'FF63BE7B' },
      { ...at('E5'), color: 'FF63BE7B' },
      { ...at('C3'), color: 'FFFFEB9C' },
    ],
    notes: [
      { ...at('B2'), text: 'POA Validador:\n• El avance acumulado no cuadra.' },
      { ...at('B3'), text: 'POA Validador:\n• Número escrito como texto.' },
    ],
  };
}

export interface Harness {
  fake: ExcelFake;
  gateway: WorkbookGateway;
  engine: ReturnType<typeof stubEngine>;
  uninstall: () => void;
}

export function harness(data: FakeWorkbookData, plan: ChangePlan, layout: Layout | null = 'indicators', deps: GatewayDeps = {}): Harness {
  const fake = createExcelFake(data);
  const uninstall = fake.install();
  const engine = stubEngine(plan, layout);
  return { fake, gateway: createOfficeGateway({ ...deps, validate: engine.validate }), engine, uninstall };
}
