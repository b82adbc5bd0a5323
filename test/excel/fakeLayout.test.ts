/** The Excel fake's sheet-building APIs (Plantilla) behave like Excel where the adapter depends on it. */
import { createExcelFake } from '../fakes/excelFake';
import type { FakeRequestContext } from '../fakes/excel/fakeContext';
import type { FakeWorkbook } from '../fakes/excel/fakeWorkbook';

const wb = (context: FakeRequestContext) => context.workbook as FakeWorkbook;

function fake(apiVersion = '1.18') {
  return createExcelFake({ sheets: [{ name: 'Hoja 1', cells: { A1: 'x' } }], apiVersion });
}

test('a text-formatted cell takes "=…" as text; formatted after the value, it stays a formula', async () => {
  const f = fake();
  await f.Excel.run(async (context) => {
    const ws = wb(context).worksheets.getItem('Hoja 1');
    ws.getRange('B1').numberFormat = [['@']];
    ws.getRange('B1:C1').formulas = [['=1+1', '=2+2']];
    ws.getRange('C1').numberFormat = [['@']];
    await context.sync();
  });
  expect(f.cell('Hoja 1', 'B1')).toMatchObject({ value: '=1+1', formula: null, numberFormat: '@' });
  expect(f.cell('Hoja 1', 'C1')).toMatchObject({ formula: '=2+2', numberFormat: '@' });
});

test('worksheets.add refuses names Excel refuses; merge keeps the top-left value only and refuses overlaps', async () => {
  const f = fake();
  for (const bad of ['a/b', 'x'.repeat(32), "'x", 'History', 'hoja 1']) {
    await expect(
      f.Excel.run(async (context) => {
        wb(context).worksheets.add(bad);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/InvalidArgument|ItemAlreadyExists/) });
  }
  await f.Excel.run(async (context) => {
    const ws = wb(context).worksheets.add('Nueva');
    ws.getRange('A1:B2').values = [['a', 'b'], ['c', 'd']];
    ws.getRange('A1:B2').merge(false);
    await context.sync();
  });
  expect(f.sheet('Nueva')).toMatchObject({ merges: ['A1:B2'], cells: { A1: { value: 'a' } } });
  await expect(
    f.Excel.run(async (context) => {
      wb(context).worksheets.getItem('Nueva').getRange('B2:C3').merge();
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperation' });
});

test('formats: alignment, wrap, widths and heights in points (row ≤ 409.5), borders shared between neighbours, locked', async () => {
  const f = fake();
  await f.Excel.run(async (context) => {
    const ws = wb(context).worksheets.getItem('Hoja 1');
    const areas = ws.getRanges('A2:B3,D5');
    areas.format.horizontalAlignment = 'Center';
    areas.format.wrapText = true;
    areas.format.protection.locked = false;
    for (const side of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical']) {
      const b = areas.format.borders.getItem(side);
      b.style = 'Continuous';
      b.color = '#808080';
    }
    ws.getRange('B:C').format.columnWidth = 56.25;
    ws.getRange('2:3').format.rowHeight = 30;
    await context.sync();
  });
  expect(f.cellFormat('Hoja 1', 'B3')).toEqual({
    wrap: true, horizontal: 'Center', vertical: 'Bottom', locked: false,
    borders: { top: { style: 'Continuous', color: '#808080' }, bottom: { style: 'Continuous', color: '#808080' }, left: { style: 'Continuous', color: '#808080' }, right: { style: 'Continuous', color: '#808080' } },
  });
  expect(f.cellFormat('Hoja 1', 'C3').borders).toEqual({ left: { style: 'Continuous', color: '#808080' } });
  expect(f.cellFormat('Hoja 1', 'A1').locked).toBe(true);
  expect(f.layout('Hoja 1')).toMatchObject({ columnWidths: { B: 56.25, C: 56.25 }, rowHeights: { 2: 30, 3: 30 } });
  await expect(
    f.Excel.run(async (context) => {
      wb(context).worksheets.getItem('Hoja 1').getRange('4:4').format.rowHeight = 410;
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('freeze panes, page layout, data validation (Excel\'s title limit), conditional formats at the top priority, protection once', async () => {
  const f = fake();
  await f.Excel.run(async (context) => {
    const ws = wb(context).worksheets.getItem('Hoja 1');
    ws.freezePanes.freezeRows(9);
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    ws.pageLayout.setPrintTitleRows('$8:$9');
    const dv = ws.getRange('O10:O14').dataValidation;
    dv.rule = { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    dv.prompt = { title: 'Captura', message: 'Número', showPrompt: true };
    const first = ws.getRange('Q10:Q14').conditionalFormats.add('Custom');
    first.custom.rule.formula = '=$R10="VERDE"';
    first.custom.format.fill.color = '#C6EFCE';
    const second = ws.getRange('R10:R14').conditionalFormats.add('CellValue');
    second.cellValue.rule = { formula1: '="ROJO"', operator: 'EqualTo' };
    second.cellValue.format.fill.color = '#FFC7CE';
    ws.protection.protect({ allowFormatRows: true, selectionMode: 'Normal' });
    await context.sync();
  });
  const layout = f.layout('Hoja 1');
  expect(layout).toMatchObject({
    frozenRows: 9,
    pageLayout: { orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '$8:$9' },
    dataValidations: [{ address: 'O10:O14', rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } }, prompt: { title: 'Captura' } }],
    protected: true,
  });
  expect(layout.conditionalFormats.map((c) => [c.address, c.type, c.fill])).toEqual([
    ['R10:R14', 'CellValue', '#FFC7CE'],
    ['Q10:Q14', 'Custom', '#C6EFCE'],
  ]);
  const refused = async (queue: (context: FakeRequestContext) => void) =>
    expect(
      f.Excel.run(async (context) => {
        queue(context);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: expect.any(String) });
  await refused((c) => wb(c).worksheets.getItem('Hoja 1').protection.protect());
  await refused((c) => {
    wb(c).worksheets.add('Otra').getRange('A1').dataValidation.errorAlert = { title: 'x'.repeat(33), message: 'm', showAlert: true, style: 'Stop' };
  });
  await refused((c) => {
    const cf = wb(c).worksheets.getItem('Otra').getRange('A1').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '$A1=1';
  });
});

test('APIs newer than the host fail as in an older Excel', () => {
  const f = fake('1.8');
  return f.Excel.run(async (context) => {
    const ws = wb(context).worksheets.getItem('Hoja 1');
    expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ws.customProperties).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ws.freezePanes).not.toThrow();
  });
});
