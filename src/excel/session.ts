/**
 * One Excel.run with a counted `sync`: every adapter function syncs through the session, so a
 * run can report how many round trips it made. Also the requirement-set checks.
 */
import { excelMessages } from '../i18n/excel.es-MX';

export interface ExcelSession {
  readonly context: Excel.RequestContext;
  /** context.sync() calls made so far. */
  readonly syncs: number;
  sync(): Promise<void>;
}

export function createSession(context: Excel.RequestContext): ExcelSession {
  let syncs = 0;
  return {
    context,
    get syncs() {
      return syncs;
    },
    async sync() {
      syncs++;
      await context.sync();
    },
  };
}

/** Excel.run with `delayForCellEdit`: a run waits for the user to leave cell edit mode instead of failing. */
export function runExcel<T>(batch: (session: ExcelSession) => Promise<T>): Promise<T> {
  if (typeof Excel === 'undefined') return Promise.reject(new Error(excelMessages.noExcel));
  return Excel.run({ delayForCellEdit: true }, (context) => batch(createSession(context)));
}

function isSetSupported(version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported('ExcelApi', version);
}

/** Cell notes need ExcelApi 1.18; older hosts get threaded comments (ExcelApi 1.10) instead. */
export type NoteKind = 'notes' | 'comments';

export const MIN_EXCEL_API = '1.13';

export function noteKind(): NoteKind {
  return isSetSupported('1.18') ? 'notes' : 'comments';
}

export function assertSupportedHost(): void {
  if (!isSetSupported(MIN_EXCEL_API)) throw new Error(excelMessages.unsupportedHost);
}
