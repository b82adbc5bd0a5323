/**
 * Pure logic of the Plantilla section (no React, no Office): the period options, which units a period applies
 * to, the request sent to the gateway, and the section's state transitions around the gateway calls.
 */
import type { EngineOptions } from '../domain/options';
import type { Progress, TemplateOutcome, TemplatePreview, TemplateRequest, WorkbookGateway } from '../excel/api';
import { UI } from '../i18n/ui.es-MX';

/** The period option "each unit's own next period". */
export const NEXT_PERIOD = '';

export interface PeriodOption {
  value: string;
  label: string;
}

/** The options of the period select: each unit's next (when they differ), then every period of the preview. */
export function periodOptions(preview: TemplatePreview): PeriodOption[] {
  const out: PeriodOption[] = [];
  if (preview.defaultPeriod === NEXT_PERIOD) {
    const labels = [...new Set(preview.units.flatMap((u) => u.next))];
    out.push({ value: NEXT_PERIOD, label: UI.plantilla.nextOfEach(labels) });
  }
  for (const p of preview.periods) {
    const base = p.cutoff ? UI.plantilla.quarterOption(p.label, p.cutoff) : p.label;
    out.push({ value: p.value, label: p.value === preview.defaultPeriod ? UI.plantilla.nextOption(base) : base });
  }
  return out;
}

/** Whether a unit gets a template for the chosen period (a month for monthly reports, a quarter for quarterly ones). */
export function appliesTo(preview: TemplatePreview, period: string, unitKey: string): boolean {
  if (period === NEXT_PERIOD) return true;
  const kind = preview.periods.find((p) => p.value === period)?.kind;
  const unit = preview.units.find((u) => u.key === unitKey);
  return !!unit && (!kind || unit.kinds.includes(kind));
}

export interface PlantillaState {
  preview: TemplatePreview | null;
  loading: boolean;
  loadError: string | null;
  period: string;
  /** Unit claves checked. */
  selected: string[];
  protect: boolean;
  busy: boolean;
  stage: Progress | null;
  outcome: TemplateOutcome | null;
  error: string | null;
}

export function initialState(): PlantillaState {
  return { preview: null, loading: true, loadError: null, period: NEXT_PERIOD, selected: [], protect: false, busy: false, stage: null, outcome: null, error: null };
}

/** After a preview: the default period and every unit checked. */
export function withPreview(state: PlantillaState, preview: TemplatePreview): PlantillaState {
  return { ...state, preview, loading: false, loadError: null, period: preview.defaultPeriod, selected: preview.units.map((u) => u.key) };
}

/** The checked units the chosen period applies to, in the preview's order. */
export function chosenUnits(state: PlantillaState): string[] {
  const preview = state.preview;
  if (!preview) return [];
  return preview.units.filter((u) => state.selected.includes(u.key) && appliesTo(preview, state.period, u.key)).map((u) => u.key);
}

/** The request for the gateway; null when nothing can be asked (no preview, no unit, settings invalid). */
export function requestOf(state: PlantillaState, options: EngineOptions | null): TemplateRequest | null {
  const preview = state.preview;
  if (!preview || preview.blocked || !options) return null;
  const units = chosenUnits(state);
  if (units.length === 0) return null;
  const all = units.length === preview.units.length;
  return {
    ...(state.period !== NEXT_PERIOD ? { period: state.period } : {}),
    ...(all ? {} : { units }),
    bands: { ...options.bands },
    tolerancePp: options.tolerancePp,
    ...(state.protect ? { protect: true } : {}),
  };
}

export function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return String(e);
}

/** Reads the preview; the state to show afterwards (the preview, or a Spanish error). */
export async function loadPreview(gateway: WorkbookGateway, state: PlantillaState): Promise<PlantillaState> {
  try {
    return withPreview(state, await gateway.previewTemplates());
  } catch (e) {
    return { ...state, loading: false, loadError: errorText(e) };
  }
}

/** Inserts the templates; the state to show afterwards (the outcome, or a Spanish error). */
export async function insert(
  gateway: WorkbookGateway,
  state: PlantillaState,
  request: TemplateRequest,
  onStage?: (p: Progress) => void,
): Promise<PlantillaState> {
  try {
    const outcome = await gateway.insertTemplates(request, onStage);
    return { ...state, busy: false, stage: null, outcome, error: null };
  } catch (e) {
    return { ...state, busy: false, stage: null, outcome: null, error: errorText(e) };
  }
}
