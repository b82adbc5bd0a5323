import type { Grid } from './grid';
import type { IndicatorField, Layout, ProgrammaticField } from './model';
import { headerKey } from './text';

/** Synonyms of each header label, as `headerKey` gives them (no accents, upper case, no DE/LA/...). */
const INDICATOR_LEAVES: Record<IndicatorField, string[]> = {
  lineOfAction: ['LINEA ACCION', 'LINEAS ACCION', 'LINEA'],
  objective: ['OBJETIVO', 'OBJETIVOS'],
  unitKey: ['CLAVE', 'CLAVE UNIDAD', 'CLAVE UR', 'UR', 'CLAVE UNIDAD RESPONSABLE'],
  unitName: ['UNIDAD RESPONSABLE', 'NOMBRE UNIDAD', 'NOMBRE UNIDAD RESPONSABLE'],
  action: ['ACCIONES OPERATIVAS', 'ACCION OPERATIVA', 'ACCIONES'],
  annualGoal: ['META ANUAL'],
  absolute: ['AVANCE ABSOLUTO'],
  accumulated: ['AVANCE % META ANUAL', 'AVANCE META ANUAL', 'AVANCE %', '% AVANCE', 'AVANCE ACUMULADO', 'AVANCE % ACUMULADO', 'AVANCE PORCENTUAL', '% AVANCE META ANUAL'],
  comments: ['COMENTARIOS', 'COMENTARIO'],
  indicatorName: ['NOMBRE INDICADOR', 'INDICADOR'],
  description: ['DESCRIPCION', 'DESCRIPCION INDICADOR'],
  target: ['META', 'META PERIODO', 'META MENSUAL', 'META TRIMESTRAL', 'META PROGRAMADA'],
  measureUnit: ['UNIDAD MEDIDA', 'UNIDADES MEDIDA', 'U MEDIDA'],
  frequency: ['FRECUENCIA MEDICION', 'FRECUENCIA'],
  actual: ['VALOR ACTUAL', 'VALOR ALCANZADO', 'VALOR REAL', 'REALIZADO', 'ALCANZADO', 'VALOR OBTENIDO'],
  observations: ['OBSERVACIONES', 'OBSERVACION', 'JUSTIFICACION'],
  compliance: ['CUMPLIMIENTO %', 'CUMPLIMIENTO', '% CUMPLIMIENTO'],
  semaforo: ['SEMAFORO'],
};

const UNIT_GROUP = ['UNIDAD RESPONSABLE'];
const INDICATOR_GROUP = ['INDICADOR DESEMPENO', 'INDICADOR', 'INDICADORES DESEMPENO', 'INDICADORES'];
const GROUP_LABELS = new Set(['AVANCE FISICO', 'PERIODO', ...UNIT_GROUP, ...INDICATOR_GROUP]);

const PROGRAMMATIC_LEAVES: Partial<Record<ProgrammaticField, string[]>> = {
  lineOfAction: ['L A', 'I A', 'LINEA ACCION', 'LINEAS ACCION'],
  description: ['METAS ACCIONES', 'METAS', 'META ACCION', 'METAS ACCIONES OPERATIVAS'],
  measureUnit: ['UNIDAD MEDIDA', 'UNIDADES MEDIDA', 'U MEDIDA'],
  annualGoal: ['META ANUAL'],
  absolute: ['AVANCE ABSOLUTO'],
  relative: ['ACUMULADO RELATIVO', 'AVANCE RELATIVO', 'AVANCE ACUMULADO RELATIVO'],
  observations: ['OBSERVACIONES', 'OBSERVACION', 'JUSTIFICACION'],
  compliance: ['CUMPLIMIENTO %', 'CUMPLIMIENTO', '% CUMPLIMIENTO'],
  semaforo: ['SEMAFORO'],
};
const PLANNED = ['P', 'PROGRAMADO', 'PROG', 'PROGRAMADA'];
const ACHIEVED = ['A', 'ALCANZADO', 'REALIZADO', 'REAL', 'ALCANZADA'];

const QUARTER_MONTHS: [string, string][] = [['ENE', 'MAR'], ['ABR', 'JUN'], ['JUL', 'SEP'], ['OCT', 'DIC']];

