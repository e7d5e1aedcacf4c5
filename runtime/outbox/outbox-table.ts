// A bus's outbox table as the transaction builder sees a table: one more Table, keyed pk and sk,
// found through STATEFUL_OUTBOX_<BUS> rather than STATEFUL_TABLE_<NAME>.
import { environmentVariableName, outboxVariableName } from '../environment.js';
import { Table } from '../tables/table.js';
import { OutboxNotDeclaredError } from './outbox-errors.js';

/**
 * The name of bus `bus`'s outbox table, from STATEFUL_OUTBOX_<BUS> (docs/outbox.md); as
 * discovery.ts does for a resource, a missing one is said with what to declare.
 */
export function resolveOutbox(bus: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = outboxVariableName(bus);
  const value = env[variable];
  if (!value) throw new OutboxNotDeclaredError(bus, variable, Boolean(env[environmentVariableName('bus', bus)]));
  return value;
}

class OutboxTable extends Table {
  private outboxName: string | undefined;

  constructor(readonly bus: string) {
    // The name errors show: a cancellation on it reads "table outbox of bus shop (…)".
    super(`outbox of bus ${bus}`, { key: ['pk', 'sk'] });
  }

  override get tableName(): string {
    this.outboxName ??= resolveOutbox(this.bus);
    return this.outboxName;
  }
}

const tables = new Map<string, OutboxTable>();

/** Bus `bus`'s outbox table, one per bus per container. */
export function outboxTable(bus: string): Table {
  let table = tables.get(bus);
  if (!table) {
    table = new OutboxTable(bus);
    tables.set(bus, table);
  }
  return table;
}
