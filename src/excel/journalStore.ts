/** Key of a cell reference, for maps over the cells a run touches. */
import type { CellRef } from '../domain/plan';

export function refKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}
