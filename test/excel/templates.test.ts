/**
 * Plantilla through the add-in's gateway on the Excel fake, with the real engine, on the seed workbook (every
 * unidad of format A and TMM-F004): the sheets are the plan's, cell for cell, in a constant number of syncs.
 */
import { validateWorkbook } from '../../src/domain/engine';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import { parsePeriodChoice, type TemplatePlan, type TemplateSheet } from '../../src/domain/template';
import { IND } from '../../src/domain/template/indicatorTemplate';
import { PRG } from '../../src/domain/template/programmaticTemplate';
import { cellAddress } from '../../src/domain/address';
import { localAddress } from '../../src/excel/a1';
import type { TemplateOutcome } from '../../src/excel/api';
import { createOfficeGateway } from '../../src/excel/officeWorkbook';
import { TEMPLATE_TAG, columnWidthPoints } from '../../src/excel/templateWriter';
import { argbToHex } from '../../src/excel/cellInput';
import { type ExcelFake, FakeError, type FakeSheetData, type FakeWorkbookData, createExcelFake } from '../fakes/excelFake';
import { buildSampleWorkbook } from '../fixtures/buildWorkbook';
import { indicatorWorkbook } from '../helpers/engine';
import { FORMULA_LIKE, formulaLikeBlocks } from '../plantilla/helpers';
import { type TemplateWorkbook, templateWorkbook } from './templateWorkbook';

const FIVE_MB = 5 * 1024 * 1024;
const MAX_SYNCS = 3;
/** The seed workbook's templates (as the CLI makes them: test/plantilla/sample.test.ts). */
const NAMES = [
  'abr-25 319', 'mar-25 303', 'abr-25 306', 'T2-25 308', 'abr-25 309', 'T2-25 304', 'abr-25 305', 'T2-25 307', 'T2-25 315',
  'T2-24 101', 'T2-24 102', 'T2-24 201', 'T2-24 202',
];
const bands = DEFAULT_OPTIONS.bands;

let sample: TemplateWorkbook;
beforeAll(async () => {
  sample = await templateWorkbook(await buildSampleWorkbook());
});

let fake: ExcelFake;
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function setup(data: FakeWorkbookData): ExcelFake {
  fake = createExcelFake(data);
  uninstall = fake.install();
  return fake;
}

function report(label: string, outcome: TemplateOutcome): void {
  const bytes = fake.requests.map((r) => r.requestBytes);
  console.log(
    `[plantilla] ${label}: ${outcome.sheets.length} sheets, syncs=${outcome.syncs} (fake counted ${fake.syncs}), ` +
      `requests=[${bytes.join(', ')}] bytes, largest=${(fake.largestRequestBytes() / 1e6).toFixed(3)} MB, ops=${fake.opsCount()}`,
  );
}

/** Every cell of the template as the fake holds it: formulas, values (text stays text), number formats. */
function expectSheetMatches(t: TemplateSheet): void {
  for (const c of t.cells) {
    const got = fake.cell(t.name, cellAddress(c.row, c.col));
    const where = `${t.name}!${cellAddress(c.row, c.col)}`;
    if (c.formula) expect([where, got.formula]).toEqual([where, c.formula]);
    else {
      expect([where, got.formula]).toEqual([where, null]);
      expect([where, got.value]).toEqual([where, c.value === undefined || c.value === '' ? null : c.value]);
    }
    expect([where, got.numberFormat]).toEqual([where, c.numberFormat ?? 'General']);
  }
}

