/// <reference types="office-js" />
/**
 * Task pane entry. The only place that touches Office.js directly: it waits for Office, builds the
 * Office.js gateway and mounts <App>. Everything below App receives the gateway as a prop.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createOfficeGateway } from '../excel/officeWorkbook';
import { UI } from '../i18n/ui.es-MX';
import { App, StartMessage } from './App';
import { parseAccion } from './model';

// Read before Office.js initializes (it may rewrite the URL's query).
const accion = parseAccion(window.location.search);

function mount(node: ReactNode): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}

function start(): void {
  try {
    mount(<App gateway={createOfficeGateway()} accion={accion} />);
  } catch (e) {
    mount(<StartMessage text={UI.app.startError(e instanceof Error ? e.message : String(e))} />);
  }
}

if (typeof Office === 'undefined') {
  mount(<StartMessage text={UI.app.noOffice} />);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) start();
    else mount(<StartMessage text={UI.app.noOffice} />);
  });
}
