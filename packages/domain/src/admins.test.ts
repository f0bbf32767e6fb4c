import { describe, expect, it } from 'vitest';
import { assertAdminRemains } from './admins';

describe('assertAdminRemains', () => {
  it('refuses demoting or removing the last admin', () => {
    expect(() => assertAdminRemains({ role: 'ADMIN' }, 'ANALYST', 0)).toThrow('at least one admin');
    expect(() => assertAdminRemains({ role: 'ADMIN' }, null, 0)).toThrow('at least one admin');
  });

  it('allows it when one other admin remains', () => {
    expect(() => assertAdminRemains({ role: 'ADMIN' }, 'MARKETER', 1)).not.toThrow();
    expect(() => assertAdminRemains({ role: 'ADMIN' }, null, 1)).not.toThrow();
  });

  it('never blocks keeping the admin role, or changing a non-admin', () => {
    expect(() => assertAdminRemains({ role: 'ADMIN' }, 'ADMIN', 0)).not.toThrow();
    expect(() => assertAdminRemains({ role: 'ANALYST' }, null, 0)).not.toThrow();
    expect(() => assertAdminRemains({ role: 'PRODUCT_OWNER' }, 'MARKETER', 0)).not.toThrow();
  });
});
