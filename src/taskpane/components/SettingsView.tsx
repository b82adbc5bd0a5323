import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SemaforoBands } from '../../domain/options';
import { UI } from '../../i18n/ui.es-MX';
import { BAND_FIELDS, PRESET_CHOICES, withPreset, type PresetChoice, type SettingsErrors, type SettingsForm } from '../model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bands: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  field: { minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', justifyContent: 'flex-start' },
});

export interface SettingsViewProps {
  form: SettingsForm;
  errors: SettingsErrors;
  onChange: (form: SettingsForm) => void;
  onSave: () => void;
  saving: boolean;
  disabled: boolean;
}

export function SettingsView({ form, errors, onChange, onSave, saving, disabled }: SettingsViewProps) {
  const styles = useStyles();

  function setBand(field: keyof SemaforoBands, value: string) {
    // Typing a band makes the bands custom.
    onChange({ ...form, preset: 'personalizado', bands: { ...form.bands, [field]: value } });
  }

  const bandsMessage = errors.bands === 'notANumber' ? UI.settings.notANumber : errors.bands === 'invalid' ? UI.settings.bandsInvalid : null;

  return (
    <div className={styles.root}>
      <Field label={UI.settings.preset}>
        <Select
          value={form.preset}
          disabled={disabled}
          onChange={(_, data) => onChange(withPreset(form, data.value as PresetChoice))}
        >
          {PRESET_CHOICES.map((p) => (
            <option key={p} value={p}>
              {UI.settings.presets[p]}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1>{UI.settings.bandsHint}</Caption1>
      <div className={styles.bands} role="group" aria-label={UI.settings.bandsGroup}>
        {BAND_FIELDS.map((field) => (
          <Field key={field} className={styles.field} label={UI.settings[field]} size="small" validationState={errors.bands ? 'error' : 'none'}>
            <Input
              className={styles.input}
              size="small"
              inputMode="decimal"
              value={form.bands[field]}
              disabled={disabled}
              onChange={(_, data) => setBand(field, data.value)}
            />
          </Field>
        ))}
      </div>
      {bandsMessage ? (
        <Caption1 className={styles.error} role="alert">
          {bandsMessage}
        </Caption1>
      ) : null}
      <Field
        label={UI.settings.tolerance}
        hint={UI.settings.toleranceHint}
        validationState={errors.tolerance ? 'error' : 'none'}
        validationMessage={errors.tolerance ? UI.settings.toleranceInvalid : undefined}
      >
        <Input
          inputMode="decimal"
          value={form.tolerance}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...form, tolerance: data.value })}
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={onSave} disabled={disabled || saving || Boolean(errors.bands || errors.tolerance)}>
          {saving ? UI.settings.saving : UI.settings.save}
        </Button>
      </div>
    </div>
  );
}
