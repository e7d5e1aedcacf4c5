// A durable function as another function's `state:` block names it: `state: { reminder: start }`
// lets a function start executions of the durable function `reminder`, `callback` lets it complete
// the callbacks those executions wait for. It follows the kinds' contract, so the model, the roles,
// the variables and state:info treat it as any state resource; it compiles nothing, as osls
// compiles the function itself.
import { sub } from '../cloudformation';
import { allow } from '../iam';
import type { StateKind } from '../kinds/kind';
import { environmentVariableName } from '../../runtime/environment';
import { durableAlias, executionsArn, type DurableFunction } from './durable';

/**
 * The name a starter invokes: the function's `durable` alias. Lambda refuses to start a durable
 * execution through an unqualified name, and the alias moves to the new version at each deploy,
 * so an execution replays the code it started with.
 */
export const qualifiedName = (target: DurableFunction) => `${target.physicalName}:${durableAlias}`;

export const durableTargetKind: StateKind<DurableFunction> = {
  kind: 'durable',
  schema: {},
  accessLevels: ['start', 'callback'],
  validate: () => undefined,
  compile: () => ({ resources: [], outputs: [] }),
  grant(_name, target, access) {
    if (access === 'callback') {
      return [
        allow(
          [
            'lambda:SendDurableExecutionCallbackSuccess',
            'lambda:SendDurableExecutionCallbackFailure',
            'lambda:SendDurableExecutionCallbackHeartbeat',
          ],
          [executionsArn(target.physicalName)],
        ),
      ];
    }
    return [
      allow(
        ['lambda:InvokeFunction'],
        [sub(`arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${qualifiedName(target)}`)],
      ),
    ];
  },
  // The qualified name, not an ARN: known before deploy, so `deploy function` and `invoke local`
  // carry it too, and Invoke takes it as FunctionName.
  environment: (name, target) => ({ [environmentVariableName('durable', name)]: qualifiedName(target) }),
  references: () => ({}),
  reach: () => ({ awsServices: ['lambda'] }),
  describe: (_name, target) =>
    [
      `execution timeout ${target.options.timeout} s`,
      `history kept ${target.options.retention ?? 14} days`,
      ...(target.options.kmsKey !== undefined ? ['customer managed key'] : []),
      `invoked as ${qualifiedName(target)}`,
    ].join(', '),
};
