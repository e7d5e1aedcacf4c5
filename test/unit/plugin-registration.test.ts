// The plugin's constructor registers the `state:` language with Serverless' schema handler.
import StatefulPlugin = require('../../plugin');
import { accessLevels } from '../../plugin/schema';
import type { JsonSchema, Serverless } from '../../plugin/serverless';

function recordingServerless() {
  const topLevel: Record<string, JsonSchema> = {};
  const functionLevel: JsonSchema[] = [];
  const serverless = {
    version: '4.3.1',
    service: { service: 'shop', provider: { name: 'aws' } },
    configSchemaHandler: {
      defineTopLevelProperty: (name: string, schema: JsonSchema) => (topLevel[name] = schema),
      defineFunctionProperties: (_provider: 'aws', schema: JsonSchema) => functionLevel.push(schema),
    },
  } satisfies Serverless;
  return { serverless, topLevel, functionLevel };
}

describe('StatefulPlugin', () => {
  it('defines the top-level state property, closed to unknown keys', () => {
    const { serverless, topLevel } = recordingServerless();
    new StatefulPlugin(serverless);
    expect(topLevel.state).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { tables: expect.any(Object), caches: expect.any(Object), workflows: expect.any(Object) },
    });
  });

  it("defines each function's state property as resource → access level", () => {
    const { serverless, functionLevel } = recordingServerless();
    new StatefulPlugin(serverless);
    expect(functionLevel).toEqual([
      { properties: { state: expect.objectContaining({ additionalProperties: { enum: accessLevels } }) } },
    ]);
  });
});
