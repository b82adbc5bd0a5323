/**
 * Broken and hostile files through the CLI: each gives a clear Spanish message and the documented exit code;
 * none crashes, none writes an output file when it cannot validate, the input is never written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { addIndicatorSheet, addNotesSheet, writeWorkbook } from '../fixtures/buildWorkbook';
import { unitBlocks } from '../helpers/engine';
import { storedZip } from '../helpers/zip';
import officeCrypto from 'officecrypto-tool';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function poa(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function expectRejected(file: string, message: string) {
  const isFile = fs.statSync(file).isFile();
  const before = isFile ? fs.readFileSync(file) : Buffer.alloc(0);
  const output = path.join(dir, `${path.basename(file)}.out.xlsx`);
  const r = await poa('validar', file, '--salida', output);
  expect(r.code).toBe(2);
  expect(r.err).toContain(message);
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\bat .*\.(js|ts):\d+/);
  expect(fs.existsSync(output)).toBe(false);
  if (isFile) expect(fs.readFileSync(file).equals(before)).toBe(true);
}

async function poaWorkbook(name: string, edit: (wb: ExcelJS.Workbook, layout: ReturnType<typeof addIndicatorSheet>) => void | Promise<void>) {
  const wb = new ExcelJS.Workbook();
  const layout = addIndicatorSheet(wb, 'POA', unitBlocks('306'));
  await edit(wb, layout);
  const file = path.join(dir, name);
  await writeWorkbook(wb, file);
  return { file, layout };
}

describe('files that cannot be validated: exit 2, one Spanish line, no output', () => {
  test('not a zip', async () => {
    const f = path.join(dir, 'texto.xlsx');
    fs.writeFileSync(f, 'Programa Operativo Anual\tene-25\n');
    await expectRejected(f, 'no es un libro de Excel .xlsx válido');
  });

  test('a zip that is not an xlsx', async () => {
    const f = path.join(dir, 'comprimido.xlsx');
    fs.writeFileSync(f, storedZip({ 'leeme.txt': 'hola', 'datos/uno.csv': 'a,b\n1,2\n' }));
    await expectRejected(f, 'no es un libro de Excel .xlsx válido');
  });

  test('a 0-byte file', async () => {
    const f = path.join(dir, 'vacio.xlsx');
    fs.writeFileSync(f, '');
    await expectRejected(f, 'no es un libro de Excel .xlsx válido');
  });

  test('an old binary .xls (OLE container without encryption)', async () => {
    const f = path.join(dir, 'viejo.xls');
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    fs.writeFileSync(f, ole);
    await expectRejected(f, 'no es un libro de Excel .xlsx válido');
  });

  test('a workbook with no POA sheet', async () => {
    const wb = new ExcelJS.Workbook();
    addNotesSheet(wb);
    const f = path.join(dir, 'notas.xlsx');
    await writeWorkbook(wb, f);
    await expectRejected(f, 'no contiene ninguna hoja POA');
  });

  test('a password-protected (encrypted) workbook', async () => {
    const wb = new ExcelJS.Workbook();
    addIndicatorSheet(wb, 'POA', unitBlocks('306'));
    const plain = Buffer.from(await wb.xlsx.writeBuffer());
    const encrypted: Buffer = await officeCrypto.encrypt(plain, { password: 'poa2025' });
    expect(officeCrypto.isEncrypted(encrypted)).toBe(true);
    const f = path.join(dir, 'cifrado.xlsx');
    fs.writeFileSync(f, encrypted);
    await expectRejected(f, 'protegido con contraseña');
  });

  test('a directory instead of a file', async () => {
    await expectRejected(dir, 'No se puede leer el archivo');
  });
});

describe('odd but valid workbooks are validated', () => {
  test('1,000 sheets, one of them a POA', async () => {
    const { file } = await poaWorkbook('mil-hojas.xlsx', (wb) => {
      for (let i = 1; i < 1000; i++) wb.addWorksheet(`H${i}`).getCell('A1').value = i;
    });
    const r = await poa('validar', file, '--salida', path.join(dir, 'mil.out.xlsx'), '--json', '-');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.sheets).toHaveLength(1000);
    expect(doc.sheets.filter((s: { layout: string | null }) => s.layout)).toHaveLength(1);
  });

  test('a 32,767-character OBSERVACIONES cell', async () => {
    const { file, layout } = await poaWorkbook('larga.xlsx', (wb, l) => {
      const b = l.blocks[0];
      wb.getWorksheet('POA')!.getCell(b.dataRows[0], b.columns.observations).value = 'SE JUSTIFICA '.repeat(2520).slice(0, 32767);
    });
    const r = await poa('validar', file, '--salida', path.join(dir, 'larga.out.xlsx'), '--json', '-');
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out).sheets[0].findings;
    expect(findings.filter((f: { row: number; code: string }) => f.row === layout.blocks[0].dataRows[0] && f.code === 'missing-justification')).toEqual([]);
  });

  test('formulas with errors: reported as cell-error and left as they are', async () => {
    const { file, layout } = await poaWorkbook('errores.xlsx', (wb, l) => {
      const b = l.blocks[1];
      wb.getWorksheet('POA')!.getCell(b.dataRows[0], b.columns.accumulated).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    });
    const output = path.join(dir, 'errores.out.xlsx');
    const r = await poa('validar', file, '--salida', output, '--json', '-');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).sheets[0].findings.filter((x: { code: string }) => x.code === 'cell-error');
    expect(f).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet('POA')!.getCell(layout.blocks[1].dataRows[0], layout.blocks[1].columns.accumulated).formula).toBe('1/0');
  });

  test('hidden rows and columns are still validated', async () => {
    const { file } = await poaWorkbook('ocultas.xlsx', (wb, l) => {
      const ws = wb.getWorksheet('POA')!;
      ws.getRow(l.blocks[0].dataRows[1]).hidden = true;
      ws.getColumn(l.blocks[0].columns.accumulated).hidden = true;
      l.blocks[0].dataRows.forEach(() => undefined);
      ws.getCell(l.blocks[0].dataRows[1], l.blocks[0].columns.accumulated).value = 0.5;
    });
    const r = await poa('validar', file, '--salida', path.join(dir, 'ocultas.out.xlsx'), '--json', '-');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).sheets[0].findings.some((f: { code: string }) => f.code === 'accumulated-mismatch')).toBe(true);
  });

  test('merged cells across a header: the block is still read', async () => {
    const { file } = await poaWorkbook('fusion.xlsx', (wb, l) => {
      const b = l.blocks[0];
      const ws = wb.getWorksheet('POA')!;
      // ACCIONES OPERATIVAS merged across the AVANCE FISICO group instead of down its own column
      ws.unMergeCells(b.headerRows[0], b.columns.annualGoal, b.headerRows[0], b.columns.comments);
      ws.unMergeCells(b.headerRows[0], b.columns.action, b.headerRows[1], b.columns.action);
      ws.mergeCells(b.headerRows[0], b.columns.action, b.headerRows[0], b.columns.comments);
    });
    const r = await poa('validar', file, '--salida', path.join(dir, 'fusion.out.xlsx'), '--json', '-');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.out).sheets[0].layout).toBe('indicators');
  });

  test('a password-protected sheet is validated read-only and the output leaves it unchanged', async () => {
    const { file } = await poaWorkbook('protegida.xlsx', async (wb, l) => {
      const b = l.blocks[1];
      wb.getWorksheet('POA')!.getCell(b.dataRows[0], b.columns.accumulated).value = 0.5;
      await wb.getWorksheet('POA')!.protect('secreto', {});
    });
    const output = path.join(dir, 'protegida.out.xlsx');
    const r = await poa('validar', file, '--salida', output);
    expect(r.code).toBe(1);
    expect(r.out).toContain('La hoja está protegida: se validó sin modificarla');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet('POA_DESHACER')).toBeUndefined();
    const [a, b2] = [new ExcelJS.Workbook(), wb];
    await a.xlsx.readFile(file);
    expect(b2.getWorksheet('POA')!.getCell('H26').value).toEqual(a.getWorksheet('POA')!.getCell('H26').value);
  });
});
