import { describe, expect, it } from 'vitest';
import { createBreakpointStore } from './breakpointStore';
import { loadBreakpoints } from './breakpoints';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
};

describe('breakpointStore', () => {
  it('toggles a breakpoint on and off and keeps the document list saved', () => {
    const saved = memory();
    const store = createBreakpointStore('flow-1', saved);
    store.getState().toggle('element', 'chargePayment');
    expect(store.getState().breakpoints).toEqual([{ kind: 'element', target: 'chargePayment' }]);
    expect(loadBreakpoints('flow-1', saved)).toEqual([
      { kind: 'element', target: 'chargePayment' },
    ]);
    store.getState().toggle('element', 'chargePayment');
    expect(store.getState().breakpoints).toEqual([]);
    expect(saved.getItem('baton.breakpoints.flow-1')).toBeNull();
  });

  it('sets and clears a condition, and disables without losing it', () => {
    const store = createBreakpointStore('flow-1', memory());
    store.getState().add({ kind: 'edge', target: 'flow_charge_ship' });
    store.getState().setCondition('edge', 'flow_charge_ship', '  data.amount > 100 ');
    store.getState().setEnabled('edge', 'flow_charge_ship', false);
    expect(store.getState().breakpoints).toEqual([
      { kind: 'edge', target: 'flow_charge_ship', condition: 'data.amount > 100', enabled: false },
    ]);
    store.getState().setCondition('edge', 'flow_charge_ship', '');
    store.getState().setEnabled('edge', 'flow_charge_ship', true);
    expect(store.getState().breakpoints).toEqual([{ kind: 'edge', target: 'flow_charge_ship' }]);
  });

  it('reads what another window of the same document saved, per document', () => {
    const saved = memory();
    createBreakpointStore('flow-1', saved)
      .getState()
      .add({ kind: 'event', target: 'PaymentFailed' });
    expect(createBreakpointStore('flow-1', saved).getState().breakpoints).toHaveLength(1);
    expect(createBreakpointStore('flow-2', saved).getState().breakpoints).toHaveLength(0);
  });
});
