/**
 * Pure logic of the task pane (no React, no Office): what the ribbon asked for, which findings
 * the filters keep, how Anterior/Siguiente move, the semáforo table, and the settings form.
 */
import type { Finding, Severity } from '../domain/findings';
import type { ValidationResult } from '../domain/engine';
import type { SemaforoColor } from '../domain/plan';
import { DEFAULT_OPTIONS, DEFAULT_PRESET, SEMAFORO_PRESETS, validateBands, type EngineOptions, type SemaforoBands } from '../domain/options';
import type { StoredSettings } from '../excel/api';

/* ------------------------------------------------------------------ ribbon action */

/** What the ribbon button asked for (`taskpane.html?accion=...`). */
export type Accion = 'validar' | 'plantilla';

export function parseAccion(search: string): Accion | null {
  const value = new URLSearchParams(search).get('accion');
  return value === 'validar' || value === 'plantilla' ? value : null;
}

/* ------------------------------------------------------------------ findings */

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityFilter = 'todas' | Severity;

/** Unit filter: a unit key, ALL_UNITS, or NO_UNIT (findings without a unit). */
export const ALL_UNITS = '\u0000todas';
export const NO_UNIT = '\u0000sin-unidad';

export interface UnitOption {
  value: string;
  key: string | null;
  name: string;
}

/** Every finding of the run, sheet by sheet, in the engine's order. */
export function allFindings(result: ValidationResult): Finding[] {
  return result.sheets.flatMap((s) => s.findings);
}

export function filterFindings(findings: readonly Finding[], severity: SeverityFilter, unit: string): Finding[] {
  return findings.filter(
    (f) =>
      (severity === 'todas' || f.severity === severity) &&
      (unit === ALL_UNITS || (unit === NO_UNIT ? f.unit === null : f.unit === unit)),
  );
}

/** Units for the filter: those in the sheet reports (with names), then any other unit a finding names. */
export function unitOptions(result: ValidationResult): UnitOption[] {
  const names = new Map<string, string>();
  for (const sheet of result.sheets) {
    for (const u of sheet.units) if (!names.has(u.unit) || !names.get(u.unit)) names.set(u.unit, u.name);
  }
  let withoutUnit = false;
  for (const f of allFindings(result)) {
    if (f.unit === null) withoutUnit = true;
    else if (!names.has(f.unit)) names.set(f.unit, '');
  }
  const options: UnitOption[] = [...names.entries()].map(([key, name]) => ({ value: key, key, name }));
  if (withoutUnit) options.push({ value: NO_UNIT, key: null, name: '' });
  return options;
}

/**
 * Anterior/Siguiente: the next index in a list of `length` items (wrapping around), starting
 * from the first (Siguiente) or last (Anterior) item when nothing is selected yet.
 */
export function stepIndex(current: number | null, length: number, direction: 1 | -1): number | null {
  if (length <= 0) return null;
  if (current === null || current < 0 || current >= length) return direction === 1 ? 0 : length - 1;
  return (current + direction + length) % length;
}

export interface SemaforoRow {
  unit: string;
  name: string;
  counts: Record<SemaforoColor, number>;
}

/** Semáforo counts per unit, summed over the sheet reports (a unit can appear in several blocks). */
export function semaforoRows(result: ValidationResult): SemaforoRow[] {
  const rows = new Map<string, SemaforoRow>();
  for (const sheet of result.sheets) {
    for (const u of sheet.units) {
      let row = rows.get(u.unit);
      if (!row) {
        row = { unit: u.unit, name: u.name, counts: { verde: 0, amarillo: 0, rojo: 0 } };
        rows.set(u.unit, row);
      }
      if (!row.name && u.name) row.name = u.name;
      row.counts.verde += u.semaforo.verde;
      row.counts.amarillo += u.semaforo.amarillo;
      row.counts.rojo += u.semaforo.rojo;
    }
  }
  return [...rows.values()];
}

/** Period label(s) of the validated sheet, if the engine found one. */
export function periodOf(result: ValidationResult, sheet: string): string | null {
  const report = result.sheets.find((s) => s.name === sheet) ?? result.sheets[0];
  return report?.period ?? null;
}

/* ------------------------------------------------------------------ settings */

