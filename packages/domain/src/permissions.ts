import type { Role } from './enums';
import { DomainError } from './errors';

/**
 * The one permission table: who may do what inside a workspace. Every tRPC procedure names one action
 * and the API checks it in middleware (apps/api/src/trpc.ts); nothing else decides access.
 */
export const PERMISSIONS = {
  'workspace.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'workspace.settings': ['PRODUCT_OWNER', 'ADMIN'],
  'member.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'member.manage': ['ADMIN'],
  'hypothesis.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'hypothesis.create': ['MARKETER', 'PRODUCT_OWNER'],
  'hypothesis.edit': ['MARKETER', 'PRODUCT_OWNER'],
  'hypothesis.submit': ['MARKETER', 'PRODUCT_OWNER'],
  'hypothesis.decide': ['PRODUCT_OWNER'],
  'hypothesis.pin': ['PRODUCT_OWNER'],
  'audit.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'experiment.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'experiment.create': ['MARKETER', 'PRODUCT_OWNER'],
  'experiment.start': ['MARKETER', 'PRODUCT_OWNER'],
  'experiment.import': ['MARKETER', 'PRODUCT_OWNER'],
  'experiment.stop': ['PRODUCT_OWNER'],
  'experiment.confirm': ['PRODUCT_OWNER'],
  'notification.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'ladder.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  'ladder.settings': ['PRODUCT_OWNER', 'ADMIN'],
  'promotion.decide': ['PRODUCT_OWNER'],
  'readiness.check': ['PRODUCT_OWNER'],
  'learning.read': ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'],
  // Who else may: the use case lets a marketer record only on the experiments they created (recordLearning).
  'learning.record': ['MARKETER', 'PRODUCT_OWNER', 'ADMIN'],
  'apikey.manage': ['ADMIN'],
  'webhook.manage': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export function assertCan(role: Role, action: Action): void {
  if (!can(role, action)) {
    const allowed = PERMISSIONS[action].map((r) => r.toLowerCase().replace('_', ' ')).join(', ');
    throw new DomainError(
      'FORBIDDEN',
      `Your role (${role.toLowerCase().replace('_', ' ')}) may not do ${action}; allowed: ${allowed}.`,
    );
  }
}

/** Every action a role may take — sent to the web app so it hides buttons the API would refuse. */
export function actionsFor(role: Role): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}
