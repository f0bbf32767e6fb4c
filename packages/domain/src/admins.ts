import type { Role } from './enums';
import { DomainError } from './errors';

/**
 * A workspace keeps at least one admin: demoting or removing a member (`nextRole` null = removed) is refused
 * when that member is an admin and no other admin remains.
 */
export function assertAdminRemains(member: { role: Role }, nextRole: Role | null, otherAdmins: number): void {
  if (member.role !== 'ADMIN' || nextRole === 'ADMIN') return;
  if (otherAdmins < 1) throw new DomainError('CONFLICT', 'A workspace needs at least one admin.', 'role');
}
