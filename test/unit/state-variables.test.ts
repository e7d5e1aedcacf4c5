import { stateVariables } from '../../plugin/functions/state-variables';
import type { CompileContext } from '../../plugin/kinds/kind';
import { tables } from '../../plugin/kinds/tables';
import type { FunctionUse } from '../../plugin/state-model';

const context = { service: 'shop', stage: 'dev', ephemeral: false, local: false } as CompileContext;
const table = (name: string): FunctionUse => ({
  functionName: 'updateCart',
  access: 'read',
  resource: { name, kind: tables, config: { partitionKey: 'id' }, source: `state.tables.${name}` },
});
const variables = (uses: FunctionUse[], functionEnvironment?: Record<string, unknown>) =>
  stateVariables({ functionName: 'updateCart', uses, context, functionEnvironment, providerEnvironment: undefined });

describe('stateVariables', () => {
  it('gives one variable per resource', () => {
    expect(variables([table('carts'), table('orders')])).toEqual({
      STATEFUL_TABLE_CARTS: 'shop-dev-carts',
      STATEFUL_TABLE_ORDERS: 'shop-dev-orders',
    });
  });

  it('refuses two resources that set one variable, naming both', () => {
    expect(() => variables([table('cartItems'), table('cartitems')])).toThrow(
      /^functions\.updateCart\.state\.cartItems and functions\.updateCart\.state\.cartitems both set the variable STATEFUL_TABLE_CARTITEMS/,
    );
  });

  it('refuses a variable the user set to another value, and accepts the same value', () => {
    expect(() => variables([table('carts')], { STATEFUL_TABLE_CARTS: 'legacy' })).toThrow(
      /functions\.updateCart\.environment\.STATEFUL_TABLE_CARTS is set/,
    );
    expect(variables([table('carts')], { STATEFUL_TABLE_CARTS: 'shop-dev-carts' })).toEqual({
      STATEFUL_TABLE_CARTS: 'shop-dev-carts',
    });
  });
});
