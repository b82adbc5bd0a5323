import type { ValidationResult } from '../../src/domain/engine';
import type { Finding } from '../../src/domain/findings';
import { DEFAULT_OPTIONS, SEMAFORO_PRESETS } from '../../src/domain/options';
import { emptyPlan } from '../../src/domain/plan';
import {
  ALL_UNITS,
  NO_UNIT,
  allFindings,
  defaultForm,
  filterFindings,
  formFromStored,
  parseAccion,
  parseForm,
  parseNumber,
  periodOf,
  semaforoRows,
  stepIndex,
  unitOptions,
  withPreset,
} from '../../src/taskpane/model';

function finding(partial: Partial<Finding>): Finding {
  return {
    code: 'accumulated-mismatch',
    severity: 'error',
    sheet: 'ene-25',
    cell: 'H12',
    row: 12,
    unit: '306',
    message: 'El acumulado impreso no coincide.',
    ...partial,
  };
}

const findings: Finding[] = [
  finding({ severity: 'error', unit: '306', cell: 'H12' }),
  finding({ severity: 'warning', unit: '309', cell: 'N20', code: 'missing-justification' }),
  finding({ severity: 'info', unit: null, cell: null, code: 'period-not-found' }),
  finding({ severity: 'error', unit: '309', cell: 'H21' }),
];

const result: ValidationResult = {
  sheets: [
    {
      name: 'ene-25',
      layout: 'indicators',
      readOnly: false,
      period: 'ene-25',
      findings,
      units: [
        { unit: '306', name: 'COORDINACION DE ALTOS CONSUMOS', counts: { error: 1, warning: 0, info: 0 }, semaforo: { verde: 2, amarillo: 1, rojo: 0 } },
        { unit: '309', name: 'CONVENIOS', counts: { error: 1, warning: 1, info: 0 }, semaforo: { verde: 0, amarillo: 0, rojo: 2 } },
      ],
    },
    {
      name: 'feb-25',
      layout: 'indicators',
      readOnly: false,
      period: 'feb-25',
      findings: [finding({ sheet: 'feb-25', unit: '315', severity: 'warning' })],
      units: [{ unit: '306', name: '', counts: { error: 0, warning: 0, info: 0 }, semaforo: { verde: 1, amarillo: 0, rojo: 1 } }],
    },
  ],
  summary: { error: 2, warning: 2, info: 1 },
  plan: emptyPlan(),
  parsed: [],
};

describe('parseAccion', () => {
  it('reads ?accion= from the ribbon, ignoring the parameters Office adds', () => {
    expect(parseAccion('?accion=validar')).toBe('validar');
    expect(parseAccion('?accion=plantilla&_host_Info=Excel$Win32$16.01$es-MX')).toBe('plantilla');
    expect(parseAccion('?_host_Info=Excel&accion=validar')).toBe('validar');
    expect(parseAccion('')).toBeNull();
    expect(parseAccion('?accion=borrar')).toBeNull();
  });
});

describe('findings filters and navigation', () => {
  it('collects the findings of every sheet report', () => {
    expect(allFindings(result)).toHaveLength(5);
  });

  it('filters by severity and by unit (including findings without a unit)', () => {
    expect(filterFindings(findings, 'todas', ALL_UNITS)).toHaveLength(4);
    expect(filterFindings(findings, 'error', ALL_UNITS).map((f) => f.cell)).toEqual(['H12', 'H21']);
    expect(filterFindings(findings, 'todas', '309').map((f) => f.cell)).toEqual(['N20', 'H21']);
    expect(filterFindings(findings, 'error', '309').map((f) => f.cell)).toEqual(['H21']);
    expect(filterFindings(findings, 'todas', NO_UNIT).map((f) => f.code)).toEqual(['period-not-found']);
    expect(filterFindings(findings, 'info', '306')).toEqual([]);
  });

  it('lists the units of the reports, then units only findings name, then "sin unidad"', () => {
    expect(unitOptions(result).map((o) => [o.value, o.name])).toEqual([
      ['306', 'COORDINACION DE ALTOS CONSUMOS'],
      ['309', 'CONVENIOS'],
      ['315', ''],
      [NO_UNIT, ''],
    ]);
  });

  it('moves with Anterior/Siguiente, wrapping around', () => {
    expect(stepIndex(null, 3, 1)).toBe(0);
    expect(stepIndex(null, 3, -1)).toBe(2);
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(7, 3, 1)).toBe(0);
    expect(stepIndex(null, 0, 1)).toBeNull();
  });

  it('sums the semáforo per unit over the sheet reports', () => {
    expect(semaforoRows(result)).toEqual([
      { unit: '306', name: 'COORDINACION DE ALTOS CONSUMOS', counts: { verde: 3, amarillo: 1, rojo: 1 } },
      { unit: '309', name: 'CONVENIOS', counts: { verde: 0, amarillo: 0, rojo: 2 } },
    ]);
  });

  it('finds the period of the validated sheet', () => {
    expect(periodOf(result, 'feb-25')).toBe('feb-25');
    expect(periodOf(result, 'otra')).toBe('ene-25');
  });
});

