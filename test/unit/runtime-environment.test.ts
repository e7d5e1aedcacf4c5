import { environmentVariableName } from '../../runtime/index';

describe('environmentVariableName', () => {
  it('names the variable the plugin injects for each kind of state', () => {
    expect(environmentVariableName('table', 'carts')).toBe('STATEFUL_TABLE_CARTS');
    expect(environmentVariableName('cache', 'catalog')).toBe('STATEFUL_CACHE_CATALOG');
    expect(environmentVariableName('bus', 'shop')).toBe('STATEFUL_BUS_SHOP');
    expect(environmentVariableName('workflow', 'orderProcessing')).toBe('STATEFUL_WORKFLOW_ORDERPROCESSING');
  });
});
