/**
 * Server-side renders of the task pane components (jest runs in Node, without a DOM): they
 * mount with the real Fluent UI components, show Spanish text, and render cell text as text.
 * The interactive test (clicks, progress, selectCell) runs in a real browser on the Excel fake.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { stubGateway } from './stubGateway';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { ValidationResult } from '../../src/domain/engine';
import type { Finding } from '../../src/domain/findings';
import { emptyPlan } from '../../src/domain/plan';
import type { RunOutcome, WorkbookGateway } from '../../src/excel/api';
import { App } from '../../src/taskpane/App';
import { FindingsView, locationLabel } from '../../src/taskpane/components/FindingsView';
import { SummaryView } from '../../src/taskpane/components/SummaryView';
import { unitOptions } from '../../src/taskpane/model';

const gateway: WorkbookGateway = stubGateway();

const hostile = '<img src=x onerror="alert(1)"> & <script>alert(2)</script>';

const findings: Finding[] = [
  { code: 'missing-justification', severity: 'warning', sheet: 'ene-25', cell: 'N20', row: 20, unit: '305', message: hostile },
  { code: 'accumulated-mismatch', severity: 'error', sheet: 'Hoja previa', cell: 'H7', row: 7, unit: null, message: 'Acumulado 41.66 % esperado.' },
];

const result: ValidationResult = {
  sheets: [
    {
      name: 'ene-25',
      layout: 'indicators',
      readOnly: false,
      period: 'ene-25',
      findings,
      units: [{ unit: '305', name: hostile, counts: { error: 0, warning: 1, info: 0 }, semaforo: { verde: 1, amarillo: 2, rojo: 3 } }],
    },
  ],
  summary: { error: 1, warning: 1, info: 0 },
  plan: emptyPlan(),
  parsed: [],
};

const outcome: RunOutcome = { result, sheet: 'ene-25', applied: true, syncs: 4 };

function html(el: ReactElement): string {
  return renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{el}</FluentProvider>);
}

describe('task pane render', () => {
  it('renders the pane in Spanish with the Validar and Deshacer buttons', () => {
    const markup = renderToStaticMarkup(<App gateway={gateway} accion="validar" />);
    expect(markup).toContain('POA Validador');
    expect(markup).toContain('>Validar<');
    expect(markup).toContain('>Deshacer<');
    expect(markup).toContain('Configuración');
  });

  it('shows the counts and the semáforo per unit', () => {
    const markup = html(<SummaryView outcome={outcome} />);
    expect(markup).toContain('Errores');
    expect(markup).toContain('Advertencias');
    expect(markup).toContain('Avisos');
    expect(markup).toContain('Semáforo por unidad');
    expect(markup).toContain('Periodo: ene-25');
    expect(markup).toMatch(/305.*1.*2.*3/s);
  });

  it('lists findings with severity, cell, unit and message, escaping cell text', () => {
    const markup = html(
      <FindingsView findings={findings} units={unitOptions(result)} activeSheet="ene-25" gateway={gateway} onError={() => undefined} />,
    );
    expect(markup).toContain('Advertencia');
    expect(markup).toContain('N20');
    expect(markup).toContain('Unidad 305');
    expect(markup).toContain('missing-justification');
    expect(markup).toContain("&#x27;Hoja previa&#x27;!H7");
    expect(markup).toContain('>Anterior<');
    expect(markup).toContain('>Siguiente<');
    // Cell text is text: no element is created from it.
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<script');
    expect(markup).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;script&gt;');
  });

  it('names the location of a finding', () => {
    expect(locationLabel(findings[0], 'ene-25')).toBe('N20');
    expect(locationLabel(findings[1], 'ene-25')).toBe("'Hoja previa'!H7");
    expect(locationLabel({ ...findings[0], cell: null }, 'ene-25')).toBe('Hoja');
  });
});
