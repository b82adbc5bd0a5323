export interface SemaforoBands {
  /** Percentages of compliance (100 = goal met exactly). Green: [greenMin, greenMax]. */
  greenMin: number;
  greenMax: number;
  /** Yellow: [yellowMin, greenMin) and (greenMax, yellowMax]; red beyond. */
  yellowMin: number;
  yellowMax: number;
}

export const SEMAFORO_PRESETS: Record<string, SemaforoBands> = {
  municipal: { greenMin: 90, greenMax: 110, yellowMin: 80, yellowMax: 120 },
  'nuevo-leon': { greenMin: 95, greenMax: 105, yellowMin: 85, yellowMax: 115 },
};

export const DEFAULT_PRESET = 'municipal';

export interface EngineOptions {
  /** Tolerance for printed percentages, in percentage points (0.02 = 0.02 pp). */
  tolerancePp: number;
  bands: SemaforoBands;
}

export const DEFAULT_OPTIONS: EngineOptions = {
  tolerancePp: 0.02,
  bands: SEMAFORO_PRESETS[DEFAULT_PRESET],
};

export function validateBands(b: SemaforoBands): boolean {
  const nums = [b.yellowMin, b.greenMin, b.greenMax, b.yellowMax];
  return nums.every((n) => Number.isFinite(n) && n >= 0) && b.yellowMin <= b.greenMin && b.greenMin < b.greenMax && b.greenMax <= b.yellowMax;
}
