import type { SemaforoBands } from './options';
import type { SemaforoColor } from './plan';

/** Colour of a compliance (fraction: 1 = goal met) in the configured bands. */
export function semaforoOf(compliance: number, bands: SemaforoBands): SemaforoColor {
  const pctValue = Math.round(compliance * 100 * 1e6) / 1e6;
  if (pctValue >= bands.greenMin && pctValue <= bands.greenMax) return 'verde';
  if (pctValue >= bands.yellowMin && pctValue <= bands.yellowMax) return 'amarillo';
  return 'rojo';
}
