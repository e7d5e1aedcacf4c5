// Validates a definition with asl-validator, after references stand in as realistic values, so
// its errors are about the state machine and not our reference syntax.
import aslValidator = require('asl-validator');
import { StatefulConfigError } from '../../errors';
import type { JsonObject } from './definition';

export function validateAsl(definition: JsonObject, where: string): void {
  const result = aslValidator(definition);
  if (result.isValid) return;
  const problems = result.errors.map((error) => {
    const path = error.schemaError?.instancePath?.split('/').filter(Boolean).join('.');
    return `${path ? `${where}.${path}` : where}: ${error.Message} (${error['Error code']})`;
  });
  throw new StatefulConfigError(
    'STATE_WORKFLOW_DEFINITION_INVALID',
    `Invalid Amazon States Language:\n  - ${problems.join('\n  - ')}`,
  );
}
