/**
 * Formulas of the templates. Kept to IF / AND / ISNUMBER / ROUND / SUM and arithmetic so that Excel and
 * LibreOffice compute them the same way, in the same order as the engine (actual / goal × weight).
 */
import { cellAddress, columnLetters } from '../address';
import type { SemaforoBands } from '../options';
import { SEMAFORO_TEXT } from '../../i18n/es-MX';

type Ref = { row: number; col: number };
const a1 = (r: Ref): string => cellAddress(r.row, r.col);

/** A number as a formula literal that reads back as the same double (no exponent notation). */
export function numberLiteral(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** Text that a spreadsheet would read as a formula if typed: it must be written as text. */
export function isFormulaLike(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** AVANCE %/META ANUAL: carried + VALOR ACTUAL / META × weight; the carried value while the inputs are blank. */
export function accumulatedFormula(actual: Ref, target: Ref, weight: Ref, carried: number): string {
  const [a, t, w] = [a1(actual), a1(target), a1(weight)];
  const c = numberLiteral(carried);
  const increment = `${a}/${t}*${w}`;
  const body = carried === 0 ? increment : `${c}+${increment}`;
  return `=IF(AND(ISNUMBER(${a}),ISNUMBER(${t}),ISNUMBER(${w})),IF(${t}>0,${body},${c}),${c})`;
}

/** A ratio (achieved / goal), blank while either is blank or the goal is not positive. */
export function ratioFormula(numerator: Ref, denominator: Ref): string {
  const [n, d] = [a1(numerator), a1(denominator)];
  return `=IF(AND(ISNUMBER(${n}),ISNUMBER(${d})),IF(${d}>0,${n}/${d},""),"")`;
}

/** SEMÁFORO from the compliance cell, with the engine's bands and rounding (percent to 6 decimals). */
export function semaforoFormula(compliance: Ref, bands: SemaforoBands): string {
  const c = a1(compliance);
  const p = `ROUND(${c}*100,6)`;
  const between = (lo: number, hi: number) => `AND(${p}>=${numberLiteral(lo)},${p}<=${numberLiteral(hi)})`;
  const { verde, amarillo, rojo } = SEMAFORO_TEXT;
  return `=IF(ISNUMBER(${c}),IF(${between(bands.greenMin, bands.greenMax)},"${verde}",IF(${between(bands.yellowMin, bands.yellowMax)},"${amarillo}","${rojo}")),"")`;
}

/** AVANCE ABSOLUTO of TMM-F004: the sum of the A cells up to the cut-off quarter. */
export function sumFormula(cells: Ref[]): string {
  return `=SUM(${cells.map(a1).join(',')})`;
}

/** Conditional-format expression for the top-left cell of a range: the row's semáforo cell equals a colour. */
export function semaforoIs(semaforo: Ref, text: string): string {
  return `$${columnLetters(semaforo.col)}${semaforo.row}="${text}"`;
}
