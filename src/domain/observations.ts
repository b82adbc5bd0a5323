import { fold } from './text';

const BOILERPLATE = new Set([
  '', 'NA', 'N A', 'NO APLICA', 'SIN OBSERVACIONES', 'SIN OBSERVACION', 'SIN COMENTARIOS', 'NINGUNA', 'NINGUNO',
  'OK', 'S O', 'SO', 'X', 'NADA', 'SIN NOVEDAD', 'SIN NOVEDADES', 'OBSERVACIONES', 'VER ANEXO',
]);

/** Words that state a result without explaining it. */
const GENERIC = new Set([
  'SE', 'LA', 'EL', 'LOS', 'LAS', 'DE', 'DEL', 'EN', 'Y', 'A', 'AL', 'CON', 'POR', 'PARA', 'UN', 'UNA', 'QUE', 'LO',
  'META', 'METAS', 'CUMPLIDA', 'CUMPLIDAS', 'CUMPLIO', 'CUMPLE', 'CUMPLIMOS', 'CUMPLIMIENTO', 'LLEGO', 'ALCANZO', 'ALCANZADA',
  'LOGRO', 'LOGRADA', 'OBJETIVO', 'MES', 'MESES', 'TRIMESTRE', 'PERIODO', 'TOTAL', 'REALIZADAS', 'REALIZADOS', 'REALIZADA',
  'REALIZADO', 'ATENDIDAS', 'ATENDIDOS', 'ENTREGADOS', 'ENTREGADAS', 'OBSERVACIONES', 'SATISFACTORIAMENTE', 'EXITO',
  'ENERO', 'FEBRERO', 'MARZO', 'ABRIL', 'MAYO', 'JUNIO', 'JULIO', 'AGOSTO', 'SEPTIEMBRE', 'OCTUBRE', 'NOVIEMBRE', 'DICIEMBRE',
]);

function stem(word: string): string {
  return word.replace(/(ES|S)$/, '');
}

/**
 * Whether OBSERVACIONES explains a result: not blank, not boilerplate ("N/A", "SIN OBSERVACIONES"),
 * and more than a restatement of the figure ("1324 cortes del mes de enero 2025", "META CUMPLIDA").
 */
export function isJustification(text: string, context: string[]): boolean {
  const candidates = candidateWords(text);
  if (candidates.length < 2) return false;
  const known = new Set<string>();
  for (const c of context) for (const w of fold(c).split(' ')) if (w) known.add(stem(w));
  let meaningful = 0;
  for (const w of candidates) if (!known.has(w) && ++meaningful >= 2) return true;
  return false;
}

const candidateCache = new Map<string, string[]>();

/** Stems of the words of a text that could explain a result (not boilerplate, figures or generic words). Memoised. */
function candidateWords(text: string): string[] {
  let words = candidateCache.get(text);
  if (words === undefined) {
    const f = fold(text);
    words = BOILERPLATE.has(f) ? [] : f.split(' ').filter((w) => w.length >= 3 && !/\d/.test(w) && !GENERIC.has(w)).map(stem);
    if (candidateCache.size > 100000) candidateCache.clear();
    candidateCache.set(text, words);
  }
  return words;
}

const NEGATION = /\b(NO|NUNCA|SIN|FALTO|FALTA|NI)\b/;
const CLAIMS_MET = /\b(META CUMPLIDA|METAS CUMPLIDAS|SE CUMPLIO|CUMPLIO CON LA META|SE LLEGO A LA META|SE ALCANZO|SE LOGRO|SE SUPERO|SE REBASO|SE SOBREPASA|CUMPLIDA)\b/;
const CLAIMS_NOT_MET = /\b(NO SE CUMPLIO|NO SE LLEGO|NO SE ALCANZO|NO SE LOGRO|INCUMPLI\w*|NO CUMPLIO)\b/;

/** "met" when the text says the goal was met, "not-met" when it says it was not, else null. */
export function observationClaim(text: string): 'met' | 'not-met' | null {
  const f = fold(text);
  if (CLAIMS_NOT_MET.test(f)) return 'not-met';
  const m = CLAIMS_MET.exec(f);
  if (!m) return null;
  const before = f.slice(Math.max(0, m.index - 12), m.index);
  return NEGATION.test(before) ? 'not-met' : 'met';
}

function toNumber(s: string): number {
  return Number(s.replace(/,/g, ''));
}

const FIGURE = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';

/**
 * Figures stated in OBSERVACIONES: an explicit TOTAL, and a list of labelled figures
 * ("MORELOS: 33,818 PERIFERICO:33,662 … TOTAL:143,929").
 */
export function observationFigures(text: string): { total: number | null; items: number[] } {
  const upper = text.toUpperCase();
  const totalMatch = new RegExp(`TOTAL\\s*(?:DE\\s+\\w+\\s*)?[:=]?\\s*\\$?${FIGURE}`).exec(upper);
  const total = totalMatch ? toNumber(totalMatch[1]) : null;
  const items: number[] = [];
  const itemRe = new RegExp(`([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .]*?)\\s*:\\s*\\$?${FIGURE}`, 'g');
  for (let m = itemRe.exec(upper); m; m = itemRe.exec(upper)) {
    if (/TOTAL\s*$/.test(m[1].trim()) || /^TOTAL\b/.test(m[1].trim())) continue;
    items.push(toNumber(m[2]));
  }
  return { total, items };
}
