// The SDK clients load on first use, not with the runtime: a client missing where the function
// runs (bundled with the SDK external, on a Node.js without it) surfaces at that use, as an error
// naming the package and what to do, for the helper that needs it and no other.
import { MissingModuleError, workflow } from '../../runtime/index';

jest.mock('@aws-sdk/client-sfn', () => {
  throw Object.assign(new Error("Cannot find module '@aws-sdk/client-sfn'\nRequire stack:\n- handler.js"), {
    code: 'MODULE_NOT_FOUND',
  });
});

describe('an SDK client that cannot be loaded', () => {
  const environment = { ...process.env };
  beforeEach(() => {
    process.env.STATEFUL_WORKFLOW_ORDERPROCESSING = 'arn:aws:states:us-east-1:000000000000:stateMachine:orders';
  });
  afterEach(() => {
    process.env = { ...environment };
  });

  it('lets the runtime load, and fails the first call that needs it, naming the package', async () => {
    const orders = workflow('orderProcessing');
    const started = orders.start({ orderId: 'o-1' });
    await expect(started).rejects.toBeInstanceOf(MissingModuleError);
    await expect(started).rejects.toThrow(
      "@serverless-stateful/runtime needs @aws-sdk/client-sfn, which cannot be loaded (Cannot find module '@aws-sdk/client-sfn'). " +
        "Lambda's Node.js runtimes include AWS SDK v3; elsewhere, install it (npm install @aws-sdk/client-sfn), " +
        'or bundle it rather than marking it external.',
    );
    await expect(started).rejects.toMatchObject({
      packageName: '@aws-sdk/client-sfn',
      cause: { code: 'MODULE_NOT_FOUND' },
    });
    // Every later call says the same.
    await expect(orders.startSync({})).rejects.toBeInstanceOf(MissingModuleError);
  });
});
