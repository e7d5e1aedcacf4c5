// Walking an ASL definition: its Task states (inside Map and Parallel too), and the references
// (`function:`, `table:`, `bus:`, `workflow:`) that stand in for this service's resources.
import { nearest } from '../../suggest';
import type { KindName } from '../kind';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface TaskState {
  /** Where the state is, for messages: `States.Charge` or `States.Fan.ItemProcessor.States.Each`. */
  readonly path: string;
  readonly state: JsonObject;
}

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every state, depth first (inside Map and Parallel too), with its path. */
export function allStates(machine: JsonObject, path = ''): TaskState[] {
  const found: TaskState[] = [];
  const states = machine.States;
  if (!isObject(states)) return found;
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    const here = `${path}States.${name}`;
    found.push({ path: here, state });
    for (const key of ['ItemProcessor', 'Iterator'] as const) {
      const inner = state[key];
      if (isObject(inner)) found.push(...allStates(inner, `${here}.${key}.`));
    }
    if (Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, index) => {
        if (isObject(branch)) found.push(...allStates(branch, `${here}.Branches.${index}.`));
      });
    }
  }
  return found;
}

/** Every Task state, depth first, with its path. */
export function taskStates(machine: JsonObject): TaskState[] {
  return allStates(machine).filter(({ state }) => state.Type === 'Task');
}

/**
 * Every Map state in distributed mode: each runs its items as child executions of this very
 * state machine, so the state machine's role must be allowed to start and watch them.
 */
export function distributedMaps(machine: JsonObject): TaskState[] {
  return allStates(machine).filter(({ state }) => {
    if (state.Type !== 'Map') return false;
    const processor = state.ItemProcessor;
    const config = isObject(processor) ? processor.ProcessorConfig : undefined;
    return isObject(config) && config.Mode === 'DISTRIBUTED';
  });
}

/**
 * The fields of a Task state that may hold a reference, and the kind each takes: the one table of
 * what a definition can name. A kind of state is named here only where a Step Functions
 * integration takes it by one of these fields; a kind with none (a cache) adds nothing.
 */
export const fieldKinds = {
  Resource: 'function',
  FunctionName: 'function',
  TableName: 'table',
  EventBusName: 'bus',
  StateMachineArn: 'workflow',
} as const satisfies Record<string, 'function' | KindName>;

export type ReferenceKind = (typeof fieldKinds)[keyof typeof fieldKinds];

/** The prefixes of references, in the order messages list them: function, table, bus, workflow. */
export const referenceKinds: readonly ReferenceKind[] = [...new Set(Object.values(fieldKinds))];

const referencePattern = new RegExp(`^(${referenceKinds.join('|')}):([a-zA-Z][a-zA-Z0-9_-]*)$`);

/** `function:chargePayment` → { kind: 'function', name: 'chargePayment' }. */
export function parseReference(value: Json | undefined): { kind: ReferenceKind; name: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = referencePattern.exec(value);
  if (!match) return undefined;
  return { kind: match[1] as ReferenceKind, name: match[2] as string };
}

/** A word, a colon and something without one: the shape of a reference, and of no ARN. */
const referenceShape = /^([a-zA-Z]+):([^:]*)$/;

/** Why a string that reads like a reference is none, if it is one. */
export interface NotAReference {
  readonly value: string;
  readonly prefix: string;
  readonly name: string;
  /** The reference kind `prefix` is nearest to, if it is near one. */
  readonly nearest: ReferenceKind | undefined;
  /** The prefix is a reference kind, but what follows is no name. */
  readonly malformedName: boolean;
}

/**
 * A value that reads like a reference (`tabel:orders`, `table:`, `function:charge:live`) but
 * parses as none. In a field whose literal values hold no colon but in an ARN (a table, bus or
 * state machine name, a task's Resource), any such value is a mistake. A FunctionName may be
 * `name:qualifier`, so there only a prefix near `function` counts.
 */
export function notAReference(value: Json | undefined, field: string): NotAReference | undefined {
  if (typeof value !== 'string' || parseReference(value)) return undefined;
  const prefixed = referenceKinds.find((kind) => value.startsWith(`${kind}:`));
  if (prefixed) {
    return { value, prefix: prefixed, name: value.slice(prefixed.length + 1), nearest: prefixed, malformedName: true };
  }
  const match = referenceShape.exec(value);
  if (!match) return undefined;
  const [, prefix, name] = match as unknown as [string, string, string];
  if (prefix.toLowerCase() === 'arn') return undefined;
  const near = nearest(prefix, referenceKinds) as ReferenceKind | undefined;
  if (field === 'FunctionName' && near !== 'function') return undefined;
  return { value, prefix, name, nearest: near, malformedName: false };
}

/** The fields of Parameters (JSONPath) and Arguments (JSONata) that may hold a reference: all but Resource. */
export const referenceFields: readonly string[] = Object.keys(fieldKinds).filter((field) => field !== 'Resource');

/** The task's input block: Parameters (JSONPath) or Arguments (JSONata). */
export function taskInput(state: JsonObject): { key: 'Parameters' | 'Arguments'; value: JsonObject } | undefined {
  if (isObject(state.Parameters)) return { key: 'Parameters', value: state.Parameters };
  if (isObject(state.Arguments)) return { key: 'Arguments', value: state.Arguments };
  return undefined;
}

/** Calls `visit` on each reference field inside `value`, at any depth (Entries[].EventBusName). */
export function visitReferenceFields(
  value: Json,
  path: string,
  visit: (holder: JsonObject, field: string, path: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visitReferenceFields(item, `${path}.${index}`, visit));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, inner] of Object.entries(value)) {
    if (referenceFields.includes(key)) visit(value, key, `${path}.${key}`);
    else visitReferenceFields(inner, `${path}.${key}`, visit);
  }
}
