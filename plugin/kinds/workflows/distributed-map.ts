// The role a Map state in distributed mode needs: it starts each batch of items as a child
// execution of this very state machine, and reads its items from, and writes its results to, S3.
// Inferred from the definition; what cannot be (a bucket chosen at run time) is reported.
import { sub, type CfnValue } from '../../cloudformation';
import { allow, type Statement } from '../../iam';
import { distributedMaps, type Json, type JsonObject } from './definition';
import { staticField, type Inferred } from './permissions';

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fn::Sub reads `${…}`: a literal one in a bucket or key is escaped. */
const literal = (text: string) => text.replace(/\$\{/g, '${!');
const s3Arn = (path: string): CfnValue => sub(`arn:\${AWS::Partition}:s3:::${literal(path)}`);
const statesArn = (resource: string): CfnValue =>
  sub(`arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:${resource}`);

/** `prefix/*`: the objects under a prefix (the whole bucket without one). */
const under = (bucket: string, prefix: string | undefined) =>
  `${bucket}/${prefix ? `${prefix.replace(/\/$/, '')}/` : ''}*`;

/** The input block of an ItemReader or ResultWriter: Parameters (JSONPath) or Arguments (JSONata). */
const inputOf = (holder: JsonObject): JsonObject | undefined =>
  isObject(holder.Parameters) ? holder.Parameters : isObject(holder.Arguments) ? holder.Arguments : undefined;

const s3Integration = /^arn:aws[\w-]*:states:::s3:([a-zA-Z0-9]+)$/;

/** Whether `field` is a JSONPath (`Field.$`) or JSONata (`{% … %}`) value, known only at run time. */
function atRunTime(input: JsonObject | undefined, field: string): boolean {
  if (!input) return false;
  const value = input[field];
  return `${field}.$` in input || (typeof value === 'string' && value.startsWith('{%'));
}

/** A field of an ItemReader's or ResultWriter's input that must be a literal string, if it is one. */
function literalField(input: JsonObject | undefined, field: string): string | undefined {
  const value = staticField(input, field);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readerStatements(
  reader: JsonObject,
  grant: (actions: string[], resources: CfnValue[], condition?: Record<string, unknown>) => void,
  cannot: (why: string) => void,
): void {
  const resource = typeof reader.Resource === 'string' ? reader.Resource : '';
  const action = s3Integration.exec(resource)?.[1];
  const input = inputOf(reader);
  const bucket = literalField(input, 'Bucket');
  const config = isObject(reader.ReaderConfig) ? reader.ReaderConfig : {};
  if (action !== 'getObject' && action !== 'listObjectsV2') {
    cannot(`ItemReader: no rule infers the permissions of Resource "${resource}"`);
  } else if (!bucket) {
    cannot('ItemReader: its Bucket is not fixed at package time');
  } else if (action === 'listObjectsV2') {
    const prefix = literalField(input, 'Prefix');
    if (atRunTime(input, 'Prefix')) {
      cannot('ItemReader: its Prefix is not fixed at package time');
    } else {
      grant(['s3:ListBucket'], [s3Arn(bucket)], prefix ? { StringLike: { 's3:prefix': [`${prefix}*`] } } : undefined);
    }
  } else if (config.InputType === 'MANIFEST') {
    cannot('ItemReader: a MANIFEST reader reads the objects its manifest lists, which are not known at package time');
  } else {
    const key = literalField(input, 'Key');
    if (!key) cannot('ItemReader: its Key is not fixed at package time');
    else {
      const versioned = input !== undefined && ('VersionId' in input || 'VersionId.$' in input);
      grant(versioned ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:GetObject'], [s3Arn(`${bucket}/${key}`)]);
    }
  }
}

function writerStatements(
  writer: JsonObject,
  grant: (actions: string[], resources: CfnValue[]) => void,
  cannot: (why: string) => void,
): void {
  // A ResultWriter with only WriterConfig shapes the state's output and writes nothing to S3.
  if (writer.Resource === undefined) return;
  const resource = typeof writer.Resource === 'string' ? writer.Resource : '';
  if (s3Integration.exec(resource)?.[1] !== 'putObject') {
    cannot(`ResultWriter: no rule infers the permissions of Resource "${resource}"`);
    return;
  }
  const input = inputOf(writer);
  const bucket = literalField(input, 'Bucket');
  if (!bucket) {
    cannot('ResultWriter: its Bucket is not fixed at package time');
    return;
  }
  if (atRunTime(input, 'Prefix')) {
    cannot('ResultWriter: its Prefix is not fixed at package time');
    return;
  }
  // Results are written in parts (a multipart upload) and the manifest read back.
  grant(
    ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
    [s3Arn(under(bucket, literalField(input, 'Prefix')))],
  );
}

/**
 * What the role of state machine `stateMachineName` needs for the distributed Map states of
 * `definition`. Its own ARN is built from its name, known before deploy: the role cannot
 * reference the state machine, which references the role.
 */
export function distributedMapPermissions(definition: JsonObject, stateMachineName: string, where: string): Inferred {
  const maps = distributedMaps(definition);
  const statements: Statement[] = [];
  const unknown: string[] = [];
  if (maps.length === 0) return { statements, unknown };
  const grant = (actions: string[], resources: CfnValue[], condition?: Record<string, unknown>) =>
    statements.push(condition ? { ...allow(actions, resources), Condition: condition } : allow(actions, resources));
  // Child executions run the revision the parent runs: starters use the `live` alias, whose
  // executions run a version, so the versions and aliases of this state machine are named too.
  grant(
    ['states:StartExecution'],
    [statesArn(`stateMachine:${stateMachineName}`), statesArn(`stateMachine:${stateMachineName}:*`)],
  );
  // Child execution ARNs are execution:<state machine>/<map run label>:<id>.
  grant(
    ['states:DescribeExecution', 'states:StopExecution', 'states:RedriveExecution'],
    [statesArn(`execution:${stateMachineName}/*`)],
  );
  for (const { path, state } of maps) {
    const cannot = (why: string) => unknown.push(`${where}.${path}.${why}`);
    if (isObject(state.ItemReader)) readerStatements(state.ItemReader, grant, cannot);
    if (isObject(state.ResultWriter)) writerStatements(state.ResultWriter, grant, cannot);
  }
  return { statements, unknown };
}
