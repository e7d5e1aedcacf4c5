// The Jest environment of tests against the local AWS:
//   testEnvironment: 'serverless-stateful/testing/jest-environment'
// A test file names the services it needs in its docblock (`@services redis, dynamodb, emulator`).
// Before the file runs, each must answer, or the suite fails naming it; when a test fails, every
// service it needs is probed again, and one that stopped answering is named at the top of the
// failure. The endpoints come from the global setup (jest-global-setup.ts).
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import type * as JestEnvironmentNode from 'jest-environment-node';
import { serviceAnswers } from './local-aws';
import { requireOptional } from './local-aws/optional-dependency';
import { endpointVariables, isServiceName, serviceLabel, type ServiceName } from './local-aws/services';
import { annotateFailure, describeDown } from './service-failures';

// Jest's own node environment, from the user's Jest: an optional peer, named when it is missing.
const { TestEnvironment: NodeEnvironment } = requireOptional(
  'jest-environment-node',
  'its Jest environment',
) as typeof JestEnvironmentNode;

export default class LocalAwsEnvironment extends NodeEnvironment {
  private readonly services: ServiceName[];

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    const pragma = context.docblockPragmas.services;
    const names = (Array.isArray(pragma) ? pragma.join(',') : (pragma ?? '')).split(/[\s,]+/).filter(Boolean);
    const unknown = names.filter((name) => !isServiceName(name));
    if (unknown.length > 0) {
      throw new Error(`${context.testPath}: unknown @services ${unknown.join(', ')}; use redis, dynamodb, emulator`);
    }
    this.services = names.filter(isServiceName);
    // Errors Node itself raises (ECONNREFUSED, timeouts) come from outside the test's sandbox; with
    // the sandbox's own Error they would fail `instanceof Error`, and the AWS SDK would hide them in
    // a wrapper without their code. In Lambda there is one Error: so it is here.
    this.global.Error = Error;
  }

  override async setup(): Promise<void> {
    await super.setup();
    const down = await this.servicesDown();
    if (down.length > 0) throw new Error(describeDown(down, 'before'));
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const down = await this.servicesDown();
    if (down.length > 0) annotateFailure(event.error, describeDown(down, 'during'));
  }

  private async servicesDown(): Promise<{ name: ServiceName; label: string; endpoint: string | undefined }[]> {
    const down = [];
    for (const name of this.services) {
      const endpoint = process.env[endpointVariables[name]];
      if (!endpoint || !(await serviceAnswers(name, endpoint)))
        down.push({ name, label: serviceLabel(name), endpoint });
    }
    return down;
  }
}
