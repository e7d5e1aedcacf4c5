// The kit's own dependencies are optional peers: found in the user's project, named when missing.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissingDependencyError } from '../../testing';
import { requireOptional, resolveOptional } from '../../testing/local-aws/optional-dependency';
import { frameworkBin } from '../../testing/local-aws/serverless-cli';

describe('optional dependencies of the testing kit', () => {
  const project = realpathSync(mkdtempSync(join(tmpdir(), 'user-project-')));
  const inProject = join(project, 'node_modules', 'amplify-dynamodb-simulator');
  beforeAll(() => {
    mkdirSync(inProject, { recursive: true });
    writeFileSync(join(inProject, 'package.json'), JSON.stringify({ name: 'amplify-dynamodb-simulator' }));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop' }));
  });
  afterAll(() => rmSync(project, { recursive: true }));

  it('names a missing package, what it is for, and the command that installs it', () => {
    const attempt = () => resolveOptional('@example/not-installed/package.json', 'DynamoDB Local', project);
    expect(attempt).toThrow(MissingDependencyError);
    expect(attempt).toThrow(
      'serverless-stateful/testing needs @example/not-installed for DynamoDB Local: npm install -D @example/not-installed',
    );
  });

  it("takes the user's project's copy first", () => {
    expect(resolveOptional('amplify-dynamodb-simulator/package.json', 'DynamoDB Local', project)).toBe(
      join(inProject, 'package.json'),
    );
  });

  it('falls back to the copy beside the package', () => {
    const empty = realpathSync(mkdtempSync(join(tmpdir(), 'bare-project-')));
    try {
      expect(resolveOptional('amplify-dynamodb-simulator/package.json', 'DynamoDB Local', empty)).toBe(
        require.resolve('amplify-dynamodb-simulator/package.json'),
      );
    } finally {
      rmSync(empty, { recursive: true });
    }
  });

  it("loads Jest's node environment, and finds the framework the project has", () => {
    const environment = requireOptional('jest-environment-node', 'its Jest environment') as {
      TestEnvironment: unknown;
    };
    expect(typeof environment.TestEnvironment).toBe('function');
    expect(frameworkBin()).toBe(require.resolve('osls/bin/serverless.js'));
  });
});
