import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { addNotesSheet, buildSampleWorkbook, writeWorkbook } from '../fixtures/buildWorkbook';

let dir: string;
let book: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-plantilla-cli-'));
  book = path.join(dir, 'poa 2025.xlsx');
  await writeWorkbook(await buildSampleWorkbook(), book);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function poa(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

test('poa plantilla <libro>: writes <libro>.plantilla.xlsx with every sheet plus the templates; the input is never written', async () => {
  const before = digest(book);
  const mtime = fs.statSync(book).mtimeMs;
  const r = await poa('plantilla', book);
  expect(r.code).toBe(0);
  const output = path.join(dir, 'poa 2025.plantilla.xlsx');
  expect(r.out[r.out.length - 1]).toBe(`Se agregaron 13 hojas de plantilla: ${output}`);
  expect(r.out).toContain('  Hoja "abr-25 306": unidad 306, abr-25');
  expect(r.out).toContain('  Hoja "T2-24 101": unidad 101, 30-jun.-24');
  expect(digest(book)).toBe(before);
  expect(fs.statSync(book).mtimeMs).toBe(mtime);
  const names = await sheetNames(output);
  expect(names.slice(0, 14)).toEqual(await sheetNames(book));
  expect(names).toHaveLength(27);
});

test('--salida, --periodo, --unidad (repeatable) and --proteger', async () => {
  const output = path.join(dir, 'junio.xlsx');
  const r = await poa('plantilla', book, '--salida', output, '--periodo', 'jun-25', '--unidad', '306', '--unidad=309', '--proteger');
  expect(r.code).toBe(0);
  expect((await sheetNames(output)).slice(-2)).toEqual(['jun-25 306', 'jun-25 309']);
  expect(r.err.join('\n')).toMatch(/faltan periodos intermedios/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  expect((wb.getWorksheet('jun-25 306') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
});

test('a cut-off date as the period for TMM-F004', async () => {
  const output = path.join(dir, 'septiembre.xlsx');
  const r = await poa('plantilla', book, '--salida', output, '--periodo', '30-sep.-24', '--unidad', '202');
  expect(r.code).toBe(0);
  expect(r.out[0]).toBe('  Hoja "T3-24 202": unidad 202, 30-sep.-24');
});

describe('exit 2 with a one-line Spanish message', () => {
  let notPoa: string;
  let notXlsx: string;
  beforeAll(async () => {
    notPoa = path.join(dir, 'notas.xlsx');
    const wb = new ExcelJS.Workbook();
    addNotesSheet(wb);
    await writeWorkbook(wb, notPoa);
    notXlsx = path.join(dir, 'texto.xlsx');
    fs.writeFileSync(notXlsx, 'no soy un libro');
  });

  test.each([
    ['no file', ['plantilla'], /^Falta el libro \.xlsx/],
    ['unknown option', ['plantilla', 'x.xlsx', '--hoja', 'A'], /^Opción desconocida: --hoja/],
    ['missing value', ['plantilla', 'x.xlsx', '--periodo'], /^La opción --periodo necesita un valor/],
    ['file not found', ['plantilla', 'no-existe.xlsx'], /^No se encontró el archivo/],
    ['unparseable period', ['plantilla', '<book>', '--periodo', 'mañana'], /^Periodo no reconocido: "mañana"/],
    ['unknown unit', ['plantilla', '<book>', '--unidad', '999'], /^No hay una unidad "999".*Unidades: 319, 303, 306/],
    ['same output as input', ['plantilla', '<book>', '--salida', '<book>'], /^El archivo de salida no puede ser el mismo/],
  ])('%s', async (_name, argv, message) => {
    const r = await poa(...argv.map((a) => (a === '<book>' ? book : a)));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(r.out).toEqual([]);
  });

  test('not an .xlsx / no POA sheet', async () => {
    for (const [file, message] of [[notXlsx, /^El archivo no es un libro de Excel/], [notPoa, /^El libro no contiene ninguna hoja POA/]] as const) {
      const r = await poa('plantilla', file);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, 'notas.plantilla.xlsx'))).toBe(false);
  });
});

test('nothing to make (a quarter for a monthly unit): the reason, then exit 2 and no file', async () => {
  const output = path.join(dir, 'nada.xlsx');
  const r = await poa('plantilla', book, '--salida', output, '--periodo', 'SEGUNDO TRIMESTRE 2025', '--unidad', '306');
  expect(r.code).toBe(2);
  expect(r.err).toEqual([
    'Unidad 306: el periodo SEGUNDO TRIMESTRE 2025 no corresponde a su reporte mensual; no se generó plantilla.',
    'No se generó ninguna plantilla con el periodo y las unidades indicados.',
  ]);
  expect(fs.existsSync(output)).toBe(false);
});

test('--help documents the command', async () => {
  const r = await poa('--help');
  expect(r.out.join('\n')).toMatch(/poa plantilla <libro\.xlsx> \[--salida <archivo\.xlsx>\] \[--periodo <etiqueta>\] \[--unidad <clave>\]…/);
});
