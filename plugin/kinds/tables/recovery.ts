// Point-in-time recovery, on by default: what it costs, said where a user sees it (state:info, and
// the deploy that turns it on for a table that did not have it).
import type { AwsClientConfig } from '../kind';
import type { TableConfig } from './schema';

/** Where AWS states the price: per GB-month of table size, and per GB restored. */
export const recoveryPricingUrl = 'https://aws.amazon.com/dynamodb/pricing/on-demand/';

/** Whether the table gets point-in-time recovery because the plugin defaults to it, not because the config asked. */
export const recoveryByDefault = (config: TableConfig) => config.pointInTimeRecovery === undefined;

/** Whether the table has point-in-time recovery, asked for or by default. */
export const recoveryEnabled = (config: TableConfig) => config.pointInTimeRecovery ?? true;

/** The note `serverless state:info` prints for table `name` when recovery is on by default. */
export const recoveryCostNote = (name: string) =>
  `table ${name}: point-in-time recovery is on by default; AWS bills it per GB-month of the table's size (${recoveryPricingUrl}). Set pointInTimeRecovery: false to keep it off, or true to say you want it.`;

/** The line `serverless deploy` prints for table `name` when the deploy turns recovery on. */
export const recoveryDeployNotice = (name: string, why: string) =>
  `table ${name} gets point-in-time recovery (on by default${why}); it is billed per GB-month: set pointInTimeRecovery: false to keep it off`;

/** What DynamoDB says of a table's recovery now. */
export type RecoveryNow = 'on' | 'off' | 'no table' | 'unknown';

/**
 * Asks DynamoDB whether table `tableName` has point-in-time recovery now. Never throws: a deploy
 * must not fail on a remark. The client is loaded here, on deploy only, so packaging stays light.
 */
export async function recoveryNow(tableName: string, aws: AwsClientConfig): Promise<RecoveryNow> {
  try {
    const { DynamoDBClient, DescribeContinuousBackupsCommand } = await import('@aws-sdk/client-dynamodb');
    const client = new DynamoDBClient({ ...aws, maxAttempts: 2 });
    try {
      const { ContinuousBackupsDescription } = await client.send(
        new DescribeContinuousBackupsCommand({ TableName: tableName }),
      );
      const status = ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
      return status === 'ENABLED' ? 'on' : 'off';
    } finally {
      client.destroy();
    }
  } catch (error) {
    return (error as { name?: unknown }).name === 'ResourceNotFoundException' ||
      (error as { name?: unknown }).name === 'TableNotFoundException'
      ? 'no table'
      : 'unknown';
  }
}

/**
 * The deploy's line for table `name`, when recovery is on by default and the deploy changes it:
 * the table exists without recovery. A table that does not exist yet is new (the default is
 * documented and `state:info` shows it); when DynamoDB cannot be asked, a table that keeps an
 * existing table's names (`tableName`, `logicalId`) is told anyway, since it most likely had none.
 */
export async function recoveryDeployNotices(
  name: string,
  config: TableConfig,
  tableName: string,
  aws: AwsClientConfig,
): Promise<string[]> {
  if (!recoveryByDefault(config)) return [];
  const now = await recoveryNow(tableName, aws);
  if (now === 'off') return [recoveryDeployNotice(name, `; ${tableName} has none now`)];
  const adopts = config.tableName !== undefined || config.logicalId !== undefined;
  if (now === 'unknown' && adopts)
    return [recoveryDeployNotice(name, `; whether ${tableName} has it now could not be read`)];
  return [];
}
