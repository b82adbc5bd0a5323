import type { ValidateRequest, ValidationResult } from './engine';

// Replaced by the engine implementation in the next commits.
export function validateWorkbook(_request: ValidateRequest): ValidationResult {
  throw new Error('El motor de validación aún no está disponible.');
}
