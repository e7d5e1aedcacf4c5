// The node the emulator runs Node.js handlers on: STATEFUL_LAMBDA_NODE, else the Node 22 that
// .ci/run installs, else the machine's; its folder goes first on the emulator's PATH.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { MissingPrerequisiteError } from '../../testing/local-aws';
import { lambdaNode, pathWithNodeFirst } from '../../testing/local-aws/lambda-node';

describe('lambdaNode()', () => {
  const emptyDir = mkdtempSync(join(tmpdir(), 'no-node-'));
  const missing = join(emptyDir, 'node');
  const machineNode = { path: process.execPath, version: process.version };
  afterAll(() => rmSync(emptyDir, { recursive: true }));

  it('takes the node STATEFUL_LAMBDA_NODE names first', () => {
    const env = { STATEFUL_LAMBDA_NODE: process.execPath, PATH: emptyDir };
    expect(lambdaNode(env, missing)).toEqual(machineNode);
  });

  it('names STATEFUL_LAMBDA_NODE, and what to do, when its node does not run', () => {
    const attempt = () => lambdaNode({ STATEFUL_LAMBDA_NODE: missing, PATH: dirname(process.execPath) }, missing);
    expect(attempt).toThrow(MissingPrerequisiteError);
    expect(attempt).toThrow(
      `MiniStack needs node at ${missing} (named by STATEFUL_LAMBDA_NODE), which is not installed. Install it with: npm install --prefix .local-aws/node22`,
    );
  });

  it("takes the installed Node 22 before the machine's", () => {
    const installed = process.execPath; // stands in for .local-aws/node22/…/bin/node
    expect(lambdaNode({ PATH: emptyDir }, installed)).toEqual(machineNode);
  });

  it("falls back to the machine's node on PATH, and to none", () => {
    expect(lambdaNode({ PATH: `${emptyDir}${delimiter}${dirname(process.execPath)}` }, missing)).toEqual(machineNode);
    expect(lambdaNode({ PATH: emptyDir }, missing)).toBeUndefined();
  });

  it("puts the node's folder first on the emulator's PATH", () => {
    expect(pathWithNodeFirst({ path: '/opt/node22/bin/node', version: 'v22.23.5' }, '/usr/bin:/bin')).toBe(
      `/opt/node22/bin${delimiter}/usr/bin:/bin`,
    );
    expect(pathWithNodeFirst(undefined, '/usr/bin:/bin')).toBe('/usr/bin:/bin');
  });
});
