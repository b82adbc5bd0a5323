/** The rest of WorkbookGateway: going to a finding's cell and the settings stored in the document. */
import type { StoredSettings } from '../../src/excel/api';
import { SETTINGS_KEY } from '../../src/excel/settings';
import { SEMAFORO_PRESETS } from '../../src/domain/options';
import { type Harness, SHEET, harness, smallWorkbook } from './gatewayHarness';

let h: Harness;
afterEach(() => h?.uninstall());

const empty = { writes: [], fills: [], notes: [] };

test('selectCell activates the sheet and selects the cell (with or without a sheet prefix)', async () => {
  h = harness(smallWorkbook(), empty);
  await h.gateway.selectCell('dic-24', 'B7');
  expect(h.fake.activeSheet()).toBe('dic-24');
  expect(h.fake.state.selection).toEqual({ sheet: 'dic-24', address: 'B7' });
  await h.gateway.selectCell(SHEET, `'${SHEET}'!C3`);
  expect(h.fake.state.selection).toEqual({ sheet: SHEET, address: 'C3' });
  await expect(h.gateway.selectCell('No existe', 'A1')).rejects.toThrow('No se encontró la hoja «No existe».');
});

test('settings round-trip through the document settings; missing or malformed settings read as null', async () => {
  h = harness(smallWorkbook(), empty);
  expect(await h.gateway.loadSettings()).toBeNull();
  const settings: StoredSettings = { preset: 'nuevo-leon', bands: SEMAFORO_PRESETS['nuevo-leon'], tolerancePp: 0.05 };
  await h.gateway.saveSettings(settings);
  expect(h.fake.state.savedSettings?.[SETTINGS_KEY]).toEqual(settings);
  expect(await h.gateway.loadSettings()).toEqual(settings);
  h.fake.Office.context.document.settings.set(SETTINGS_KEY, { preset: 'x', bands: { greenMin: 'a' }, tolerancePp: 1 });
  expect(await h.gateway.loadSettings()).toBeNull();
});

test('an empty plan on a POA sheet writes nothing and creates no journal, in 2 syncs', async () => {
  h = harness(smallWorkbook(), empty);
  const before = h.fake.toData();
  const outcome = await h.gateway.validateActiveSheet({ tolerancePp: 0.02, bands: SEMAFORO_PRESETS.municipal });
  expect(outcome).toMatchObject({ applied: true, syncs: 2 });
  expect(h.fake.toData()).toEqual(before);
});
