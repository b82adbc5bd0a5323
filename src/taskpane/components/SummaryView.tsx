import {
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RunOutcome } from '../../excel/api';
import { SEMAFORO_FILL, type SemaforoColor } from '../../domain/plan';
import { UI } from '../../i18n/ui.es-MX';
import { SEVERITIES, argbToCss, periodOf, semaforoRows } from '../model';
import { SeverityIcon } from './SeverityIcon';

const COLORS: readonly SemaforoColor[] = ['verde', 'amarillo', 'rojo'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  count: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  countLabel: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  countValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  dot: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '50%' },
  num: { width: '56px', textAlign: 'center' },
  colorHead: { display: 'flex', flexDirection: 'column', alignItems: 'center', width: '100%', fontSize: tokens.fontSizeBase100 },
  unitKey: { fontWeight: tokens.fontWeightSemibold },
  unitName: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
});

export function SummaryView({ outcome }: { outcome: RunOutcome }) {
  const styles = useStyles();
  const { result } = outcome;
  const period = periodOf(result, outcome.sheet);
  const rows = semaforoRows(result);

  return (
    <section className={styles.root} aria-labelledby="poa-resumen">
      <Subtitle2 as="h2" id="poa-resumen">
        {UI.summary.heading}
      </Subtitle2>
      {period ? <Caption1>{UI.summary.period(period)}</Caption1> : null}
      <div className={styles.counts}>
        {SEVERITIES.map((s) => (
          <div key={s} className={styles.count} data-severity={s} data-testid={`conteo-${s}`}>
            <span className={styles.countLabel}>
              <SeverityIcon severity={s} />
              <Caption1>{UI.summary.counts[s]}</Caption1>
            </span>
            <span className={styles.countValue} data-testid="conteo-valor">{(result.summary[s] ?? 0).toLocaleString('es-MX')}</span>
          </div>
        ))}
      </div>

      <Subtitle2 as="h3">{UI.summary.semaforoHeading}</Subtitle2>
      {rows.length === 0 ? (
        <Caption1>{UI.summary.semaforoEmpty}</Caption1>
      ) : (
        <Table size="extra-small" aria-label={UI.summary.semaforoHeading}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{UI.summary.unitColumn}</TableHeaderCell>
              {COLORS.map((c) => (
                <TableHeaderCell key={c} className={styles.num}>
                  <span className={styles.colorHead}>
                    <span className={styles.dot} style={{ backgroundColor: argbToCss(SEMAFORO_FILL[c]) }} aria-hidden="true" />
                    {UI.summary[c]}
                  </span>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.unit}>
                <TableCell>
                  <span>
                    <span className={styles.unitKey}>{r.unit}</span>
                    {r.name ? <span className={styles.unitName}>{r.name}</span> : null}
                  </span>
                </TableCell>
                {COLORS.map((c) => (
                  <TableCell key={c} className={styles.num}>
                    {r.counts[c].toLocaleString('es-MX')}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Caption1>{UI.summary.semaforoCaption}</Caption1>
    </section>
  );
}
