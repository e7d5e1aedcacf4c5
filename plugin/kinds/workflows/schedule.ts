// `events: [{ schedule: … }]` on a workflow: an EventBridge Scheduler schedule that starts it,
// through a role that may start exactly this workflow and nothing else. Written the way
// serverless-step-functions users write it (`schedule: rate(1 hour)` or `{ rate, input, enabled }`).
import type { CfnResource, CfnValue } from '../../cloudformation';
import { getAtt } from '../../cloudformation';
import { StatefulConfigError } from '../../errors';
import { allow, roleResource } from '../../iam';
import type { WorkflowConfig } from './schema';

type ScheduleEvent = NonNullable<NonNullable<WorkflowConfig['events']>[number]['schedule']>;

/** The schedules among a workflow's events, with the index each has in `events`. */
const schedulesOf = (config: WorkflowConfig) =>
  (config.events ?? []).flatMap((event, index) =>
    event.schedule === undefined ? [] : [{ schedule: event.schedule, index }],
  );

/** rate(5 minutes), cron(0 3 * * ? *) (six fields), at(2027-01-01T00:00:00): what EventBridge Scheduler takes. */
const expressionForms = [
  /^rate\(\s*[1-9]\d*\s+(minute|minutes|hour|hours|day|days)\s*\)$/,
  /^cron\(\s*\S+(\s+\S+){5}\s*\)$/,
  /^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/,
];

/** The expression, input, state and time zone of one schedule, in its long form. */
export function scheduleOf(event: ScheduleEvent): {
  rate: string;
  enabled: boolean;
  input?: unknown;
  timezone?: string;
} {
  return typeof event === 'string' ? { rate: event, enabled: true } : { ...event, enabled: event.enabled ?? true };
}

export function checkSchedules(name: string, config: WorkflowConfig): void {
  schedulesOf(config).forEach(({ schedule, index }) => {
    const { rate } = scheduleOf(schedule);
    if (expressionForms.some((form) => form.test(rate))) return;
    throw new StatefulConfigError(
      'STATE_WORKFLOW_SCHEDULE_INVALID',
      `state.workflows.${name}.events.${index}.schedule: "${rate}" is no schedule expression EventBridge Scheduler takes. ` +
        'Write rate(<n> minutes|hours|days), cron(<minutes> <hours> <day-of-month> <month> <day-of-week> <year>) or at(<yyyy-mm-ddThh:mm:ss>).',
    );
  });
}

/**
 * The schedules of workflow `name` and the one role they share, allowed states:StartExecution
 * on `target` (what starters use) only.
 */
export function scheduleResources(
  name: string,
  config: WorkflowConfig,
  target: CfnValue,
  ids: { role: string; schedule: (index: number) => string; policyName: string },
): { logicalId: string; resource: CfnResource }[] {
  const events = schedulesOf(config);
  if (events.length === 0) return [];
  const resources = [
    {
      logicalId: ids.role,
      resource: roleResource({
        principal: 'scheduler.amazonaws.com',
        policyName: ids.policyName,
        statements: [allow(['states:StartExecution'], [target])],
      }),
    },
  ];
  events.forEach(({ schedule, index }) => {
    const { rate, enabled, input, timezone } = scheduleOf(schedule);
    const properties: Record<string, unknown> = {
      Description: `Starts workflow ${name}`,
      ScheduleExpression: rate,
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: enabled ? 'ENABLED' : 'DISABLED',
      Target: {
        Arn: target,
        RoleArn: getAtt(ids.role, 'Arn'),
        ...(input === undefined ? {} : { Input: typeof input === 'string' ? input : JSON.stringify(input) }),
      },
    };
    if (timezone !== undefined) properties.ScheduleExpressionTimezone = timezone;
    resources.push({
      logicalId: ids.schedule(index),
      resource: { Type: 'AWS::Scheduler::Schedule', Properties: properties },
    });
  });
  return resources;
}
