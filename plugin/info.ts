// What `serverless info` and `serverless state:info` show of the state resources.
import type { StateModel } from './state-model';

interface Row {
  readonly resource: string;
  readonly kind: string;
  readonly settings: string;
  readonly usedBy: string;
}

function rows(model: StateModel): Row[] {
  return [...model.resources.values()].map((resource) => {
    const users = model.uses
      .filter((use) => use.resource.name === resource.name)
      .map((use) => `${use.functionName} (${use.access})`);
    return {
      resource: resource.name,
      kind: resource.kind.kind,
      settings: resource.kind.describe(resource.name, resource.config),
      usedBy: users.length > 0 ? users.join(', ') : '—',
    };
  });
}

/** One line per resource, for the `state:` section of `serverless info`. */
export function stateInfoLines(model: StateModel): string[] {
  return rows(model).map((row) => `${row.kind} ${row.resource}: ${row.settings}; used by ${row.usedBy}`);
}

/** What the kinds remark on the resources (a default AWS bills for), one line each. */
export function stateInfoNotes(model: StateModel): string[] {
  return [...model.resources.values()].flatMap(
    (resource) => resource.kind.notes?.(resource.name, resource.config) ?? [],
  );
}

/** An aligned table: resource, kind, key settings, and who uses it with which access; then the notes. */
export function stateInfoTable(model: StateModel): string {
  const table = rows(model);
  if (table.length === 0) return 'No state resources are declared (add a state: block to serverless.yml).';
  const header: Row = { resource: 'RESOURCE', kind: 'KIND', settings: 'SETTINGS', usedBy: 'USED BY' };
  const columns = ['resource', 'kind', 'settings', 'usedBy'] as const;
  const widths = columns.map((column) => Math.max(...[header, ...table].map((row) => row[column].length)));
  const line = (row: Row) =>
    columns
      .map((column, index) => (index === columns.length - 1 ? row[column] : row[column].padEnd(widths[index] ?? 0)))
      .join('  ');
  const notes = stateInfoNotes(model).map((note) => `Note: ${note}`);
  return [line(header), ...table.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}
