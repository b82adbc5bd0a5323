/** Text helpers for matching sheet text tolerant of accents, case, spacing and punctuation. */

const STOP_WORDS = new Set(['DE', 'DEL', 'LA', 'LAS', 'LOS', 'EL', 'Y', 'AL', 'EN', 'POR']);

const foldCache = new Map<string, string>();

/** Upper case, no accents, punctuation as spaces (keeps %), single spaces. Memoised: sheet text repeats a lot. */
export function fold(text: string): string {
  let f = foldCache.get(text);
  if (f === undefined) {
    f = foldUncached(text);
    if (foldCache.size > 200000) foldCache.clear();
    foldCache.set(text, f);
  }
  return f;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9%]+/g, ' ')
    .trim();
}

/** Folded and without connecting words: "UNIDAD DE MEDIDA" and "UNIDAD MEDIDA" both give "UNIDAD MEDIDA". */
export function headerKey(text: string): string {
  return fold(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .join(' ');
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
