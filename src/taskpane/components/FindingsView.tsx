import { useEffect, useMemo, useRef, useState } from 'react';
import { Badge, Button, Caption1, Field, Select, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, Severity } from '../../domain/findings';
import type { WorkbookGateway } from '../../excel/api';
import { UI } from '../../i18n/ui.es-MX';
import { ALL_UNITS, SEVERITIES, filterFindings, stepIndex, type SeverityFilter, type UnitOption } from '../model';
import { SeverityIcon } from './SeverityIcon';

/** Findings rendered at first (and added per "Mostrar más"); navigation reaches every finding regardless. */
export const PAGE_SIZE = 200;

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  nav: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  position: { flexGrow: 1, textAlign: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  cell: { fontWeight: tokens.fontWeightSemibold },
  message: { gridColumnStart: 2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export interface FindingsViewProps {
  findings: readonly Finding[];
  units: readonly UnitOption[];
  /** The validated sheet: findings on other sheets show their sheet name. */
  activeSheet: string;
  gateway: WorkbookGateway;
  onError: (message: string) => void;
}

function unitLabel(o: UnitOption): string {
  if (o.key === null) return UI.findings.noUnit;
  return o.name ? `${o.key} · ${o.name}` : o.key;
}

/** "C12", "'Otra hoja'!C12" for another sheet, or the sheet for sheet-level findings. */
export function locationLabel(f: Finding, activeSheet: string): string {
  const other = f.sheet !== activeSheet;
  if (!f.cell) return other ? f.sheet : UI.findings.sheetLevel;
  if (!other) return f.cell;
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(f.sheet) ? f.sheet : `'${f.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${f.cell}`;
}

export function FindingsView({ findings, units, activeSheet, gateway, onError }: FindingsViewProps) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<SeverityFilter>('todas');
  const [unit, setUnit] = useState<string>(ALL_UNITS);
  const [current, setCurrent] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const itemRefs = useRef(new Map<number, HTMLButtonElement>());

  const filtered = useMemo(() => filterFindings(findings, severity, unit), [findings, severity, unit]);

  useEffect(() => {
    if (current === null) return;
    const el = itemRefs.current.get(current);
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [current, shown]);

  function go(index: number | null) {
    setCurrent(index);
    if (index === null) return;
    if (index >= shown) setShown(Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE);
    const f = filtered[index];
    if (f?.cell) {
      const cell = f.cell;
      gateway.selectCell(f.sheet, cell).catch(() => onError(UI.findings.selectFailed(cell)));
    }
  }

  function changeFilters(nextSeverity: SeverityFilter, nextUnit: string) {
    setSeverity(nextSeverity);
    setUnit(nextUnit);
    setCurrent(null);
    setShown(PAGE_SIZE);
  }

  const visible = filtered.slice(0, shown);

  return (
    <section className={styles.root} aria-labelledby="poa-hallazgos">
      <Subtitle2 as="h2" id="poa-hallazgos">
        {UI.findings.heading}
      </Subtitle2>
      <div className={styles.filters}>
        <Field className={styles.field} label={UI.findings.severityFilter} size="small">
          <Select
            className={styles.select}
            size="small"
            value={severity}
            onChange={(_, data) => changeFilters(data.value as SeverityFilter, unit)}
          >
            <option value="todas">{UI.findings.allSeverities}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {UI.findings.severity[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.field} label={UI.findings.unitFilter} size="small">
          <Select className={styles.select} size="small" value={unit} onChange={(_, data) => changeFilters(severity, data.value)}>
            <option value={ALL_UNITS}>{UI.findings.allUnits}</option>
            {units.map((o) => (
              <option key={o.value} value={o.value}>
                {unitLabel(o)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={styles.nav}>
        <Button size="small" disabled={filtered.length === 0} onClick={() => go(stepIndex(current, filtered.length, -1))}>
          {UI.findings.previous}
        </Button>
        <Caption1 className={styles.position} aria-live="polite">
          {UI.findings.position(current, filtered.length)}
        </Caption1>
        <Button size="small" disabled={filtered.length === 0} onClick={() => go(stepIndex(current, filtered.length, 1))}>
          {UI.findings.next}
        </Button>
      </div>

      {filtered.length === 0 ? (
        <Caption1>{UI.findings.emptyFiltered}</Caption1>
      ) : (
        <ul className={styles.list} aria-label={UI.findings.listLabel}>
          {visible.map((f, i) => {
            const where = locationLabel(f, activeSheet);
            return (
              <li key={i}>
                <button
                  type="button"
                  ref={(el) => {
                    if (el) itemRefs.current.set(i, el);
                    else itemRefs.current.delete(i);
                  }}
                  className={mergeClasses(styles.item, i === current && styles.current)}
                  aria-current={i === current ? 'true' : undefined}
                  title={f.cell ? UI.findings.goTo(f.cell) : undefined}
                  data-severity={f.severity}
                  data-testid="hallazgo"
                  data-code={f.code}
                  data-cell={f.cell ?? undefined}
                  data-unit={f.unit ?? undefined}
                  onClick={() => go(i)}
                >
                  <SeverityIcon severity={f.severity} />
                  <span className={styles.meta}>
                    <Badge size="small" appearance="tint" color={BADGE_COLOR[f.severity]}>
                      {UI.findings.severity[f.severity]}
                    </Badge>
                    <span className={styles.cell}>{where}</span>
                    {f.unit ? (
                      <span>
                        {UI.findings.unitLabel} {f.unit}
                      </span>
                    ) : null}
                    <span className={styles.code}>{f.code}</span>
                  </span>
                  <span className={styles.message}>{f.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {filtered.length > shown ? (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown + PAGE_SIZE)}>
          {UI.findings.showMore(shown, filtered.length)}
        </Button>
      ) : null}
    </section>
  );
}
