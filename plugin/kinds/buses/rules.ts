// A bus's rules: each compiles to an AWS::Events::Rule whose targets are this service's functions
// and workflows, each with the permission or role EventBridge needs, a retry policy and an
// encrypted dead-letter queue on request.
import { createHash } from 'node:crypto';
import { getAtt, ref, type CfnResource, type CfnValue } from '../../cloudformation';
import { StatefulConfigError } from '../../errors';
import { allow, roleResource } from '../../iam';
import { pascalCase } from '../../naming';
import type { CompileContext, CompiledResource } from '../kind';
import { checkEventPattern } from './event-pattern';
import { busLogicalId, isDefaultBus } from './names';
import type { BusConfig, TargetConfig } from './schema';

export const targetLabel = (target: TargetConfig) =>
  target.function !== undefined ? `function ${target.function}` : `workflow ${String(target.workflow)}`;

/** EventBridge's rule for a target Id: 1 to 64 of these characters, unique within the rule. */
const targetIdCharacters = /^[.\-_A-Za-z0-9]+$/;
const maxTargetIdLength = 64;

/**
 * `function-<name>` or `workflow-<name>`, as it has always been when that is a valid Id. A name
 * too long for one, or with characters an Id cannot hold, gives a cleaned, shortened Id that
 * ends with a hash of the whole, so two names that share their first 64 characters stay apart.
 */
export function targetId(target: TargetConfig): string {
  const plain = target.function !== undefined ? `function-${target.function}` : `workflow-${String(target.workflow)}`;
  if (plain.length <= maxTargetIdLength && targetIdCharacters.test(plain)) return plain;
  const hash = createHash('sha256').update(plain).digest('hex').slice(0, 8);
  return `${plain.replace(/[^.\-_A-Za-z0-9]/g, '_').slice(0, maxTargetIdLength - hash.length - 1)}-${hash}`;
}

/** Kept for 14 days, the most SQS allows: failed events are data to look at, not to lose. */
const deadLetterRetentionSeconds = 1_209_600;

/** Checks what the schema cannot: each pattern's shape, each target once, one input option. */
export function checkRules(name: string, config: BusConfig): void {
  for (const [ruleName, rule] of Object.entries(config.rules ?? {})) {
    const where = `state.buses.${name}.rules.${ruleName}`;
    checkEventPattern(rule.pattern, `${where}.pattern`);
    const seen = new Map<string, number>();
    rule.targets.forEach((target, index) => {
      const label = targetLabel(target);
      const first = seen.get(label);
      if (first !== undefined) {
        throw new StatefulConfigError(
          'STATE_RULE_TARGET_REPEATED',
          `${where}.targets.${index}: ${label} is already target ${first} of this rule; EventBridge takes each target once per rule. Remove one, or make a second rule if it needs another input.`,
        );
      }
      seen.set(label, index);
      if (target.inputPath !== undefined && target.inputTransformer !== undefined) {
        throw new StatefulConfigError(
          'STATE_TARGET_INPUT_CONFLICT',
          `${where}.targets.${index}: inputPath and inputTransformer are both set; EventBridge takes one of them. Keep inputTransformer (its inputPathsMap can select the same part of the event), or inputPath alone.`,
        );
      }
    });
  }
}

/** The rules of bus `name`, their targets' permissions and queues, and the role that starts workflows. */
export function compileRules(name: string, config: BusConfig, context: CompileContext): CompiledResource[] {
  const resources: CompiledResource[] = [];
  const add = (logicalId: string, resource: CfnResource, source?: string) =>
    resources.push({ logicalId, resource, ...(source ? { source } : {}) });
  const retain = context.ephemeral ? 'Delete' : 'Retain';
  const workflowArns: CfnValue[] = [];
  for (const [ruleName, rule] of Object.entries(config.rules ?? {})) {
    const ruleId = busLogicalId(name, `Rule${pascalCase(ruleName)}`);
    const where = `state.buses.${name}.rules.${ruleName}`;
    // The rule comes before its targets' resources, so a clash is reported against the rule.
    const ruleProperties: Record<string, unknown> = {
      EventBusName: isDefaultBus(name) ? 'default' : ref(busLogicalId(name)),
      EventPattern: rule.pattern,
      State: rule.enabled === false ? 'DISABLED' : 'ENABLED',
      ...(rule.description ? { Description: rule.description } : {}),
    };
    add(ruleId, { Type: 'AWS::Events::Rule', Properties: ruleProperties }, where);
    ruleProperties.Targets = rule.targets.map((target, index) => {
      const at = `${where}.targets.${index}`;
      const compiled: Record<string, unknown> = {};
      if (target.function !== undefined) {
        compiled.Id = targetId(target);
        compiled.Arn = context.lookup.functionArn(target.function, `${at}.function`);
        const permissionId = `${ruleId}Permission${context.lookup.normalizedFunctionName(target.function, `${at}.function`)}`;
        add(
          permissionId,
          {
            Type: 'AWS::Lambda::Permission',
            Properties: {
              Action: 'lambda:InvokeFunction',
              FunctionName: compiled.Arn,
              Principal: 'events.amazonaws.com',
              SourceArn: getAtt(ruleId, 'Arn'),
            },
          },
          at,
        );
      } else {
        const workflow = String(target.workflow);
        compiled.Id = targetId(target);
        compiled.Arn = context.lookup.reference('workflow', workflow, 'arn', `${at}.workflow`);
        compiled.RoleArn = getAtt(busLogicalId(name, 'TargetRole'), 'Arn');
        workflowArns.push(compiled.Arn as CfnValue);
      }
      if (target.inputPath !== undefined) compiled.InputPath = target.inputPath;
      if (target.inputTransformer) {
        compiled.InputTransformer = {
          InputTemplate: target.inputTransformer.inputTemplate,
          ...(target.inputTransformer.inputPathsMap ? { InputPathsMap: target.inputTransformer.inputPathsMap } : {}),
        };
      }
      if (target.retry) {
        compiled.RetryPolicy = {
          ...(target.retry.maximumAttempts !== undefined ? { MaximumRetryAttempts: target.retry.maximumAttempts } : {}),
          ...(target.retry.maximumEventAge !== undefined
            ? { MaximumEventAgeInSeconds: target.retry.maximumEventAge }
            : {}),
        };
      }
      if (target.deadLetterQueue) {
        const queueId = `${ruleId}DeadLetters${index}`;
        add(
          queueId,
          {
            Type: 'AWS::SQS::Queue',
            DeletionPolicy: retain,
            UpdateReplacePolicy: retain,
            Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: deadLetterRetentionSeconds },
          },
          at,
        );
        add(
          `${queueId}Policy`,
          {
            Type: 'AWS::SQS::QueuePolicy',
            Properties: {
              Queues: [ref(queueId)],
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { Service: 'events.amazonaws.com' },
                    Action: 'sqs:SendMessage',
                    Resource: getAtt(queueId, 'Arn'),
                    Condition: { ArnEquals: { 'aws:SourceArn': getAtt(ruleId, 'Arn') } },
                  },
                ],
              },
            },
          },
          at,
        );
        compiled.DeadLetterConfig = { Arn: getAtt(queueId, 'Arn') };
      }
      return compiled;
    });
  }
  if (workflowArns.length > 0) {
    add(
      busLogicalId(name, 'TargetRole'),
      roleResource({
        principal: 'events.amazonaws.com',
        policyName: 'start-workflows',
        statements: [allow(['states:StartExecution'], workflowArns)],
      }),
    );
  }
  return resources;
}
