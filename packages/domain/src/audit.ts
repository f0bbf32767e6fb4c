import { z } from 'zod';
import { text } from './zod-safe';

/** What the audit log records changes of. */
export const AUDIT_ENTITY_TYPES = [
  'hypothesis',
  'workspace',
  'membership',
  'experiment',
  'apiKey',
  'webhook',
  'offer',
  'invitation',
  'learning',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const ZAuditQuery = z.object({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: text().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type AuditQuery = z.input<typeof ZAuditQuery>;
