// The `name` option of a workflow: the state machine's physical name, checked against the rules
// Step Functions applies to it (CreateStateMachine's `name`), so a bad one fails at package time
// and not in the middle of a deploy.
import { StatefulConfigError } from '../../errors';

/** The characters Step Functions refuses in a state machine's name, by the rule each breaks. */
const forbidden = [
  { pattern: /\s/u, what: 'white space' },
  { pattern: /[<>{}[\]]/u, what: 'brackets < > { } [ ]' },
  { pattern: /[?*]/u, what: 'wildcard characters ? *' },
  { pattern: /["#%\\^|~`$&,;:/]/u, what: 'special characters " # % \\ ^ | ~ ` $ & , ; : /' },
] as const;

/** U+0000–001F and U+007F–009F, which the API refuses too. */
const hasControlCharacter = (name: string) =>
  Array.from({ length: name.length }, (_, index) => name.charCodeAt(index)).some(
    (code) => code <= 0x1f || (code >= 0x7f && code <= 0x9f),
  );

export const maxMachineNameLength = 80;

export function checkMachineName(name: string, where: string): void {
  const { length } = name;
  const broken: string[] = forbidden.filter(({ pattern }) => pattern.test(name)).map(({ what }) => what);
  if (hasControlCharacter(name)) broken.push('control characters');
  if (length >= 1 && length <= maxMachineNameLength && broken.length === 0) return;
  const why =
    length < 1 || length > maxMachineNameLength
      ? `it is ${length} characters; Step Functions allows 1 to ${maxMachineNameLength}`
      : `it holds ${broken.join(', ')}`;
  throw new StatefulConfigError(
    'STATE_WORKFLOW_NAME_INVALID',
    `${where}: "${name}" cannot name a state machine: ${why}. A name is 1 to ${maxMachineNameLength} characters with no white space, brackets < > { } [ ], wildcards ? *, special characters " # % \\ ^ | ~ \` $ & , ; : / or control characters; letters, digits, - and _ keep it usable in CloudWatch Logs too.`,
  );
}
