// `events: [{ httpApi: 'POST /orders' }]` on a workflow: a route of the service's HTTP API (the
// one osls creates for functions' httpApi events) integrated with StepFunctions-StartExecution,
// the request body becoming the run's input, through a role API Gateway assumes that may start
// exactly this workflow. Written as serverless-step-functions users write their http events.
import { getAtt, ref, type CfnResource, type CfnValue } from '../../cloudformation';
import { StatefulConfigError } from '../../errors';
import { allow, roleResource } from '../../iam';
import type { WorkflowConfig } from './schema';

type RouteEvent = NonNullable<NonNullable<WorkflowConfig['events']>[number]['httpApi']>;

export const routeMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] as const;

/** The routes among a workflow's events, as route keys (`POST /orders`), with their index in `events`. */
function routesOf(config: WorkflowConfig): { routeKey: string; index: number }[] {
  return (config.events ?? []).flatMap((event, index) => {
    const route: RouteEvent | undefined = event.httpApi;
    if (route === undefined) return [];
    const routeKey = typeof route === 'string' ? route.trim() : `${route.method.toUpperCase()} ${route.path}`;
    return [{ routeKey, index }];
  });
}

const routeKeyShape = new RegExp(`^(${routeMethods.join('|')}) (/\\S*)$`);

export function checkRoutes(name: string, config: WorkflowConfig): void {
  const seen = new Set<string>();
  for (const { routeKey, index } of routesOf(config)) {
    const where = `state.workflows.${name}.events.${index}.httpApi`;
    if (!routeKeyShape.test(routeKey)) {
      throw new StatefulConfigError(
        'STATE_WORKFLOW_ROUTE_INVALID',
        `${where}: "${routeKey}" is no route. Write "<METHOD> /<path>" (or { method, path }), the method one of ${routeMethods.join(', ')}, the path starting with /; path parameters are written {name}.`,
      );
    }
    if (seen.has(routeKey)) {
      throw new StatefulConfigError(
        'STATE_WORKFLOW_ROUTE_INVALID',
        `${where}: "${routeKey}" is given twice; a route starts one workflow.`,
      );
    }
    seen.add(routeKey);
  }
}

/**
 * The routes of workflow `name`, their integrations and the one role they share, allowed
 * states:StartExecution on `target` (what starters use) only. `apiId` is asked for only when the
 * workflow has routes.
 */
export function routeResources(
  name: string,
  config: WorkflowConfig,
  target: CfnValue,
  apiId: (where: string) => CfnValue,
  ids: { role: string; integration: (index: number) => string; route: (index: number) => string; policyName: string },
): { logicalId: string; resource: CfnResource }[] {
  const routes = routesOf(config);
  if (routes.length === 0) return [];
  const api = apiId(`state.workflows.${name}.events.${routes[0]?.index ?? 0}.httpApi`);
  const resources: { logicalId: string; resource: CfnResource }[] = [
    {
      logicalId: ids.role,
      resource: roleResource({
        principal: 'apigateway.amazonaws.com',
        policyName: ids.policyName,
        statements: [allow(['states:StartExecution'], [target])],
      }),
    },
  ];
  for (const { routeKey, index } of routes) {
    resources.push({
      logicalId: ids.integration(index),
      resource: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: {
          ApiId: api,
          IntegrationType: 'AWS_PROXY',
          IntegrationSubtype: 'StepFunctions-StartExecution',
          PayloadFormatVersion: '1.0',
          CredentialsArn: getAtt(ids.role, 'Arn'),
          RequestParameters: { StateMachineArn: target, Input: '$request.body' },
        },
      },
    });
    resources.push({
      logicalId: ids.route(index),
      resource: {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: {
          ApiId: api,
          RouteKey: routeKey,
          Target: { 'Fn::Join': ['/', ['integrations', ref(ids.integration(index))]] },
        },
      },
    });
  }
  return resources;
}
