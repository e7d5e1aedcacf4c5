// Who may use a cache: one ElastiCache user per access level some function asks for, in one user
// group with the disabled `default` user every group must hold, and the grant a function gets.
//
// - auth: iam (the default): the user authenticates with a token the function signs with its own
//   role; the role gets elasticache:Connect on exactly the cache and that user.
// - auth: token: the user has a password, generated in Secrets Manager (one secret per level);
//   the role gets secretsmanager:GetSecretValue on that secret only, and the runtime reads it at
//   run time. The password is in no variable, output or log: CloudFormation hands it to
//   ElastiCache through a dynamic reference.
import { ref, sub, type CfnResource, type CfnValue } from '../../cloudformation';
import { allow, type Statement } from '../../iam';
import { pascalCase, stateLogicalId } from '../../naming';
import type { CompileContext, CompiledResource } from '../kind';
import { accessString, cacheAccessLevels, disabledAccessString, type CacheAccessLevel } from './access';
import { cacheId, cacheNamespace, defaultUserId, userId } from './names';
import type { CacheConfig, CacheEngine, CacheMode } from './schema';

export const cacheLogicalId = (name: string) => stateLogicalId('Cache', name);
export const userGroupLogicalId = (name: string) => stateLogicalId('Cache', name, 'Users');
export const userLogicalId = (name: string, level: CacheAccessLevel) =>
  stateLogicalId('Cache', name, `User${pascalCase(level)}`);
export const secretLogicalId = (name: string, level: CacheAccessLevel) =>
  stateLogicalId('Cache', name, `Secret${pascalCase(level)}`);
const defaultUserLogicalId = (name: string) => stateLogicalId('Cache', name, 'DefaultUser');
const defaultSecretLogicalId = (name: string) => stateLogicalId('Cache', name, 'DefaultUserSecret');

export const authOf = (config: CacheConfig) => config.auth ?? 'iam';

/** The access levels functions ask for on cache `name`, in a fixed order. */
export function levelsUsed(context: CompileContext, name: string): CacheAccessLevel[] {
  const used = new Set<string>(context.usesOf(name).map((use) => use.access));
  return cacheAccessLevels.filter((level) => used.has(level));
}

/** The level function `functionName` asks for on cache `name`. */
export function levelOf(context: CompileContext, name: string, functionName: string): CacheAccessLevel {
  const use = context.usesOf(name).find((candidate) => candidate.functionName === functionName);
  // The state model admits only the levels the kind lists: read, write, readwrite.
  return (use?.access ?? 'read') as CacheAccessLevel;
}

export const cacheArn = (context: CompileContext, name: string, mode: CacheMode) =>
  sub(
    `arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:${mode === 'serverless' ? 'serverlesscache' : 'replicationgroup'}:${cacheId(context, name)}`,
  );

const userArn = (context: CompileContext, name: string, level: CacheAccessLevel) =>
  sub(`arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:user:${userId(context, name, level)}`);

/** A password of 64 letters and digits: ElastiCache takes 16 to 128 printable characters and few symbols. */
function secret(description: string, username: string, common: Partial<CfnResource>, tags: CfnValue | undefined) {
  return {
    Type: 'AWS::SecretsManager::Secret',
    ...common,
    Properties: {
      Description: description,
      GenerateSecretString: {
        SecretStringTemplate: JSON.stringify({ username }),
        GenerateStringKey: 'password',
        PasswordLength: 64,
        ExcludePunctuation: true,
      },
      ...(tags === undefined ? {} : { Tags: tags }),
    },
  };
}

const passwordOf = (secretLogicalId: string) => ({
  Type: 'password',
  Passwords: [sub(`{{resolve:secretsmanager:\${${secretLogicalId}}:SecretString:password}}`)],
});

export interface AuthInput {
  readonly name: string;
  readonly config: CacheConfig;
  readonly context: CompileContext;
  readonly engine: CacheEngine;
  /** DeletionPolicy and UpdateReplacePolicy: those of the cache, which cannot outlive its users. */
  readonly common: Partial<CfnResource>;
  readonly tags: CfnValue | undefined;
}

/** The users, their secrets (token auth), the default user and the user group. */
export function authResources(input: AuthInput): CompiledResource[] {
  const { name, config, context, engine, common, tags } = input;
  const namespace = cacheNamespace(context, name);
  const tagged = tags === undefined ? {} : { Tags: tags };
  const resources: CompiledResource[] = [];

  const defaultId = defaultUserId(context, name);
  resources.push({
    logicalId: defaultSecretLogicalId(name),
    resource: secret(
      `Password of the disabled default user of cache ${cacheId(context, name)}; nothing uses it`,
      'default',
      common,
      tags,
    ),
  });
  resources.push({
    logicalId: defaultUserLogicalId(name),
    resource: {
      Type: 'AWS::ElastiCache::User',
      ...common,
      Properties: {
        Engine: engine,
        UserId: defaultId,
        UserName: 'default',
        AccessString: disabledAccessString,
        AuthenticationMode: passwordOf(defaultSecretLogicalId(name)),
        ...tagged,
      },
    },
  });

  const levels = levelsUsed(context, name);
  for (const level of levels) {
    const id = userId(context, name, level);
    const token = authOf(config) === 'token';
    if (token) {
      resources.push({
        logicalId: secretLogicalId(name, level),
        resource: secret(`Password of ElastiCache user ${id} (${level} access to cache ${name})`, id, common, tags),
      });
    }
    resources.push({
      logicalId: userLogicalId(name, level),
      resource: {
        Type: 'AWS::ElastiCache::User',
        ...common,
        Properties: {
          Engine: engine,
          // For IAM auth ElastiCache requires the user name to be the user id.
          UserId: id,
          UserName: id,
          AccessString: accessString(level, namespace),
          AuthenticationMode: token ? passwordOf(secretLogicalId(name, level)) : { Type: 'iam' },
          ...tagged,
        },
      },
    });
  }

  resources.push({
    logicalId: userGroupLogicalId(name),
    resource: {
      Type: 'AWS::ElastiCache::UserGroup',
      ...common,
      Properties: {
        Engine: engine,
        UserGroupId: cacheId(context, name),
        UserIds: [ref(defaultUserLogicalId(name)), ...levels.map((level) => ref(userLogicalId(name, level)))],
        ...tagged,
      },
    },
  });
  return resources;
}

/** What a function with `level` needs to authenticate: to connect as its user, or to read its password. */
export function authGrant(
  name: string,
  config: CacheConfig,
  level: CacheAccessLevel,
  context: CompileContext,
  mode: CacheMode,
): Statement[] {
  if (authOf(config) === 'token')
    return [allow(['secretsmanager:GetSecretValue'], [ref(secretLogicalId(name, level))])];
  return [allow(['elasticache:Connect'], [cacheArn(context, name, mode), userArn(context, name, level)])];
}
