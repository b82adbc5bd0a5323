import { SEMAFORO_PRESETS } from '../domain/options';
import { cli } from '../i18n/es-MX';

export class UsageError extends Error {}

export interface ValidateArgs {
  command: 'validar';
  file: string;
  output: string | null;
  json: string | null;
  sheets: string[];
  tolerancePp: number | null;
  preset: string | null;
}

export interface UndoArgs {
  command: 'deshacer';
  file: string;
  output: string | null;
}

// --- poa plantilla ---
export interface TemplateArgs {
  command: 'plantilla';
  file: string;
  output: string | null;
  period: string | null;
  units: string[];
  preset: string | null;
  protect: boolean;
}

export type Args = ValidateArgs | UndoArgs | TemplateArgs | { command: 'help' };

const TAKES_VALUE: Record<string, string[]> = {
  validar: ['--salida', '--json', '--hoja', '--tolerancia', '--semaforo'],
  deshacer: ['--salida'],
  plantilla: ['--salida', '--periodo', '--unidad', '--semaforo'],
};
/** Options without a value. */
const FLAGS: Record<string, string[]> = { plantilla: ['--proteger'] };

export function parseArgs(argv: string[]): Args {
  if (!argv.length || argv.includes('--help') || argv.includes('-h') || argv[0] === 'ayuda') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'validar' && command !== 'deshacer' && command !== 'plantilla') throw new UsageError(cli.unknownCommand(command));
  const options = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.split(/=(.*)/s, 2);
      if (FLAGS[command]?.includes(name) && inline === undefined) {
        options.set(name, ['']);
        continue;
      }
      if (!TAKES_VALUE[command].includes(name)) throw new UsageError(cli.unknownOption(name));
      const value = inline !== undefined ? inline : rest[++i];
      if (value === undefined || (value.startsWith('--') && inline === undefined)) throw new UsageError(cli.missingOptionValue(name));
      options.set(name, [...(options.get(name) ?? []), value]);
    } else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? cli.unknownOption(positional[1]) : cli.missingFile());
  const last = (name: string) => options.get(name)?.slice(-1)[0] ?? null;
  if (command === 'deshacer') return { command, file: positional[0], output: last('--salida') };
  if (command === 'plantilla') return templateArgs(positional[0], options);

  let tolerancePp: number | null = null;
  const tol = last('--tolerancia');
  if (tol !== null) {
    tolerancePp = Number(tol.replace(',', '.'));
    if (!Number.isFinite(tolerancePp) || tolerancePp < 0 || tolerancePp > 100) throw new UsageError(cli.badTolerance(tol));
  }
  const preset = last('--semaforo');
  if (preset !== null && !SEMAFORO_PRESETS[preset]) throw new UsageError(cli.badPreset(preset, Object.keys(SEMAFORO_PRESETS)));
  return { command, file: positional[0], output: last('--salida'), json: last('--json'), sheets: options.get('--hoja') ?? [], tolerancePp, preset };
}

// --- poa plantilla ---
function templateArgs(file: string, options: Map<string, string[]>): TemplateArgs {
  const last = (name: string) => options.get(name)?.slice(-1)[0] ?? null;
  const preset = last('--semaforo');
  if (preset !== null && !SEMAFORO_PRESETS[preset]) throw new UsageError(cli.badPreset(preset, Object.keys(SEMAFORO_PRESETS)));
  return { command: 'plantilla', file, output: last('--salida'), period: last('--periodo'), units: options.get('--unidad') ?? [], preset, protect: options.has('--proteger') };
}
