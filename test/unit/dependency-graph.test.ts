import { dependencyCycle, dependencyGraph } from '../../plugin/dependency-graph';

const template = (resources: Record<string, unknown>) => ({
  Resources: Object.fromEntries(
    Object.entries(resources).map(([id, properties]) => [id, { Type: 'AWS::X::Y', Properties: properties }]),
  ),
});

describe('dependencyGraph', () => {
  it('reads Ref, both forms of Fn::GetAtt, Fn::Sub with and without variables, and DependsOn', () => {
    const graph = dependencyGraph({
      Resources: {
        A: {
          Properties: {
            One: { Ref: 'B' },
            Two: [{ 'Fn::GetAtt': ['C', 'Arn'] }, { 'Fn::GetAtt': 'D.Arn' }],
            Three: { 'Fn::Sub': '${E}/${F.Arn}/${!G}/${AWS::Region}/${Param}' },
            Four: { 'Fn::Sub': ['${local}-${H}', { local: { Ref: 'I' } }] },
          },
          DependsOn: ['J'],
        },
        B: {},
        C: {},
        D: {},
        E: {},
        F: { DependsOn: 'G' },
        G: {},
        H: {},
        I: {},
        J: {},
      },
    });
    expect([...(graph.get('A') ?? [])].sort()).toEqual(['B', 'C', 'D', 'E', 'F', 'H', 'I', 'J']);
    expect([...(graph.get('F') ?? [])]).toEqual(['G']);
  });
});

describe('dependencyCycle', () => {
  it('finds none in a tree', () => {
    expect(dependencyCycle(template({ A: { x: { Ref: 'B' } }, B: { x: { Ref: 'C' } }, C: {} }))).toBeUndefined();
  });

  it('names the resources along a cycle', () => {
    expect(
      dependencyCycle(
        template({
          Role: { x: { Ref: 'Alias' } },
          Alias: { x: { Ref: 'Machine' } },
          Machine: { x: { 'Fn::Sub': ['${F}', { F: { 'Fn::GetAtt': ['Function', 'Arn'] } }] } },
          Function: { Role: { 'Fn::GetAtt': ['Role', 'Arn'] } },
        }),
      ),
    ).toEqual(['Role', 'Alias', 'Machine', 'Function', 'Role']);
  });

  it('finds a resource that depends on itself', () => {
    expect(dependencyCycle(template({ A: { x: { 'Fn::Sub': '${A.Arn}' } } }))).toEqual(['A', 'A']);
  });
});
