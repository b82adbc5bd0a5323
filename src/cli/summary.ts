import type { ValidationResult } from '../domain/engine';
import { cli } from '../i18n/es-MX';

/** Human summary: per sheet and unit, errors, warnings and semáforo. */
export function summaryLines(result: ValidationResult): string[] {
  const lines: string[] = [];
  for (const s of result.sheets) {
    if (!s.layout) {
      lines.push(cli.notPoaLine(s.name));
      continue;
    }
    lines.push(cli.sheetLine(s.name, cli.layoutName[s.layout], s.period));
    if (s.readOnly) lines.push(cli.protectedLine());
    for (const u of s.units) {
      lines.push(cli.unitLine(u.unit, u.name, u.counts.error, u.counts.warning, u.counts.info, u.semaforo.verde, u.semaforo.amarillo, u.semaforo.rojo));
    }
    for (const f of s.findings) {
      if (f.severity === 'info') continue;
      lines.push(`    [${f.severity === 'error' ? 'ERROR' : 'ADVERTENCIA'}] ${f.cell ?? ''} ${f.code}: ${f.message}`);
    }
  }
  lines.push(cli.summaryLine(result.summary.error, result.summary.warning, result.summary.info));
  return lines;
}

/** The --json document. */
export function jsonReport(file: string, result: ValidationResult): unknown {
  return {
    file,
    sheets: result.sheets.map((s) => ({ name: s.name, layout: s.layout, period: s.period, findings: s.findings })),
    summary: result.summary,
  };
}
