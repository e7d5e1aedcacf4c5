// Buses: `state.buses.<name>` compiles to an EventBridge bus (or the account's `default` one),
// an optional archive, its rules (rules.ts) and, with `outbox`, the outbox table and its relay
// (outbox.ts).
import { ref, type CfnResource } from '../../cloudformation';
import { allow } from '../../iam';
import { environmentVariableName, outboxVariableName } from '../../../runtime/environment';
import type { CompiledOutput, CompiledResource, StateKind } from '../kind';
import { busArn, busLogicalId, busName, isDefaultBus } from './names';
import {
  compileOutbox,
  outboxGrant,
  outboxRelayFunction,
  outboxRelayKey,
  outboxSettings,
  outboxTableLogicalId,
  outboxTableName,
} from './outbox';
import { checkRules, compileRules, targetLabel } from './rules';
import { busSchema, type BusConfig } from './schema';

export { busLogicalId } from './names';
export { targetId } from './rules';

export const buses: StateKind<BusConfig> = {
  kind: 'bus',
  schema: busSchema,
  accessLevels: ['publish'],

  validate(name, config) {
    checkRules(name, config);
  },

  compile(name, config, context) {
    const resources: CompiledResource[] = [];
    const add = (logicalId: string, resource: CfnResource) => resources.push({ logicalId, resource });
    if (!isDefaultBus(name)) {
      add(busLogicalId(name), { Type: 'AWS::Events::EventBus', Properties: { Name: busName(context, name) } });
    }
    // A local emulator has no archives; the rest of the bus is the same there.
    if (config.archive && !context.local) {
      const properties: Record<string, unknown> = { SourceArn: busArn(name) };
      if (config.archive.retentionDays !== undefined) properties.RetentionDays = config.archive.retentionDays;
      add(busLogicalId(name, 'Archive'), { Type: 'AWS::Events::Archive', Properties: properties });
    }
    resources.push(...compileRules(name, config, context));
    const outbox = outboxSettings(config);
    if (outbox) resources.push(...compileOutbox(name, outbox, context));

    const outputs: CompiledOutput[] = [];
    if (!isDefaultBus(name)) {
      outputs.push(
        {
          logicalId: `${busLogicalId(name)}Name`,
          output: { Description: `Name of bus ${name}`, Value: ref(busLogicalId(name)) },
        },
        { logicalId: `${busLogicalId(name)}Arn`, output: { Description: `ARN of bus ${name}`, Value: busArn(name) } },
      );
    }
    if (outbox) {
      outputs.push({
        logicalId: `${outboxTableLogicalId(name)}Name`,
        output: { Description: `Name of the outbox table of bus ${name}`, Value: ref(outboxTableLogicalId(name)) },
        source: `state.buses.${name}.outbox`,
      });
    }
    return { resources, outputs };
  },

  functions(name, config, context) {
    const outbox = outboxSettings(config);
    return outbox ? [outboxRelayFunction(name, outbox, context)] : [];
  },

  grant(name, config) {
    // With an outbox, a publisher writes its events into the outbox table in its transaction.
    return [allow(['events:PutEvents'], [busArn(name)]), ...(outboxSettings(config) ? outboxGrant(name) : [])];
  },

  environment(name, config, context) {
    return {
      [environmentVariableName('bus', name)]: busName(context, name),
      ...(outboxSettings(config) ? { [outboxVariableName(name)]: outboxTableName(context, name) } : {}),
    };
  },

  references(name, _config, context) {
    return { name: () => busName(context, name), arn: () => busArn(name) };
  },

  reach: (name, config) => ({ awsServices: outboxSettings(config) ? ['events', 'dynamodb'] : ['events'] }),

  describe(name, config) {
    const parts = [isDefaultBus(name) ? 'default bus' : 'custom bus'];
    if (config.archive) parts.push(`archive ${config.archive.retentionDays ?? '∞'}d`);
    const outbox = outboxSettings(config);
    if (outbox) parts.push(`outbox → relay ${outboxRelayKey(name)}, kept ${outbox.retentionDays}d after delivery`);
    for (const [ruleName, rule] of Object.entries(config.rules ?? {})) {
      parts.push(`rule ${ruleName} → ${rule.targets.map(targetLabel).join(', ')}`);
    }
    return parts.join(', ');
  },
};
