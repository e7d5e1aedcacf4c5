// The dependencies CloudFormation sees between the resources of a template, and the cycle among
// them if there is one: a template with a cycle packages, and then fails to deploy.
export interface TemplateResources {
  readonly Resources: Readonly<Record<string, { readonly DependsOn?: unknown; readonly Properties?: unknown }>>;
}

/** The logical ids `${X}` and `${X.Attr}` of an Fn::Sub string name (`${!X}` is a literal). */
function subReferences(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => (match[1] as string).split('.')[0] as string);
}

/** Every logical id `value` references through Ref, Fn::GetAtt and Fn::Sub, at any depth. */
function references(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) references(item, found);
    return found;
  }
  if (typeof value !== 'object' || value === null) return found;
  for (const [key, inner] of Object.entries(value) as [string, unknown][]) {
    if (key === 'Ref' && typeof inner === 'string') found.add(inner);
    else if (key === 'Fn::GetAtt') {
      const target: unknown = Array.isArray(inner)
        ? (inner as unknown[])[0]
        : typeof inner === 'string'
          ? inner.split('.')[0]
          : undefined;
      if (typeof target === 'string') found.add(target);
      else references(inner, found);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(inner) ? (inner as unknown[]) : [inner, {}];
      const local = new Set(Object.keys((variables ?? {}) as object));
      if (typeof text === 'string') {
        for (const name of subReferences(text)) if (!local.has(name)) found.add(name);
      }
      references(variables, found);
    } else references(inner, found);
  }
  return found;
}

/** Resource → the resources it depends on (parameters and pseudo parameters left out). */
export function dependencyGraph(template: TemplateResources): Map<string, Set<string>> {
  const ids = new Set(Object.keys(template.Resources));
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    const targets = new Set([...references(resource.Properties), ...(dependsOn as string[])]);
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
