/**
 * `poa validar` / `poa deshacer` end to end on .xlsx files generated from the seeds:
 * exit codes, output files, JSON, and the input file never written.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import { addNotesSheet, buildSampleWorkbook, writeWorkbook } from '../fixtures/buildWorkbook';
import { findRepoRoot } from '../fixtures/repoPaths';
import { cellStates } from '../helpers/cells';

const root = findRepoRoot();
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poa-cli-'));
  sample = path.join(dir, 'libro.xlsx');
  await writeWorkbook(await buildSampleWorkbook(), sample);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hash = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function poa(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { log: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('poa validar', () => {
  test('writes <libro>.validado.xlsx beside the input, prints the summary, never writes the input; exit 1 with errors', async () => {
    const before = hash(sample);
    const { code, out } = await poa('validar', sample);
    expect(code).toBe(1);
    expect(hash(sample)).toBe(before);
    const output = path.join(dir, 'libro.validado.xlsx');
    expect(fs.existsSync(output)).toBe(true);
    expect(out).toContain('Unidad 315');
    expect(out).toContain('observation-total-mismatch');
    expect(out).toMatch(/Total: 1 errores, \d+ advertencias, \d+ avisos\./);
    expect(out).toContain('Hoja "Notas": no es un reporte POA; sin cambios.');
  });

  test('--json writes the documented shape; rows are 1-based sheet rows', async () => {
    const json = path.join(dir, 'hallazgos.json');
    const { code } = await poa('validar', sample, '--salida', path.join(dir, 'b.xlsx'), '--json', json);
    expect(code).toBe(1);
    const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(doc.file).toBe(sample);
    expect(Object.keys(doc.summary).sort()).toEqual(['error', 'info', 'warning']);
    const s315 = doc.sheets.find((s: { name: string }) => s.name.startsWith('315'));
    expect(s315).toMatchObject({ layout: 'indicators', period: 'PRIMER TRIMESTRE 2025' });
    const f = s315.findings.find((x: { code: string }) => x.code === 'observation-total-mismatch');
    expect(f).toMatchObject({ severity: 'error', sheet: s315.name, unit: '315', expected: 143581, actual: 143929 });
    expect(f.cell).toBe(`P${f.row}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    expect(String(wb.getWorksheet(s315.name)!.getCell(f.cell).value)).toContain('TOTAL:143,929');
    expect(doc.sheets.find((s: { name: string }) => s.name === 'Notas').layout).toBeNull();
    expect(doc.sheets.find((s: { name: string }) => s.name === 'TMM-F004 101').layout).toBe('programmatic');
  });

  test('--json - prints only JSON on stdout', async () => {
    const { code, out, err } = await poa('validar', sample, '--salida', path.join(dir, 'c.xlsx'), '--json', '-', '--hoja', '319 Técnica');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.sheets.map((s: { name: string }) => s.name)).toEqual(['319 Técnica']);
    expect(err).toContain('Copia validada');
  });

  test('--hoja validates only that sheet and leaves the others as they were', async () => {
    const output = path.join(dir, 'd.xlsx');
    await poa('validar', sample, '--salida', output, '--hoja', '306 Altos consumos');
    const [a, b] = await Promise.all([sample, output].map(async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return cellStates(wb);
    }));
    const changed = [...b.keys()].filter((k) => a.get(k) !== b.get(k));
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.every((k) => k.startsWith('306 Altos consumos!'))).toBe(true);
  });

  test('--semaforo nuevo-leon narrows green (95–105%) and --tolerancia changes what is accepted', async () => {
    const count = async (...extra: string[]) => {
      const { out } = await poa('validar', sample, '--salida', path.join(dir, 'e.xlsx'), '--json', '-', ...extra);
      return JSON.parse(out).summary;
    };
    const municipal = await count();
    const nl = await count('--semaforo', 'nuevo-leon');
    expect(nl.warning + nl.info).toBeGreaterThan(municipal.warning + municipal.info);
    const strict = await count('--tolerancia', '0');
    expect(strict.error).toBeGreaterThan(municipal.error); // 31.55% printed for 31.5567% is no longer accepted
  });

  test.each([
    [['validar'], 'Falta el libro'],
    [['validar', 'x.xlsx', '--color'], 'Opción desconocida: --color'],
    [['validar', 'x.xlsx', '--tolerancia', 'mucha'], 'Tolerancia inválida'],
    [['validar', 'x.xlsx', '--semaforo', 'cdmx'], 'Semáforo desconocido'],
    [['exportar', 'x.xlsx'], 'Comando desconocido'],
    [['validar', 'no-existe.xlsx'], 'No se encontró el archivo'],
  ])('bad usage %j: exit 2, one Spanish line', async (argv, message) => {
    const { code, err, out } = await poa(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });

  test('a file that is not .xlsx, and a workbook with no POA sheet: exit 2, no output file', async () => {
    const text = path.join(dir, 'texto.xlsx');
    fs.writeFileSync(text, 'esto no es un libro');
    expect((await poa('validar', text)).code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'texto.validado.xlsx'))).toBe(false);
    const notes = path.join(dir, 'notas.xlsx');
    const wb = new ExcelJS.Workbook();
    addNotesSheet(wb);
    await writeWorkbook(wb, notes);
    const r = await poa('validar', notes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no contiene ninguna hoja POA');
    expect(fs.existsSync(path.join(dir, 'notas.validado.xlsx'))).toBe(false);
  });

  test('refuses to write over the input', async () => {
    const before = hash(sample);
    const r = await poa('validar', sample, '--salida', sample);
    expect(r.code).toBe(2);
    expect(hash(sample)).toBe(before);
  });

  test('exit 0 when no finding is an error', async () => {
    expect((await poa('validar', sample, '--salida', path.join(dir, 'f.xlsx'), '--hoja', '306 Altos consumos')).code).toBe(0);
  });
});

describe('poa deshacer', () => {
  test('restores the validated copy to the original, cell for cell', async () => {
    const validated = path.join(dir, 'v.xlsx');
    const restored = path.join(dir, 'r.xlsx');
    await poa('validar', sample, '--salida', validated);
    const { code, out } = await poa('deshacer', validated, '--salida', restored);
    expect(code).toBe(0);
    expect(out).toMatch(/Se restauraron \d+ celdas/);
    const read = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    };
    const [orig, back] = await Promise.all([read(sample), read(restored)]);
    expect(back.getWorksheet('POA_DESHACER')).toBeUndefined();
    expect(cellStates(back)).toEqual(cellStates(orig));
  });

  test('a workbook without a journal: exit 2', async () => {
    const r = await poa('deshacer', sample, '--salida', path.join(dir, 'g.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no tiene cambios');
  });
});

describe('the installed binary', () => {
  test('bin/poa.js: --help exits 0 in Spanish; bad usage exits 2 without a stack trace', () => {
    const bin = path.join(root, 'bin', 'poa.js');
    expect(execFileSync('node', [bin, '--help'], { encoding: 'utf8' })).toContain('poa validar <libro.xlsx>');
    const bad = spawnSync('node', [bin, 'validar', path.join(dir, 'nada.xlsx')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^No se encontró el archivo: /);
    expect(bad.stderr).not.toContain('at ');
  });
});
