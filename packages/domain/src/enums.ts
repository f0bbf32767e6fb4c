/** The closed vocabularies of the backlog, shared by every app. Mirrors the enums in schema.prisma. */
export const ROLES = ['MARKETER', 'PRODUCT_OWNER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const FUNNEL_STAGES = [
  'AD',
  'LANDING',
  'REGISTRATION',
  'ONBOARDING',
  'SALES_CALL',
  'DEMO',
  'PAYMENT',
  'RETENTION',
  'CROSS_SELL',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const CHANNELS = ['EMAIL', 'BANNER', 'OFFLINE', 'PUSH', 'SMS'] as const;
export type Channel = (typeof CHANNELS)[number];

export const HYPOTHESIS_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'TESTING',
  'WON',
  'LOST',
  'INCONCLUSIVE',
  'ARCHIVED',
] as const;
export type HypothesisStatus = (typeof HYPOTHESIS_STATUSES)[number];

/** "ab": units randomised one by one; "rollout": a rung rolled out with a holdout. */
export const EXPERIMENT_DESIGNS = ['ab', 'rollout'] as const;
export type ExperimentDesign = (typeof EXPERIMENT_DESIGNS)[number];

export const REPORT_SOURCES = ['api', 'csv'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