function quarterOfLabel(key: string): number | null {
  const words = key.split(' ').map((w) => w.slice(0, 3));
  for (let q = 0; q < 4; q++) {
    if (words.includes(QUARTER_MONTHS[q][0]) && words.includes(QUARTER_MONTHS[q][1])) return q + 1;
  }
  const m = /^(1ER|PRIMER|2DO|SEGUNDO|3ER|TERCER|4TO|CUARTO|I|II|III|IV|T1|T2|T3|T4)\s*(TRIM|TRIMESTRE)?$/.exec(key);
  if (!m) return null;
  const map: Record<string, number> = { '1ER': 1, PRIMER: 1, I: 1, T1: 1, '2DO': 2, SEGUNDO: 2, II: 2, T2: 2, '3ER': 3, TERCER: 3, III: 3, T3: 3, '4TO': 4, CUARTO: 4, IV: 4, T4: 4 };
  return map[m[1]] ?? null;
}

const ALL_LEAVES = new Set<string>([
  ...Object.values(INDICATOR_LEAVES).flat(),
  ...Object.values(PROGRAMMATIC_LEAVES).flat(),
  ...GROUP_LABELS,
  'NOMBRE', 'NO', 'NUM', 'NUMERO', 'PERIODO',
  ...PLANNED, ...ACHIEVED,
]);

const labelCache = new Map<string, boolean>();

/** True when a text is a known header label (used to find header rows). Memoised. */
export function isHeaderLabel(text: string): boolean {
  if (text.length > 45) return false;
  let known = labelCache.get(text);
  if (known === undefined) {
    const key = headerKey(text);
    known = ALL_LEAVES.has(key) || quarterOfLabel(key) !== null;
    if (labelCache.size > 100000) labelCache.clear();
    labelCache.set(text, known);
  }
  return known;
}

export interface HeaderBand {
  top: number;
  bottom: number;
  firstCol: number;
  lastCol: number;
  layout: Layout;
  columns: Record<string, number>;
  /** Column labels (path from group to leaf), for missing-column messages and templates. */
  labels: Map<number, string[]>;
}

/** Rows with at least `min` header labels, with the columns of those labels. */
function labelCount(grid: Grid, row: number): number {
  const values = grid.snapshot.values[row - grid.firstRow];
  if (!values) return 0;
  let n = 0;
  for (const v of values) if (typeof v === 'string' && v.length <= 45 && isHeaderLabel(v.trim())) n++;
  return n;
}

function columnPaths(grid: Grid, top: number, bottom: number): { paths: Map<number, string[]>; firstCol: number; lastCol: number } {
  const paths = new Map<number, string[]>();
  let firstCol = Infinity;
  let lastCol = -Infinity;
  const carried: (string | null)[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      let t = grid.mergedText(r, c);
      const i = r - top;
      if (!t && r < bottom && carried[i] && grid.mergedText(r + 1, c)) t = carried[i] as string;
      if (t) {
        const key = headerKey(t) || t.toUpperCase();
        if (GROUP_LABELS.has(key) || quarterOfLabel(key) !== null) carried[i] = t;
        else if (!grid.isMergedFollower(r, c)) carried[i] = null;
        if (path[path.length - 1] !== key) path.push(key);
      } else if (!grid.isMergedFollower(r, c)) {
        if (!grid.mergedText(r + 1, c)) carried[i] = null;
      }
    }
    if (path.length) {
      paths.set(c, path);
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
    }
  }
  return { paths, firstCol, lastCol };
}

function hasAncestor(path: string[], names: string[]): boolean {
  return path.slice(0, -1).some((p) => names.includes(p));
}