export type PresetChoice = 'municipal' | 'nuevo-leon' | 'personalizado';
export const PRESET_CHOICES: readonly PresetChoice[] = ['municipal', 'nuevo-leon', 'personalizado'];
export const BAND_FIELDS: readonly (keyof SemaforoBands)[] = ['yellowMin', 'greenMin', 'greenMax', 'yellowMax'];
export const MAX_TOLERANCE_PP = 10;

/** The settings form as typed (strings, so half-typed numbers survive re-renders). */
export interface SettingsForm {
  preset: PresetChoice;
  bands: Record<keyof SemaforoBands, string>;
  tolerance: string;
}

export interface SettingsErrors {
  bands?: 'notANumber' | 'invalid';
  tolerance?: 'invalid';
}

export type ParsedSettings =
  | { ok: true; stored: StoredSettings; options: EngineOptions }
  | { ok: false; errors: SettingsErrors };

function isPresetKey(p: string): p is 'municipal' | 'nuevo-leon' {
  return p === 'municipal' || p === 'nuevo-leon';
}

function numText(n: number): string {
  return String(n);
}

function bandsText(b: SemaforoBands): Record<keyof SemaforoBands, string> {
  return { greenMin: numText(b.greenMin), greenMax: numText(b.greenMax), yellowMin: numText(b.yellowMin), yellowMax: numText(b.yellowMax) };
}

export function defaultForm(): SettingsForm {
  return {
    preset: DEFAULT_PRESET as PresetChoice,
    bands: bandsText(DEFAULT_OPTIONS.bands),
    tolerance: numText(DEFAULT_OPTIONS.tolerancePp),
  };
}

/** The form for settings loaded from the document (defaults when missing or unusable). */
export function formFromStored(stored: StoredSettings | null): SettingsForm {
  const form = defaultForm();
  if (!stored) return form;
  if (isPresetKey(stored.preset) && SEMAFORO_PRESETS[stored.preset]) {
    form.preset = stored.preset;
    form.bands = bandsText(SEMAFORO_PRESETS[stored.preset]);
  } else if (stored.bands && validateBands(stored.bands)) {
    form.preset = 'personalizado';
    form.bands = bandsText(stored.bands);
  }
  if (Number.isFinite(stored.tolerancePp) && stored.tolerancePp >= 0 && stored.tolerancePp <= MAX_TOLERANCE_PP) {
    form.tolerance = numText(stored.tolerancePp);
  }
  return form;
}

/** Choosing a preset fills the bands with its values; "personalizado" keeps the current ones. */
export function withPreset(form: SettingsForm, preset: PresetChoice): SettingsForm {
  if (preset === 'personalizado') return { ...form, preset };
  return { ...form, preset, bands: bandsText(SEMAFORO_PRESETS[preset]) };
}

/** Parses a number as typed in Mexico ("90", "0.02"); a decimal comma is accepted too. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function parseForm(form: SettingsForm): ParsedSettings {
  const errors: SettingsErrors = {};
  const values: Partial<SemaforoBands> = {};
  for (const field of BAND_FIELDS) {
    const n = parseNumber(form.bands[field]);
    if (n === null) errors.bands = 'notANumber';
    else values[field] = n;
  }
  const bands = values as SemaforoBands;
  if (!errors.bands && !validateBands(bands)) errors.bands = 'invalid';
  const tolerance = parseNumber(form.tolerance);
  if (tolerance === null || tolerance < 0 || tolerance > MAX_TOLERANCE_PP) errors.tolerance = 'invalid';
  if (errors.bands || errors.tolerance || tolerance === null) return { ok: false, errors };
  return {
    ok: true,
    stored: { preset: form.preset, bands: { ...bands }, tolerancePp: tolerance },
    options: { bands: { ...bands }, tolerancePp: tolerance },
  };
}

/** Progress bar value for a stage (undefined = indeterminate, before the first report). */
export function progressValue(stage: 'leyendo' | 'validando' | 'escribiendo' | 'listo' | null): number | undefined {
  switch (stage) {
    case 'leyendo':
      return 0.2;
    case 'validando':
      return 0.5;
    case 'escribiendo':
      return 0.8;
    case 'listo':
      return 1;
    default:
      return undefined;
  }
}

/** "#RRGGBB" for an ARGB fill of the plan ("FF63BE7B"). */
export function argbToCss(argb: string): string {
  return `#${argb.slice(-6)}`;
}
