import type { WorkbookGateway } from '../../src/excel/api';

const unused = async (): Promise<never> => {
  throw new Error('not used');
};

/** A WorkbookGateway for component tests: the calls a test does not expect throw; pass the ones it needs. */
export function stubGateway(overrides: Partial<WorkbookGateway> = {}): WorkbookGateway {
  return {
    validateActiveSheet: unused,
    undoLastRun: async () => 0,
    selectCell: async () => undefined,
    loadSettings: async () => null,
    saveSettings: async () => undefined,
    previewTemplates: unused,
    insertTemplates: unused,
    ...overrides,
  };
}