function mapIndicatorColumns(paths: Map<number, string[]>): Record<string, number> {
  const cols: Record<string, number> = {};
  const namesWithoutGroup: number[] = [];
  for (const [col, path] of paths) {
    const leaf = path[path.length - 1];
    if (leaf === 'NOMBRE') {
      if (hasAncestor(path, UNIT_GROUP)) cols.unitName ??= col;
      else if (hasAncestor(path, INDICATOR_GROUP)) cols.indicatorName ??= col;
      else namesWithoutGroup.push(col);
      continue;
    }
    if (leaf === 'CLAVE' && hasAncestor(path, INDICATOR_GROUP)) continue;
    for (const [field, leaves] of Object.entries(INDICATOR_LEAVES)) {
      if (leaves.includes(leaf) && cols[field] === undefined) {
        cols[field] = col;
        break;
      }
    }
  }
  for (const col of namesWithoutGroup) {
    if (cols.unitName === undefined && cols.unitKey !== undefined && col === cols.unitKey + 1) cols.unitName = col;
    else cols.indicatorName ??= col;
  }
  return cols;
}

function mapProgrammaticColumns(paths: Map<number, string[]>): Record<string, number> {
  const cols: Record<string, number> = {};
  for (const [col, path] of paths) {
    const leaf = path[path.length - 1];
    const quarter = path.slice(0, -1).map(quarterOfLabel).find((q) => q !== null);
    if (quarter) {
      if (PLANNED.includes(leaf)) cols[`planned${quarter}`] ??= col;
      else if (ACHIEVED.includes(leaf)) cols[`achieved${quarter}`] ??= col;
      continue;
    }
    for (const [field, leaves] of Object.entries(PROGRAMMATIC_LEAVES)) {
      if (leaves && leaves.includes(leaf) && cols[field] === undefined) {
        cols[field] = col;
        break;
      }
    }
  }
  return cols;
}

const INDICATOR_SIGNS = ['unitKey', 'unitName', 'action', 'absolute', 'accumulated', 'indicatorName', 'target', 'actual', 'frequency'];

function programmaticScore(cols: Record<string, number>): number {
  let pa = 0;
  for (let q = 1; q <= 4; q++) pa += (cols[`planned${q}`] ? 1 : 0) + (cols[`achieved${q}`] ? 1 : 0);
  return pa >= 4 ? pa + (cols.annualGoal ? 1 : 0) + (cols.relative ? 1 : 0) + (cols.description ? 1 : 0) : 0;
}

/**
 * Finds every header band of a sheet: 1 to 3 consecutive rows of header labels.
 * The band starts at the first row with three or more labels and takes the rows below while they
 * hold labels; it is kept when its columns map to enough fields of one layout.
 */
export function findHeaderBands(grid: Grid): HeaderBand[] {
  const bands: HeaderBand[] = [];
  let r = grid.firstRow;
  while (r <= grid.lastRow) {
    if (labelCount(grid, r) < 3) {
      r++;
      continue;
    }
    let bottom = r;
    while (bottom < r + 2 && bottom < grid.lastRow && labelCount(grid, bottom + 1) >= 1 && !rowHasNumbers(grid, bottom + 1)) bottom++;
    const band = classify(grid, r, bottom);
    if (band) {
      bands.push(band);
      r = bottom + 1;
    } else r++;
  }
  return bands;
}

function rowHasNumbers(grid: Grid, row: number): boolean {
  const values = grid.snapshot.values[row - grid.firstRow] ?? [];
  return values.some((v) => typeof v === 'number');
}

function classify(grid: Grid, top: number, bottom: number): HeaderBand | null {
  const { paths, firstCol, lastCol } = columnPaths(grid, top, bottom);
  const prog = mapProgrammaticColumns(paths);
  if (programmaticScore(prog) >= 6) return { top, bottom, firstCol, lastCol, layout: 'programmatic', columns: prog, labels: paths };
  const ind = mapIndicatorColumns(paths);
  const signs = INDICATOR_SIGNS.filter((f) => ind[f] !== undefined).length;
  if (signs >= 4) return { top, bottom, firstCol, lastCol, layout: 'indicators', columns: ind, labels: paths };
  return null;
}

export const REQUIRED_INDICATOR_FIELDS: IndicatorField[] = ['unitKey', 'target', 'actual', 'absolute', 'accumulated'];
export const REQUIRED_PROGRAMMATIC_FIELDS: ProgrammaticField[] = [
  'annualGoal', 'planned1', 'achieved1', 'planned2', 'achieved2', 'planned3', 'achieved3', 'planned4', 'achieved4', 'absolute', 'relative',
];