describe('the seed workbook, every unit', () => {
  let plan: TemplatePlan;
  let outcome: TemplateOutcome;
  let before: FakeWorkbookData;

  beforeAll(async () => {
    setup(sample.data());
    before = fake.toData();
    plan = sample.plan(fake.sheetNames());
    outcome = await createOfficeGateway().insertTemplates({ bands });
    report('all units', outcome);
  });

  test(`one sheet per unit after the existing ones, in at most ${MAX_SYNCS} syncs, every request under 5 MB`, () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(NAMES);
    expect(outcome.sheets.map((s) => s.name)).toEqual(NAMES);
    expect(outcome.sheets[2]).toEqual({ name: 'abr-25 306', unitKey: '306', unitName: plan.sheets[2].unitName, period: 'abr-25' });
    expect(outcome.sheets[9].period).toBe('30-jun.-24');
    expect(outcome.notices).toEqual(plan.notices);
    expect(fake.sheetNames()).toEqual([...before.sheets.map((s) => s.name), ...NAMES]);
    expect(outcome.syncs).toBe(fake.syncs);
    expect(outcome.syncs).toBeLessThanOrEqual(MAX_SYNCS);
    expect(fake.largestRequestBytes()).toBeLessThan(FIVE_MB);
  });

  test('the first new sheet is active; the existing sheets are untouched', () => {
    expect(fake.activeSheet()).toBe(NAMES[0]);
    const now = fake.toData().sheets.slice(0, before.sheets.length);
    expect(now).toEqual(before.sheets);
  });

  test('every cell is the plan\'s: formulas in the accumulated / compliance / semáforo cells, values, number formats', () => {
    for (const t of plan.sheets) expectSheetMatches(t);
    const a = fake.cell('abr-25 306', `${cellAddress(10, IND.accumulated)}`);
    expect(a.formula).toBe('=IF(AND(ISNUMBER(O10),ISNUMBER(L10),ISNUMBER(G10)),IF(L10>0,0.416619+O10/L10*G10,0.416619),0.416619)');
    expect(fake.cell('abr-25 306', cellAddress(10, IND.compliance)).formula).toBe('=IF(AND(ISNUMBER(O10),ISNUMBER(L10)),IF(L10>0,O10/L10,""),"")');
    expect(fake.cell('abr-25 306', cellAddress(10, IND.semaforo)).formula).toMatch(/^=IF\(ISNUMBER\(Q10\),IF\(AND\(ROUND\(Q10\*100,6\)>=90/);
    const prg = plan.sheets.find((s) => s.name === 'T2-24 101')!;
    const first = prg.dataValidations[0].range.top;
    expect(fake.cell('T2-24 101', cellAddress(first, PRG.absolute)).formula).toMatch(/^=SUM\(/);
    expect(fake.cell('T2-24 101', cellAddress(first, PRG.relative)).formula).toMatch(/^=IF\(AND\(ISNUMBER\(M/);
    expect(fake.cell('T2-24 101', cellAddress(first, PRG.semaforo)).formula).toMatch(/^=IF\(ISNUMBER\(P/);
  });

  test('merges, column widths, row heights, frozen header, print titles and landscape one page wide', () => {
    for (const t of plan.sheets) {
      expect(fake.sheet(t.name).merges).toEqual(t.merges.map(localAddress));
      const layout = fake.layout(t.name);
      expect(Object.values(layout.columnWidths)).toEqual(t.columnWidths.map((w) => columnWidthPoints(w.width)));
      expect(layout.rowHeights).toEqual(Object.fromEntries(t.rowHeights.map((h) => [h.row, h.height])));
      expect(layout.frozenRows).toBe(t.frozenRows);
      expect(layout.pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: `$${t.printTitleRows.first}:$${t.printTitleRows.last}` });
      expect(layout.protected).toBe(false);
      expect(Object.keys(layout.customProperties)).toEqual([TEMPLATE_TAG]);
    }
    expect(columnWidthPoints(10)).toBe(56.25);
  });

  test('data validation of the input cells and the semáforo conditional formats are queued', () => {
    for (const t of plan.sheets) {
      const layout = fake.layout(t.name);
      expect(layout.dataValidations).toEqual(
        t.dataValidations.map((v) => ({
          address: localAddress(v.range),
          rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
          ignoreBlanks: true,
          errorAlert: { title: v.errorTitle, message: v.error, showAlert: true, style: 'Stop' },
          prompt: { title: v.promptTitle, message: v.prompt, showPrompt: true },
        })),
      );
      const expected = t.conditionalFormats.flatMap((cf) =>
        cf.rules.map((r) =>
          r.type === 'expression'
            ? { address: localAddress(cf.range), type: 'Custom', rule: { formula: `=${r.formula}` }, fill: argbToHex(r.fill), fontColor: null }
            : { address: localAddress(cf.range), type: 'CellValue', rule: { formula1: `="${r.text}"`, operator: 'EqualTo' }, fill: argbToHex(r.fill), fontColor: null },
        ),
      );
      expect(layout.conditionalFormats).toEqual(expected);
      expect(expected.length).toBe(6 * t.dataValidations.length);
    }
    expect(fake.layout('abr-25 306').conditionalFormats[0]).toMatchObject({ address: 'Q10:Q14', type: 'Custom', rule: { formula: '=$R10="VERDE"' } });
  });

  test('styles: bold tinted header, bordered table cells, unlocked tinted inputs, wrapped text', () => {
    const t = plan.sheets.find((s) => s.name === 'abr-25 306')!;
    for (const c of t.cells) {
      const address = cellAddress(c.row, c.col);
      const got = fake.cell(t.name, address);
      const format = fake.cellFormat(t.name, address);
      expect([address, got.bold]).toEqual([address, c.bold ?? false]);
      expect([address, got.fill]).toEqual([address, c.fill ? argbToHex(c.fill) : null]);
      expect([address, format.locked]).toEqual([address, c.locked ?? true]);
      expect([address, format.wrap]).toEqual([address, c.wrap ?? false]);
      if (c.horizontal) expect([address, format.horizontal]).toEqual([address, c.horizontal[0].toUpperCase() + c.horizontal.slice(1)]);
      if (c.border) {
        expect([address, Object.keys(format.borders).sort()]).toEqual([address, ['bottom', 'left', 'right', 'top']]);
        expect(format.borders.top).toEqual({ style: 'Continuous', weight: 'Thin', color: '#808080' });
        expect(format.vertical).toBe('Top');
      }
    }
    const input = fake.cellFormat(t.name, cellAddress(10, IND.actual));
    expect(input.locked).toBe(false);
    expect(fake.cell(t.name, cellAddress(10, IND.actual)).fill).toBe('#FFF2CC');
  });
});

describe('sync count does not grow with the number of units', () => {
  test.each([
    ['1 unit', ['306']],
    ['2 units', ['306', '101']],
  ])('%s', async (label, units) => {
    setup(sample.data());
    const stages: string[] = [];
    const outcome = await createOfficeGateway().insertTemplates({ bands, units }, (p) => stages.push(p));
    report(label, outcome);
    expect(stages).toEqual(['leyendo', 'validando', 'escribiendo', 'listo']);
    expect(outcome.sheets.map((s) => s.unitKey)).toEqual(units);
    expect(outcome.syncs).toBe(fake.syncs);
    expect(outcome.syncs).toBeLessThanOrEqual(MAX_SYNCS);
    expect(fake.activeSheet()).toBe(outcome.sheets[0].name);
  });

  test('the same number of syncs for 1 unit and for all units', async () => {
    setup(sample.data());
    const one = await createOfficeGateway().insertTemplates({ bands, units: ['306'] });
    const oneSyncs = fake.syncs;
    setup(sample.data());
    const all = await createOfficeGateway().insertTemplates({ bands });
    console.log(`[plantilla] syncs: 1 unit=${one.syncs}, all ${all.sheets.length} units=${all.syncs}`);
    expect(one.syncs).toBe(oneSyncs);
    expect(all.syncs).toBe(one.syncs);
  });

  test('a small request budget splits the write into as few requests as fit, and the sheets are the same', async () => {
    setup(sample.data());
    const outcome = await createOfficeGateway({ requestBudget: 200_000 }).insertTemplates({ bands });
    report('all units, 200 kB budget', outcome);
    expect(outcome.sheets).toHaveLength(NAMES.length);
    expect(fake.requests.slice(2).every((r) => r.requestBytes < 200_000 * 1.5)).toBe(true);
    for (const t of sample.plan(sample.data().sheets.map((s) => s.name)).sheets) expectSheetMatches(t);
  });
});

describe('sheet names', () => {
  test('never overwrites an existing sheet: a sheet already named like the template (any case, even hidden) is kept', async () => {
    const mine: FakeSheetData = { name: 'ABR-25 306', cells: { A1: 'mis notas', B2: 42 } };
    const hidden: FakeSheetData = { name: 'T2-25 308', visibility: 'Hidden', cells: { A1: 'oculta' } };
    setup(sample.data([mine, hidden]));
    const before = [fake.sheet(mine.name), fake.sheet(hidden.name)];
    const outcome = await createOfficeGateway().insertTemplates({ bands, units: ['306', '308'] });
    expect(outcome.sheets.map((s) => s.name)).toEqual(['abr-25 306 (2)', 'T2-25 308 (2)']);
    expect([fake.sheet(mine.name), fake.sheet(hidden.name)]).toEqual(before);
    expect(fake.cell('abr-25 306 (2)', cellAddress(10, IND.unitKey)).value).toBe(306);
    expect(fake.activeSheet()).toBe('abr-25 306 (2)');
  });
});

describe('text that looks like a formula stays text', () => {
  test('=, +, - and @ at the start: the cell holds the text, "@" formatted, and no formula', async () => {
    const wb = await templateWorkbook(await indicatorWorkbook(formulaLikeBlocks('306')));
    setup(wb.data());
    const plan = wb.plan(fake.sheetNames(), { units: ['306'] });
    const outcome = await createOfficeGateway().insertTemplates({ bands, units: ['306'] });
    const name = outcome.sheets[0].name;
    expect(name).toBe(plan.sheets[0].name);
    const cells = Object.values(fake.sheet(name).cells ?? {}) as { value?: unknown; formula?: string; numberFormat?: string }[];
    for (const text of Object.values(FORMULA_LIKE)) {
      const hit = cells.filter((c) => c.value === text);
      expect([text, hit.length > 0]).toEqual([text, true]);
      for (const c of hit) expect([text, c.formula, c.numberFormat]).toEqual([text, undefined, '@']);
    }
    expect(cells.some((c) => c.formula === '=1+1' || c.formula?.startsWith('=HYPERLINK'))).toBe(false);
    expectSheetMatches(plan.sheets[0]);
  });
});

describe('period, notices and protection', () => {
  test('a chosen period in a new POA year: the notice says so; accumulated starts at zero', async () => {
    setup(sample.data());
    const outcome = await createOfficeGateway().insertTemplates({ bands, units: ['306'], period: 'ene-26' });
    expect(outcome.sheets.map((s) => s.name)).toEqual(['ene-26 306']);
    expect(outcome.notices.join('\n')).toMatch(/"ene-26 306": ene-26 inicia un nuevo año del POA/);
    expect(fake.cell('ene-26 306', cellAddress(10, IND.accumulated)).formula).toBe('=IF(AND(ISNUMBER(O10),ISNUMBER(L10),ISNUMBER(G10)),IF(L10>0,O10/L10*G10,0),0)');
  });

  test('protect: the sheet is protected last, the cells to capture stay unlocked', async () => {
    setup(sample.data());
    const outcome = await createOfficeGateway().insertTemplates({ bands, units: ['306'], protect: true });
    const layout = fake.layout(outcome.sheets[0].name);
    expect(layout.protected).toBe(true);
    expect(layout.protectionOptions).toEqual({ allowFormatColumns: true, allowFormatRows: true, selectionMode: 'Normal' });
    expect(fake.cellFormat(outcome.sheets[0].name, cellAddress(10, IND.actual)).locked).toBe(false);
    expect(fake.cellFormat(outcome.sheets[0].name, cellAddress(10, IND.accumulated)).locked).toBe(true);
    expect(outcome.syncs).toBeLessThanOrEqual(MAX_SYNCS);
  });

  test('Spanish errors: unknown period or unit, no unit chosen, protected workbook, no POA sheet', async () => {
    setup(sample.data());
    const gateway = createOfficeGateway();
    await expect(gateway.insertTemplates({ bands, period: 'mañana' })).rejects.toThrow('Periodo no reconocido: "mañana"');
    await expect(gateway.insertTemplates({ bands, units: [] })).rejects.toThrow('Elija al menos una unidad.');
    await expect(gateway.insertTemplates({ bands, units: ['999'] })).rejects.toThrow(/La unidad 999 ya no está en las hojas POA del libro/);
    uninstall?.();
    setup({ ...sample.data(), workbookProtected: true });
    await expect(createOfficeGateway().insertTemplates({ bands })).rejects.toThrow(/La estructura del libro está protegida/);
    uninstall?.();
    setup({ sheets: [{ name: 'Notas', cells: { A1: 'hola' } }] });
    await expect(createOfficeGateway().insertTemplates({ bands })).rejects.toThrow(/no tiene hojas de reporte POA/);
    expect(fake.sheetNames()).toEqual(['Notas']);
  });

  test('a batch Excel refuses part of: the sheets already added are removed and the error is Spanish', async () => {
    setup(sample.data());
    const names = fake.sheetNames();
    // Between the read and the write, the host starts failing to create a second sheet.
    const validate: typeof validateWorkbook = (request) => {
      const addSheet = fake.state.addSheet.bind(fake.state);
      let calls = 0;
      fake.state.addSheet = (name: string) => {
        if (++calls === 2) throw new FakeError('GeneralException', 'There was an internal error while processing the request.');
        return addSheet(name);
      };
      return validateWorkbook(request);
    };
    await expect(createOfficeGateway({ validate }).insertTemplates({ bands, units: ['306', '308', '101'] })).rejects.toThrow(
      'No se pudieron insertar las plantillas: There was an internal error while processing the request. ' +
        'Se quitaron las hojas nuevas que alcanzaron a agregarse; el libro quedó como estaba.',
    );
    expect(fake.sheetNames()).toEqual(names);
  });

  test('a sheet of a template\'s name created meanwhile is never deleted: only this run\'s sheets are removed', async () => {
    setup(sample.data());
    const names = fake.sheetNames();
    // The user adds a sheet named like the second template between the read and the write.
    const validate: typeof validateWorkbook = (request) => {
      fake.state.addSheet('abr-25 306').cells.set(0, { value: 'del usuario' });
      return validateWorkbook(request);
    };
    await expect(createOfficeGateway({ validate }).insertTemplates({ bands, units: ['319', '306'] })).rejects.toThrow(
      /^No se pudieron insertar las plantillas: A sheet named "abr-25 306" already exists\. Se quitaron las hojas nuevas/,
    );
    expect(fake.sheetNames()).toEqual([...names, 'abr-25 306']);
    expect(fake.cell('abr-25 306', 'A1').value).toBe('del usuario');
  });
});

describe('preview', () => {
  test('units, periods (the next by default), nothing written, 2 syncs', async () => {
    setup(sample.data());
    const before = fake.toData();
    const preview = await createOfficeGateway().previewTemplates();
    console.log(`[plantilla] preview: ${preview.units.length} units, ${preview.periods.length} periods, syncs=${fake.syncs}`);
    expect(fake.syncs).toBe(2);
    expect(fake.toData()).toEqual(before);
    expect(preview.blocked).toBeNull();
    expect(preview.notices).toEqual(sample.plan(before.sheets.map((s) => s.name)).notices);
    expect(preview.units.map((u) => u.key)).toEqual(NAMES.map((n) => n.split(' ')[1]));
    expect(preview.units.find((u) => u.key === '306')).toMatchObject({ kinds: ['month'], next: ['abr-25'] });
    expect(preview.units.find((u) => u.key === '101')).toMatchObject({ kinds: ['quarter'], next: ['30-jun.-24'] });
    // Units differ in their next period: the default is each unit's own.
    expect(preview.defaultPeriod).toBe('');
    expect(preview.periods[0]).toEqual({ value: 'mar-25', label: 'mar-25', kind: 'month' });
    expect(preview.periods.find((p) => p.value === 'SEGUNDO TRIMESTRE 2024')).toEqual({ value: 'SEGUNDO TRIMESTRE 2024', label: 'SEGUNDO TRIMESTRE 2024', kind: 'quarter', cutoff: '30-jun.-24' });
    for (const p of preview.periods) {
      const choice = parsePeriodChoice(p.value);
      expect([p.value, choice?.kind === 'period' ? choice.period.kind : null]).toEqual([p.value, p.kind]);
    }
  });

  test('one unit: its next period is preselected; a workbook without POA sheets is blocked', async () => {
    const wb = await templateWorkbook(await indicatorWorkbook(formulaLikeBlocks('306')));
    setup(wb.data());
    const preview = await createOfficeGateway().previewTemplates();
    expect(preview.defaultPeriod).toBe('abr-25');
    expect(preview.periods.map((p) => p.value).slice(0, 2)).toEqual(['abr-25', 'may-25']);
    uninstall?.();
    setup({ sheets: [{ name: 'Notas', cells: { A1: 'hola' } }] });
    const empty = await createOfficeGateway().previewTemplates();
    expect(empty.units).toEqual([]);
    expect(empty.blocked).toMatch(/no tiene hojas de reporte POA/);
  });
});
