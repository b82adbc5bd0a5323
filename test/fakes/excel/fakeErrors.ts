/** Errors shaped like OfficeExtension.Error (name, code, message). */
export class FakeError extends Error {
  override readonly name = 'RichApi.Error';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function notLoaded(property: string): FakeError {
  return new FakeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function protectedSheet(sheet: string): FakeError {
  return new FakeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ("${sheet}").`);
}
