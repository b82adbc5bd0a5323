/** The task pane's settings, kept in the document (Office.context.document.settings). */
import { excelMessages } from '../i18n/excel.es-MX';
import type { StoredSettings } from './api';

export const SETTINGS_KEY = 'poaValidador.ajustes';

function isBands(v: unknown): v is StoredSettings['bands'] {
  const b = v as Record<string, unknown> | null;
  return !!b && ['greenMin', 'greenMax', 'yellowMin', 'yellowMax'].every((k) => typeof b[k] === 'number' && Number.isFinite(b[k]));
}

export function parseSettings(raw: unknown): StoredSettings | null {
  const s = raw as Record<string, unknown> | null;
  if (!s || typeof s !== 'object') return null;
  if (typeof s.preset !== 'string' || typeof s.tolerancePp !== 'number' || !Number.isFinite(s.tolerancePp) || !isBands(s.bands)) return null;
  return { preset: s.preset, tolerancePp: s.tolerancePp, bands: { ...s.bands } };
}

export async function loadSettings(): Promise<StoredSettings | null> {
  if (typeof Office === 'undefined') return null;
  return parseSettings(Office.context.document.settings.get(SETTINGS_KEY));
}

export function saveSettings(settings: StoredSettings): Promise<void> {
  const store = Office.context.document.settings;
  store.set(SETTINGS_KEY, { preset: settings.preset, tolerancePp: settings.tolerancePp, bands: { ...settings.bands } });
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(excelMessages.settingsNotSaved(result.error?.message ?? '')));
      else resolve();
    });
  });
}
