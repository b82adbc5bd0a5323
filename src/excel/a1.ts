/** A1 addresses as Office.js writes and reads them ("'Hoja 1'!A1:B2, 'Hoja 1'!C5"). Rows and columns 1-based. */
import { cellAddress, parseAddress } from '../domain/address';
import type { MergedArea } from '../domain/snapshot';

export interface QualifiedArea extends MergedArea {
  /** Sheet name without quotes, or null when the address had none. */
  sheet: string | null;
}

/** "A1" or "A1:C3". */
export function localAddress(area: MergedArea): string {
  const a = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? a : `${a}:${cellAddress(area.bottom, area.right)}`;
}

/** Splits on commas outside quoted sheet names. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** "'Hoja 1'!A1:B2" → sheet "Hoja 1" and the area; "A1" → sheet null. */
export function parseQualified(text: string): QualifiedArea {
  const bang = text.lastIndexOf('!');
  let sheet: string | null = null;
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  const [first, second] = text.slice(bang + 1).split(':');
  const a = parseAddress(first);
  const b = second ? parseAddress(second) : a;
  return {
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A RangeAreas address ("Hoja1!A1:B2, Hoja1!C3:D4") as areas. */
export function parseAddressList(text: string): QualifiedArea[] {
  return splitList(text).map(parseQualified);
}
