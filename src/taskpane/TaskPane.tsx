import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { EngineOptions } from '../domain/options';
import type { Progress, RunOutcome, WorkbookGateway } from '../excel/api';
import { UI } from '../i18n/ui.es-MX';
import { FindingsView } from './components/FindingsView';
import { PlantillaSection } from './components/PlantillaPanel';
import { SettingsView } from './components/SettingsView';
import { SummaryView } from './components/SummaryView';
import { allFindings, defaultForm, formFromStored, parseForm, progressValue, unitOptions, type Accion, type SettingsForm } from './model';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    minWidth: '280px',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Busy = 'validar' | 'deshacer' | null;

interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  title?: string;
  body: string;
}

export interface TaskPaneProps {
  /** Everything the pane asks of Excel (Office.js in the add-in, an in-memory fake in tests). */
  gateway: WorkbookGateway;
  /** What the ribbon button asked for; 'validar' starts a validation as soon as the settings are loaded. */
  accion?: Accion | null;
}

function errorText(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  return String(e);
}

export function TaskPane({ gateway, accion = null }: TaskPaneProps) {
  const styles = useStyles();
  const [form, setForm] = useState<SettingsForm>(defaultForm);
  const [settingsReady, setSettingsReady] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const busyRef = useRef(false);
  const [stage, setStage] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [runId, setRunId] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const autoStarted = useRef(false);

  const parsed = useMemo(() => parseForm(form), [form]);
  const findings = useMemo(() => (outcome ? allFindings(outcome.result) : []), [outcome]);
  const units = useMemo(() => (outcome ? unitOptions(outcome.result) : []), [outcome]);

  // Settings saved in the document.
  useEffect(() => {
    let cancelled = false;
    gateway
      .loadSettings()
      .then((stored) => {
        if (!cancelled) setForm(formFromStored(stored));
      })
      .catch(() => {
        if (!cancelled) setNotice({ intent: 'warning', body: UI.settings.loadFailed });
      })
      .finally(() => {
        if (!cancelled) setSettingsReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [gateway]);

  const validate = useCallback(
    async (options: EngineOptions) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy('validar');
      setStage(null);
      setNotice(null);
      setOutcome(null);
      try {
        const result = await gateway.validateActiveSheet(options, (p) => setStage(p));
        setOutcome(result);
        setRunId((n) => n + 1);
      } catch (e) {
        setNotice({ intent: 'error', title: UI.run.failed, body: errorText(e) });
      } finally {
        busyRef.current = false;
        setBusy(null);
        setStage(null);
      }
    },
    [gateway],
  );

  // Ribbon "Validar": validate once, as soon as the saved settings are known.
  useEffect(() => {
    if (accion !== 'validar' || !settingsReady || autoStarted.current) return;
    autoStarted.current = true;
    if (parsed.ok) void validate(parsed.options);
    else setNotice({ intent: 'warning', body: UI.run.settingsInvalid });
  }, [accion, settingsReady, parsed, validate]);

  async function undo() {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy('deshacer');
    setNotice(null);
    try {
      const restored = await gateway.undoLastRun();
      setOutcome(null);
      setNotice({ intent: restored > 0 ? 'success' : 'info', body: UI.undo.restored(restored) });
    } catch (e) {
      setNotice({ intent: 'error', title: UI.undo.failed, body: errorText(e) });
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }

  async function save() {
    if (!parsed.ok) return;
    setSaving(true);
    try {
      await gateway.saveSettings(parsed.stored);
      setNotice({ intent: 'success', body: UI.settings.saved });
    } catch (e) {
      setNotice({ intent: 'error', title: UI.settings.saveFailed, body: errorText(e) });
    } finally {
      setSaving(false);
    }
  }

  const running = busy === 'validar';
  // Results of a run that wrote nothing are shown only when there is something to show
  // (e.g. a protected sheet); "sin hallazgos" would be wrong for a sheet that is not a POA.
  const showResults = outcome !== null && (outcome.applied || findings.length > 0);

  // Plantilla: first when the ribbon's Plantilla button opened the pane (and open), else after the results.
  const plantilla = (
    <PlantillaSection gateway={gateway} options={parsed.ok ? parsed.options : null} disabled={busy !== null} open={accion === 'plantilla'} />
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{UI.app.title}</Title3>
        <Caption1 className={styles.hint}>{UI.app.subtitle}</Caption1>
      </header>

      {accion === 'plantilla' ? plantilla : null}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy !== null || !settingsReady || !parsed.ok}
          title={UI.run.validateHint}
          onClick={() => {
            if (parsed.ok) void validate(parsed.options);
          }}
        >
          {running ? UI.run.validating : UI.run.validate}
        </Button>
        <Button disabled={busy !== null} title={UI.undo.hint} onClick={() => void undo()}>
          {busy === 'deshacer' ? UI.undo.working : UI.undo.button}
        </Button>
      </div>
      {!parsed.ok ? <Caption1 className={styles.hint}>{UI.run.settingsInvalid}</Caption1> : null}

      <div role="status" aria-live="polite">
        {running ? (
          <Field label={stage ? UI.run.stage[stage] : UI.run.starting}>
            <ProgressBar thickness="large" value={progressValue(stage)} aria-label={UI.run.progressLabel} />
          </Field>
        ) : null}
      </div>

      {notice ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>
            {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
            {notice.body}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {outcome ? (
        outcome.applied ? (
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>{UI.run.appliedTitle(outcome.sheet)}</MessageBarTitle>
              {UI.run.appliedBody}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{UI.run.notAppliedTitle}</MessageBarTitle>
              {outcome.reason || UI.run.notAppliedFallback}
            </MessageBarBody>
          </MessageBar>
        )
      ) : null}

      {showResults ? <SummaryView outcome={outcome} /> : null}
      {showResults && findings.length === 0 ? <Caption1>{UI.summary.noFindings}</Caption1> : null}
      {showResults && findings.length > 0 ? (
        <FindingsView
          key={runId}
          findings={findings}
          units={units}
          activeSheet={outcome.sheet}
          gateway={gateway}
          onError={(message) => setNotice({ intent: 'warning', body: message })}
        />
      ) : null}
      {outcome ? <Caption1 className={styles.hint}>{UI.run.syncs(outcome.syncs)}</Caption1> : null}

      {accion !== 'plantilla' ? plantilla : null}

      <Accordion collapsible>
        <AccordionItem value="configuracion">
          <AccordionHeader as="h2">{UI.settings.heading}</AccordionHeader>
          <AccordionPanel>
            <SettingsView
              form={form}
              errors={parsed.ok ? {} : parsed.errors}
              onChange={setForm}
              onSave={() => void save()}
              saving={saving}
              disabled={!settingsReady || busy !== null}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
