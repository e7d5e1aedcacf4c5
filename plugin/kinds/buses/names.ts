// A bus's names: its logical ids, its physical name and its ARN. The one home of each rule, shared
// by the rules, the outbox and the grants.
import { getAtt, sub, type CfnValue } from '../../cloudformation';
import { physicalName, stateLogicalId } from '../../naming';
import type { CompileContext } from '../kind';

export const busLogicalId = (name: string, suffix = '') => stateLogicalId('Bus', name, suffix);

/** A bus named `default` is the account's default bus: nothing is created for it. */
export const isDefaultBus = (name: string) => name === 'default';

/** The bus's name as PutEvents and a rule's EventBusName take it. */
export const busName = (context: Pick<CompileContext, 'service' | 'stage'>, name: string) =>
  isDefaultBus(name) ? 'default' : physicalName(context, name, { max: 256, where: `state.buses.${name}` });

export const busArn = (name: string): CfnValue =>
  isDefaultBus(name)
    ? sub('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default')
    : getAtt(busLogicalId(name), 'Arn');
