// The dependencies CloudFormation sees between the resources of a template, and the cycle among
// them if there is one: a template with a cycle packages, and then fails to deploy.
import { referencedLogicalIds } from './cloudformation';

export interface TemplateResources {
  readonly Resources: Readonly<Record<string, { readonly DependsOn?: unknown; readonly Properties?: unknown }>>;
}

/** Resource → the resources it depends on (parameters and pseudo parameters left out). */
export function dependencyGraph(template: TemplateResources): Map<string, Set<string>> {
  const ids = new Set(Object.keys(template.Resources));
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    const targets = new Set([...referencedLogicalIds(resource.Properties), ...(dependsOn as string[])]);
    graph.set(id, new Set([...targets].filter((target) => ids.has(target))));
  }
  return graph;
}

/** A cycle as the ids along it, first repeated last (`[A, B, A]`), or undefined. */
export function dependencyCycle(template: TemplateResources): string[] | undefined {
  const graph = dependencyGraph(template);
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id)) return undefined;
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return undefined;
}
