/**
 * The Plantilla section with a stub gateway: the state transitions around previewTemplates / insertTemplates
 * (default period and units, the request sent, progress, outcome, Spanish errors), and server-side renders of
 * each state (as render.test.tsx does: jest runs without a DOM), including the pane opened with ?accion=plantilla.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { stubGateway } from './stubGateway';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { DEFAULT_OPTIONS } from '../../src/domain/options';
import type { Progress, TemplateOutcome, TemplatePreview, TemplateRequest, WorkbookGateway } from '../../src/excel/api';
import { UI } from '../../src/i18n/ui.es-MX';
import { App } from '../../src/taskpane/App';
import { PlantillaPanel } from '../../src/taskpane/components/PlantillaPanel';
import {
  NEXT_PERIOD,
  type PlantillaState,
  chosenUnits,
  initialState,
  insert,
  loadPreview,
  periodOptions,
  requestOf,
} from '../../src/taskpane/plantillaModel';

const HOSTILE = '<img src=x onerror="alert(1)">';

const preview: TemplatePreview = {
  units: [
    { key: '306', name: 'GERENCIA COMERCIAL', kinds: ['month'], next: ['abr-25'] },
    { key: '303', name: HOSTILE, kinds: ['month'], next: ['mar-25'] },
    { key: '101', name: 'SUBDIRECCION DE OPERACION', kinds: ['quarter'], next: ['30-jun.-24'] },
  ],
  periods: [
    { value: 'mar-25', label: 'mar-25', kind: 'month' },
    { value: 'abr-25', label: 'abr-25', kind: 'month' },
    { value: 'SEGUNDO TRIMESTRE 2024', label: 'SEGUNDO TRIMESTRE 2024', kind: 'quarter', cutoff: '30-jun.-24' },
  ],
  defaultPeriod: NEXT_PERIOD,
  notices: [],
  blocked: null,
};

const NEW_YEAR = '"ene-26 306": ene-26 inicia un nuevo año del POA (el último periodo es mar-25); el avance acumulado empieza en cero.';

const outcome: TemplateOutcome = {
  sheets: [
    { name: 'abr-25 306', unitKey: '306', unitName: 'GERENCIA COMERCIAL', period: 'abr-25' },
    { name: `${HOSTILE} 303`.slice(0, 31), unitKey: '303', unitName: HOSTILE, period: 'mar-25' },
  ],
  notices: [NEW_YEAR],
  syncs: 3,
};

interface Stub extends WorkbookGateway {
  requests: TemplateRequest[];
}

function templateGateway(behaviour: { preview?: TemplatePreview | Error; insert?: TemplateOutcome | Error } = {}): Stub {
  const requests: TemplateRequest[] = [];
  return {
    ...stubGateway(),
    requests,
    previewTemplates: async () => {
      const p = behaviour.preview ?? preview;
      if (p instanceof Error) throw p;
      return p;
    },
    insertTemplates: async (request: TemplateRequest, onProgress?: (p: Progress) => void) => {
      requests.push(request);
      for (const stage of ['leyendo', 'validando', 'escribiendo', 'listo'] as Progress[]) onProgress?.(stage);
      const o = behaviour.insert ?? outcome;
      if (o instanceof Error) throw o;
      return o;
    },
  };
}

function html(el: ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
}

const options = DEFAULT_OPTIONS;

describe('Plantilla state with a stub gateway', () => {
  test('the preview preselects the next period of each unit and every unit; the request asks for the defaults', async () => {
    const state = await loadPreview(templateGateway(), initialState());
    expect(state).toMatchObject({ loading: false, loadError: null, period: NEXT_PERIOD, selected: ['306', '303', '101'] });
    expect(periodOptions(preview).map((o) => o.label)).toEqual([
      'El siguiente de cada unidad (abr-25, mar-25, 30-jun.-24)',
      'mar-25',
      'abr-25',
      'SEGUNDO TRIMESTRE 2024 (corte 30-jun.-24)',
    ]);
    expect(requestOf(state, options)).toEqual({ bands: options.bands, tolerancePp: options.tolerancePp });
    expect(requestOf(state, null)).toBeNull();
  });

  test('a common next period is preselected and marked as the next', async () => {
    const single: TemplatePreview = { ...preview, units: [preview.units[0]], periods: preview.periods.slice(1, 2), defaultPeriod: 'abr-25' };
    const state = await loadPreview(templateGateway({ preview: single }), initialState());
    expect(state.period).toBe('abr-25');
    expect(periodOptions(single)).toEqual([{ value: 'abr-25', label: 'abr-25 (siguiente)' }]);
    expect(requestOf(state, options)).toEqual({ period: 'abr-25', bands: options.bands, tolerancePp: options.tolerancePp });
  });

  test('a month leaves out the quarterly units; unchecking a unit and protecting go into the request', async () => {
    let state = await loadPreview(templateGateway(), initialState());
    state = { ...state, period: 'abr-25' };
    expect(chosenUnits(state)).toEqual(['306', '303']);
    expect(requestOf(state, options)).toEqual({ period: 'abr-25', units: ['306', '303'], bands: options.bands, tolerancePp: options.tolerancePp });
    state = { ...state, selected: ['306', '101'], protect: true };
    expect(requestOf(state, options)).toMatchObject({ units: ['306'], protect: true });
    state = { ...state, selected: ['101'] };
    expect(requestOf(state, options)).toBeNull();
  });

  test('insert: the gateway gets the request, progress goes through every stage, the outcome is kept', async () => {
    const gateway = templateGateway();
    const state = await loadPreview(gateway, initialState());
    const stages: Progress[] = [];
    const request = requestOf(state, options)!;
    const after = await insert(gateway, { ...state, busy: true }, request, (p) => stages.push(p));
    expect(gateway.requests).toEqual([request]);
    expect(stages).toEqual(['leyendo', 'validando', 'escribiendo', 'listo']);
    expect(after).toMatchObject({ busy: false, stage: null, outcome, error: null });
  });

  test('errors are kept as the gateway\'s Spanish message', async () => {
    const failing = templateGateway({ preview: new Error('No se encontró Excel.'), insert: new Error('La estructura del libro está protegida.') });
    const loaded = await loadPreview(failing, initialState());
    expect(loaded).toMatchObject({ loading: false, preview: null, loadError: 'No se encontró Excel.' });
    const after = await insert(failing, await loadPreview(templateGateway(), initialState()), { bands: options.bands });
    expect(after).toMatchObject({ outcome: null, error: 'La estructura del libro está protegida.' });
  });
});

describe('PlantillaPanel render', () => {
  const gateway = templateGateway();
  let ready: PlantillaState;
  beforeAll(async () => {
    ready = await loadPreview(gateway, initialState());
  });

  test('before the preview: reading the workbook', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={initialState()} />);
    expect(markup).toContain(UI.plantilla.loading);
    expect(markup).not.toContain(UI.plantilla.insert);
  });

  test('the form: period select (next by default), unit checkboxes (all checked), protect, Insertar enabled', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={ready} />);
    expect(markup).toContain('>Periodo<');
    expect(markup).toMatch(/<option value="" selected="">El siguiente de cada unidad \(abr-25, mar-25, 30-jun\.-24\)<\/option>/);
    expect(markup).toContain('SEGUNDO TRIMESTRE 2024 (corte 30-jun.-24)');
    expect(markup).toContain(UI.plantilla.allUnits);
    expect(markup).toContain('306 · GERENCIA COMERCIAL');
    expect(markup).toContain('(siguiente: abr-25)');
    expect((markup.match(/data-testid="plantilla-unidad"/g) ?? []).length).toBe(3);
    expect((markup.match(/type="checkbox"[^>]*checked=""/g) ?? []).length).toBe(4); // Todas + 3 units
    expect(markup).toContain(UI.plantilla.protect);
    expect(markup).toMatch(/<button[^>]*data-testid="plantilla-insertar"[^>]*>Insertar plantillas<\/button>/);
    expect(markup).not.toMatch(/<button[^>]*disabled=""[^>]*data-testid="plantilla-insertar"/);
    // Unit names are text, never markup.
    expect(markup).not.toContain('<img');
    expect(markup).toContain('&lt;img src=x');
  });

  test('the preview\'s notices (a new POA year ahead) are shown before inserting', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, preview: { ...preview, notices: [NEW_YEAR] } }} />);
    expect(markup).toContain(UI.plantilla.previewNoticesTitle);
    expect(markup).toContain('inicia un nuevo año del POA');
  });

  test('a month chosen: the quarterly unit is disabled and says why', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, period: 'abr-25' }} />);
    expect(markup).toContain('(reporte trimestral: no aplica a este periodo)');
    expect(markup).toMatch(/<option value="abr-25" selected="">abr-25<\/option>/);
  });

  test('no unit chosen or settings invalid: Insertar is disabled with the reason', () => {
    const none = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, selected: [] }} />);
    expect(none).toContain(UI.plantilla.noneSelected);
    expect(none).toMatch(/<button[^>]*disabled=""[^>]*>Insertar plantillas<\/button>/);
    const invalid = html(<PlantillaPanel gateway={gateway} options={null} initial={ready} />);
    expect(invalid).toContain(UI.plantilla.settingsInvalid);
  });

  test('inserting: progress with the stage', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, busy: true, stage: 'escribiendo' }} />);
    expect(markup).toContain(UI.plantilla.stage.escribiendo);
    expect(markup).toContain('>Insertando…<');
    expect(markup).toContain('role="progressbar"');
  });

  test('the outcome: the sheets inserted and the notices (a new POA year), as text', () => {
    const markup = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, outcome }} />);
    expect(markup).toContain('Se insertaron 2 hojas');
    expect(markup).toContain(UI.plantilla.insertedBody);
    expect((markup.match(/data-testid="plantilla-hoja"/g) ?? []).length).toBe(2);
    expect(markup).toContain('abr-25 306');
    expect(markup).toContain('unidad 306, abr-25');
    expect(markup).toContain('Avisos');
    expect(markup).toContain('inicia un nuevo año del POA');
    expect(markup).toContain('Sincronizaciones con Excel: 3');
    expect(markup).not.toContain('<img');
  });

  test('nothing inserted, an error, a workbook without POA sheets, a failed read', () => {
    const none = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, outcome: { sheets: [], notices: ['Unidad 101: el libro no tiene un periodo anterior a 31-mar.-24; no se generó plantilla.'], syncs: 2 } }} />);
    expect(none).toContain(UI.plantilla.noneInserted);
    expect(none).toContain('no se generó plantilla');
    const error = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, error: 'No se pudieron insertar las plantillas: sin memoria.' }} />);
    expect(error).toContain(UI.plantilla.failed);
    expect(error).toContain('No se pudieron insertar las plantillas: sin memoria.');
    const blocked = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...ready, preview: { ...preview, units: [], periods: [], blocked: 'El libro no tiene hojas de reporte POA.' } }} />);
    expect(blocked).toContain('El libro no tiene hojas de reporte POA.');
    expect(blocked).not.toContain(UI.plantilla.insert);
    const failed = html(<PlantillaPanel gateway={gateway} options={options} initial={{ ...initialState(), loading: false, loadError: 'No se encontró Excel.' }} />);
    expect(failed).toContain(UI.plantilla.loadFailed);
    expect(failed).toContain('>Reintentar<');
  });
});

describe('the task pane', () => {
  test('?accion=plantilla: the Plantilla section comes first, open', () => {
    const markup = renderToStaticMarkup(<App gateway={templateGateway()} accion="plantilla" />);
    const section = markup.indexOf(UI.plantilla.heading);
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(markup.indexOf('>Validar<'));
    expect(markup).toContain(UI.plantilla.loading);
  });

  test('otherwise it is a closed section after the validation (nothing is read until it is opened)', () => {
    const markup = renderToStaticMarkup(<App gateway={templateGateway()} accion={null} />);
    const section = markup.indexOf(UI.plantilla.heading);
    expect(section).toBeGreaterThan(markup.indexOf('>Validar<'));
    expect(section).toBeLessThan(markup.indexOf(UI.settings.heading));
    expect(markup).not.toContain(UI.plantilla.loading);
  });
});