describe('settings form', () => {
  it('starts from the municipal preset and the default tolerance', () => {
    const parsed = parseForm(defaultForm());
    expect(parsed).toEqual({
      ok: true,
      stored: { preset: 'municipal', bands: SEMAFORO_PRESETS.municipal, tolerancePp: DEFAULT_OPTIONS.tolerancePp },
      options: { bands: SEMAFORO_PRESETS.municipal, tolerancePp: DEFAULT_OPTIONS.tolerancePp },
    });
  });

  it('loads a saved preset, custom bands, or falls back to the defaults', () => {
    expect(formFromStored(null)).toEqual(defaultForm());
    const nl = formFromStored({ preset: 'nuevo-leon', bands: SEMAFORO_PRESETS.municipal, tolerancePp: 0.5 });
    expect(nl.preset).toBe('nuevo-leon');
    expect(nl.bands.greenMin).toBe('95'); // the preset's own bands win
    expect(nl.tolerance).toBe('0.5');
    const custom = formFromStored({ preset: 'personalizado', bands: { greenMin: 92, greenMax: 108, yellowMin: 70, yellowMax: 130 }, tolerancePp: 0.1 });
    expect(custom.preset).toBe('personalizado');
    expect(custom.bands).toEqual({ greenMin: '92', greenMax: '108', yellowMin: '70', yellowMax: '130' });
    const broken = formFromStored({ preset: 'personalizado', bands: { greenMin: 110, greenMax: 90, yellowMin: 80, yellowMax: 120 }, tolerancePp: -1 });
    expect(broken).toEqual(defaultForm());
  });

  it('choosing a preset fills its bands; personalizado keeps the current ones', () => {
    const nl = withPreset(defaultForm(), 'nuevo-leon');
    expect(nl.bands).toEqual({ greenMin: '95', greenMax: '105', yellowMin: '85', yellowMax: '115' });
    expect(withPreset(nl, 'personalizado').bands).toEqual(nl.bands);
  });

  it('validates the bands with validateBands and the tolerance range', () => {
    const form = withPreset(defaultForm(), 'personalizado');
    expect(parseForm({ ...form, bands: { ...form.bands, greenMin: 'abc' } })).toEqual({ ok: false, errors: { bands: 'notANumber' } });
    expect(parseForm({ ...form, bands: { ...form.bands, greenMin: '115' } })).toEqual({ ok: false, errors: { bands: 'invalid' } });
    expect(parseForm({ ...form, tolerance: '-1' })).toEqual({ ok: false, errors: { tolerance: 'invalid' } });
    expect(parseForm({ ...form, tolerance: '11' })).toEqual({ ok: false, errors: { tolerance: 'invalid' } });
    const ok = parseForm({ ...form, bands: { greenMin: '92,5', greenMax: '107.5', yellowMin: '80', yellowMax: '120' }, tolerance: '0,05' });
    expect(ok.ok && ok.options).toEqual({ bands: { greenMin: 92.5, greenMax: 107.5, yellowMin: 80, yellowMax: 120 }, tolerancePp: 0.05 });
  });

  it('parses numbers as typed', () => {
    expect(parseNumber(' 90 ')).toBe(90);
    expect(parseNumber('0.02')).toBe(0.02);
    expect(parseNumber('0,02')).toBe(0.02);
    expect(parseNumber('95%')).toBe(95);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('9 0')).toBeNull();
  });
});
