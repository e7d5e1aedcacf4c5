// A table's names: its logical id, its physical name and the keys of its outputs. The one home of
// each rule, so a table that keeps the names it had before it moved into `state:` (`logicalId`,
// `tableName`) is found under them by its grants, references, variables, outputs and stream.
import type { CompileContext } from '../kind';
import { physicalName, stateLogicalId } from '../../naming';
import type { TableConfig } from './schema';

/** The names of a table the config may choose. */
type ChosenNames = Pick<TableConfig, 'logicalId' | 'tableName'>;

/** The plugin's own logical id of table `name`, StatefulTable<Name>, whatever `logicalId` says. */
export const ownTableLogicalId = (name: string) => stateLogicalId('Table', name);

/** The logical id of table `name`'s AWS::DynamoDB::Table: the one it kept, or StatefulTable<Name>. */
export const tableLogicalId = (name: string, config: ChosenNames) => config.logicalId ?? ownTableLogicalId(name);

/** The physical name of table `name`: the one it kept, or `<service>-<stage>-<name>`. */
export const tablePhysicalName = (
  context: Pick<CompileContext, 'service' | 'stage'>,
  name: string,
  config: ChosenNames,
) => config.tableName ?? physicalName(context, name, { max: 255, where: `state.tables.${name}` });

/**
 * The key of a table's output: StatefulTable<Name><Attribute> even under a logical id of its own,
 * so that tooling reading the stack's outputs finds every table the same way.
 */
export const tableOutputKey = (name: string, attribute: 'Name' | 'Arn' | 'StreamArn') =>
  `${ownTableLogicalId(name)}${attribute}`;
