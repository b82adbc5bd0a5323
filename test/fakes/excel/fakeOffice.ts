/** The `Office` global of the fake: requirement sets, document settings, onReady, actions. */
import { versionAtLeast } from './fakeNotes';
import type { FakeWorkbookState } from './fakeState';

export interface FakeAsyncResult {
  status: 'succeeded' | 'failed';
  value: undefined;
  error: null;
}

type Callback = (result: FakeAsyncResult) => void;

export interface FakeOffice {
  context: {
    host: 'Excel';
    platform: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(optionsOrCallback?: unknown, callback?: Callback): void;
      };
    };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  HostType: { Excel: 'Excel' };
  PlatformType: Record<string, string>;
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  actions: { associate(name: string, handler: (event: unknown) => void): void };
  /** Handlers registered with Office.actions.associate (ribbon commands), for tests. */
  handlers: Map<string, (event: unknown) => void>;
}

/** Settings are stored as JSON, like the document does. */
const copy = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

export function createOfficeStub(state: FakeWorkbookState, platform = 'OfficeOnline'): FakeOffice {
  const handlers = new Map<string, (event: unknown) => void>();
  const info = { host: 'Excel', platform };
  return {
    context: {
      host: 'Excel',
      platform,
      requirements: {
        isSetSupported: (name, minVersion) =>
          name === 'ExcelApi' && versionAtLeast(state.apiVersion, String(minVersion ?? '1.1')),
      },
      document: {
        settings: {
          get: (name) => (state.settings.has(name) ? copy(state.settings.get(name)) : null),
          set: (name, value) => {
            state.settings.set(name, copy(value));
          },
          remove: (name) => {
            state.settings.delete(name);
          },
          saveAsync: (optionsOrCallback, callback) => {
            const cb = typeof optionsOrCallback === 'function' ? (optionsOrCallback as Callback) : callback;
            state.savedSettings = copy(Object.fromEntries(state.settings)) as Record<string, unknown>;
            void Promise.resolve().then(() => cb?.({ status: 'succeeded', value: undefined, error: null }));
          },
        },
      },
    },
    onReady: (callback) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    actions: {
      associate: (name, handler) => {
        handlers.set(name, handler);
      },
    },
    handlers,
  };
}
