/**
 * The Plantilla section of the task pane: period (default: the next), units (default: all), an option to protect
 * the new sheets, and Insertar, which adds every sheet in one batch; then the sheets inserted and the notices (a
 * new POA year, missing periods…). It reads the workbook when it is first shown (the accordion mounts it on open).
 */
import { useEffect, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { EngineOptions } from '../../domain/options';
import type { WorkbookGateway } from '../../excel/api';
import { UI } from '../../i18n/ui.es-MX';
import { progressValue } from '../model';
import {
  type PlantillaState,
  appliesTo,
  chosenUnits,
  initialState,
  insert,
  loadPreview,
  periodOptions,
  requestOf,
} from '../plantillaModel';

const T = UI.plantilla;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  field: { minWidth: 0 },
  // A native select is as wide as its longest option: keep it (and the pane) within the pane's width.
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  selectControl: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
  hint: { color: tokens.colorNeutralForeground3 },
  units: { display: 'flex', flexDirection: 'column' },
  unitsLabel: { fontWeight: tokens.fontWeightSemibold },
  unitNote: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface PlantillaPanelProps {
  /** Everything the pane asks of Excel. */
  gateway: WorkbookGateway;
  /** The pane's settings (semáforo bands, tolerance) for the templates' formulas; null while they are invalid. */
  options: EngineOptions | null;
  /** True while the pane runs something else (a validation, an undo). */
  disabled?: boolean;
  /** A starting state (tests render a given state); when given, the workbook is not read on mount. */
  initial?: PlantillaState;
}

export function PlantillaPanel({ gateway, options, disabled = false, initial }: PlantillaPanelProps) {
  const styles = useStyles();
  const [state, setState] = useState<PlantillaState>(() => initial ?? initialState());
  const busyRef = useRef(false);

  useEffect(() => {
    if (initial) return;
    let cancelled = false;
    void loadPreview(gateway, initialState()).then((next) => {
      if (!cancelled) setState((s) => ({ ...next, protect: s.protect }));
    });
    return () => {
      cancelled = true;
    };
  }, [gateway, initial]);

  async function retry() {
    setState((s) => ({ ...s, loading: true, loadError: null }));
    const next = await loadPreview(gateway, initialState());
    setState((s) => ({ ...next, protect: s.protect }));
  }

  async function run() {
    const request = requestOf(state, options);
    if (!request || busyRef.current) return;
    busyRef.current = true;
    setState((s) => ({ ...s, busy: true, stage: null, outcome: null, error: null }));
    const next = await insert(gateway, state, request, (stage) => setState((s) => ({ ...s, stage })));
    busyRef.current = false;
    setState((s) => ({ ...s, busy: false, stage: null, outcome: next.outcome, error: next.error }));
  }

  const { preview } = state;
  const locked = disabled || state.busy;
  const request = requestOf(state, options);
  const applicable = preview ? preview.units.filter((u) => appliesTo(preview, state.period, u.key)).map((u) => u.key) : [];
  const chosen = chosenUnits(state);
  const allChecked = chosen.length > 0 && chosen.length === applicable.length ? true : chosen.length > 0 ? 'mixed' : false;
  const outcome = state.outcome;

  return (
    <div className={styles.root} data-testid="plantilla">
      <Caption1 className={styles.hint}>{T.intro}</Caption1>

      {state.loading ? <Spinner size="tiny" labelPosition="after" label={T.loading} /> : null}

      {state.loadError ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{T.loadFailed}</MessageBarTitle>
            {state.loadError}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void retry()}>
              {T.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}

      {preview?.blocked ? (
        <MessageBar intent="warning">
          <MessageBarBody>{preview.blocked}</MessageBarBody>
        </MessageBar>
      ) : null}

      {preview && !preview.blocked ? (
        <>
          <Field className={styles.field} label={T.period} hint={T.periodHint}>
            <Select
              className={styles.select}
              select={{ className: styles.selectControl }}
              value={state.period}
              disabled={locked}
              onChange={(_, data) => setState((s) => ({ ...s, period: data.value }))}
            >
              {periodOptions(preview).map((o) => (
                <option key={o.value || '\u0000siguiente'} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>

          <div className={styles.units} role="group" aria-label={T.units}>
            <Body1 className={styles.unitsLabel}>{T.units}</Body1>
            <Checkbox
              label={T.allUnits}
              checked={allChecked}
              disabled={locked || applicable.length === 0}
              onChange={(_, data) => setState((s) => ({ ...s, selected: data.checked === true ? preview.units.map((u) => u.key) : [] }))}
            />
            {preview.units.map((u) => {
              const applies = appliesTo(preview, state.period, u.key);
              return (
                <Checkbox
                  key={u.key}
                  data-testid="plantilla-unidad"
                  data-unit={u.key}
                  checked={applies && state.selected.includes(u.key)}
                  disabled={locked || !applies}
                  label={
                    <>
                      {T.unitLabel(u.key, u.name)}
                      <Caption1 className={styles.unitNote}>({applies ? T.unitNext(u.next) : T.otherKind[u.kinds[0]]})</Caption1>
                    </>
                  }
                  onChange={(_, data) =>
                    setState((s) => ({ ...s, selected: data.checked === true ? [...s.selected, u.key] : s.selected.filter((k) => k !== u.key) }))
                  }
                />
              );
            })}
          </div>

          <Checkbox label={T.protect} checked={state.protect} disabled={locked} onChange={(_, data) => setState((s) => ({ ...s, protect: data.checked === true }))} />

          <div className={styles.actions}>
            <Button appearance="primary" disabled={locked || !request} title={T.insertHint} onClick={() => void run()} data-testid="plantilla-insertar">
              {state.busy ? T.inserting : T.insert}
            </Button>
          </div>
          {!options ? <Caption1 className={styles.hint}>{T.settingsInvalid}</Caption1> : chosen.length === 0 ? <Caption1 className={styles.hint}>{T.noneSelected}</Caption1> : null}
        </>
      ) : null}

      {preview && !preview.blocked && preview.notices.length > 0 && !outcome ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>{T.previewNoticesTitle}</MessageBarTitle>
            <ul className={styles.list}>
              {preview.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div role="status" aria-live="polite">
        {state.busy ? (
          <Field label={state.stage ? T.stage[state.stage] : T.starting}>
            <ProgressBar thickness="large" value={progressValue(state.stage)} aria-label={T.progressLabel} />
          </Field>
        ) : null}
      </div>

      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{T.failed}</MessageBarTitle>
            {state.error}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {outcome && outcome.sheets.length > 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{T.insertedTitle(outcome.sheets.length)}</MessageBarTitle>
            {T.insertedBody}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome && outcome.sheets.length > 0 ? (
        <ul className={styles.list} aria-label={T.sheetsLabel}>
          {outcome.sheets.map((s) => (
            <li key={s.name} data-testid="plantilla-hoja" data-sheet={s.name}>
              <Body1>{s.name}</Body1> <Caption1 className={styles.hint}>{T.sheetLine(s.unitKey, s.period)}</Caption1>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome && outcome.sheets.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{T.noneInserted}</MessageBarTitle>
            {T.noneInsertedBody}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome && outcome.notices.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{T.noticesTitle}</MessageBarTitle>
            <ul className={styles.list} data-testid="plantilla-avisos">
              {outcome.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome ? <Caption1 className={styles.hint}>{T.syncs(outcome.syncs)}</Caption1> : null}
    </div>
  );
}

/** The section as a collapsible item; open from the start when the ribbon's Plantilla button opened the pane. */
export function PlantillaSection({ open = false, ...props }: PlantillaPanelProps & { open?: boolean }) {
  return (
    <Accordion collapsible defaultOpenItems={open ? ['plantilla'] : []}>
      <AccordionItem value="plantilla">
        <AccordionHeader as="h2">{T.heading}</AccordionHeader>
        <AccordionPanel>
          <PlantillaPanel {...props} />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
