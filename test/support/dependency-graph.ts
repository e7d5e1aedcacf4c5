// For tests: a packaged template CloudFormation would refuse for a dependency cycle fails the test.
import { dependencyCycle, type TemplateResources } from '../../plugin/dependency-graph';

/** Throws, naming the cycle, if CloudFormation would refuse `template` for a circular dependency. */
export function assertAcyclic(template: TemplateResources): void {
  const cycle = dependencyCycle(template);
  if (cycle) throw new Error(`the template has a dependency cycle: ${cycle.join(' → ')}`);
}
