import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiKeyScope, findApiKey, listExperiments, touchApiKey } from '@uplift/db';
import {
  assignVariant,
  cumulativeWeights,
  HYPOTHESIS_STATUSES,
  MAX_BATCH_BYTES,
  type VariantDefinition,
  ZEventsBatch,
  ZExperimentCreateInput,
  ZReportInput,
} from '@uplift/domain';
import {
  BatchRejected,
  createExperiment,
  type ExperimentScope,
  experimentResults,
  ingestBatch,
  listOffers,
  listPromotions,
  mustGetExperiment,
  putLocations,
  putReport,
  rowsFromCsv,
  ZLocationsUpload,
} from '@uplift/services';
import { z } from 'zod';
import type { Deps } from '../context';
import { HttpError, readJsonBody, readTextBody, sendError, sendJson } from './http';
import { openApiDocument } from './openapi';

type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof findApiKey>>>;
interface Call {
  deps: Deps;
  key: ApiKeyRow;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** `/v1/experiments/{key}/report` style; `{name}` segments become params. */
  path: string;
  scope: ApiKeyScope | ApiKeyScope[];
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  status: number;
  handle: (call: Call) => Promise<unknown>;
}

const ZAssignQuery = z.object({
  experiment: z.string().min(1, 'is required'),
  unit: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
});
const ZOffersQuery = z.object({ experiment: z.string().min(1).optional() });
const ZPromotionsQuery = z.object({ status: z.enum(['PROPOSED', 'APPLIED', 'REJECTED']).optional() });
const ZHypothesesQuery = z.object({
  status: z.enum(HYPOTHESIS_STATUSES).optional(),
  limit: z.coerce.number().int().min(1, 'must be 1–200').max(200, 'must be 1–200').default(50),
  cursor: z.string().optional(),
});

const scopeOf = (call: Call): ExperimentScope => ({
  db: call.deps.db,
  queue: call.deps.queue,
  workspace: call.key.workspace,
  actor: { id: `apikey:${call.key.id}`, email: `api key ${call.key.prefix}… (${call.key.name})` },
});

const body = async <T>(call: Call, schema: z.ZodType<T>, limit = 1024 * 1024) =>
  schema.parse(await readJsonBody(call.req, limit));

export const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v1/assign',
    scope: ['read', 'ingest'],
    summary: "A unit's variant (deterministic: the same answer every time, computable offline)",
    query: ZAssignQuery,
    status: 200,
    handle: async (call) => {
      const q = ZAssignQuery.parse(Object.fromEntries(call.query));
      const experiment = await mustGetExperiment(call.deps.db, call.key.workspaceId, q.experiment);
      const variants = experiment.variants as unknown as VariantDefinition[];
      const index = assignVariant(experiment.seed, q.unit, cumulativeWeights(variants.map((v) => v.weight)));
      return { experiment: experiment.key, unit: q.unit, variant: variants[index]?.key };
    },
  },
  {
    method: 'POST',
    path: '/v1/events',
    scope: 'ingest',
    summary: 'Ingest exposures and conversions (idempotent by event id; all or nothing)',
    body: ZEventsBatch,
    status: 202,
    handle: async (call) => {
      const batch = await body(call, ZEventsBatch, MAX_BATCH_BYTES);
      try {
        return await ingestBatch(call.deps, call.key.workspaceId, batch);
      } catch (error) {
        if (error instanceof BatchRejected) throw new HttpError(error.status, error.message, error.issues);
        throw error;
      }
    },
  },
  {
    method: 'PUT',
    path: '/v1/experiments/{key}/report',
    scope: 'ingest',
    summary: "Cumulative per-variant totals from an email tool's campaign report (replaces the previous one)",
    body: ZReportInput,
    status: 200,
    handle: async (call) => {
      const report = await putReport(
        call.deps,
        call.key.workspaceId,
        call.params.key as string,
        await readJsonBody(call.req, 1024 * 1024),
        {
          kind: 'api',
          by: scopeOf(call).actor.id,
        },
      );
      return { id: report.id, metric: report.metric, createdAt: report.createdAt.toISOString() };
    },
  },
  {
    method: 'PUT',
    path: '/v1/experiments/{key}/locations',
    scope: 'ingest',
    summary:
      'Weekly sales per location of an offline location test (JSON `{ rows, start?, seed? }` or a `text/csv` body with ' +
      'location, week, sales columns; `?start=YYYY-MM-DD`); the first upload proposes the stratified treatment/holdout split',
    body: ZLocationsUpload,
    status: 200,
    handle: async (call) => {
      const csv = String(call.req.headers['content-type'] ?? '').includes('text/csv');
      const body = csv
        ? {
            rows: rowsFromCsv(await readTextBody(call.req, 20 * 1024 * 1024)),
            ...Object.fromEntries(
              ['start', 'seed'].flatMap((k) => (call.query.get(k) ? [[k, call.query.get(k)]] : [])),
            ),
          }
        : await readJsonBody(call.req, 20 * 1024 * 1024);
      return putLocations(call.deps, call.key.workspaceId, call.params.key as string, body);
    },
  },
  {
    method: 'GET',
    path: '/v1/experiments',
    scope: 'read',
    summary: "The workspace's experiments",
    status: 200,
    handle: async (call) => ({
      items: (await listExperiments(call.deps.db, call.key.workspaceId)).map(publicExperiment),
    }),
  },
  {
    method: 'POST',
    path: '/v1/experiments',
    scope: 'write',
    summary: 'Open an experiment for an APPROVED hypothesis (it becomes TESTING); `start: true` runs it at once',
    body: ZExperimentCreateInput,
    status: 201,
    handle: async (call) =>
      publicExperiment(await createExperiment(scopeOf(call), await body(call, ZExperimentCreateInput))),
  },
  {
    method: 'GET',
    path: '/v1/experiments/{key}',
    scope: 'read',
    summary: 'One experiment',
    status: 200,
    handle: async (call) =>
      publicExperiment(await mustGetExperiment(call.deps.db, call.key.workspaceId, call.params.key as string)),
  },
  {
    method: 'GET',
    path: '/v1/experiments/{key}/results',
    scope: 'read',
    summary: 'The latest evaluation: analysis (as `uplift analyze` prints it), guardrails, decision, progress',
    status: 200,
    handle: (call) => experimentResults(call.deps.db, call.key.workspaceId, call.params.key as string),
  },
  {
    method: 'GET',
    path: '/v1/hypotheses',
    scope: 'read',
    summary: 'Hypotheses of the workspace, newest first, optionally by status; paged by `nextCursor`',
    query: ZHypothesesQuery,
    status: 200,
    handle: async (call) => {
      const q = ZHypothesesQuery.parse(Object.fromEntries(call.query));
      const rows = await call.deps.db.hypothesis.findMany({
        where: { workspaceId: call.key.workspaceId, ...(q.status ? { status: q.status } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: q.limit + 1,
        ...(q.cursor ? { cursor: { id: q.cursor }, skip: 0 } : {}),
      });
      const page = rows.slice(0, q.limit);
      return {
        items: page.map((h) => ({
          id: h.id,
          title: h.title,
          status: h.status,
          channel: h.channel,
          roi: h.roi,
          statement: h.statement,
          segment: h.segment,
          offer: h.offer,
          funnelStage: h.funnelStage,
          baselineRate: h.baselineRate,
          expectedLift: h.expectedLift,
          createdAt: h.createdAt.toISOString(),
        })),
        nextCursor: rows.length > q.limit ? (rows[q.limit]?.id ?? null) : null,
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/offers',
    scope: 'read',
    summary: 'Offers on the channel ladder with their experiments per rung (filter `?experiment=KEY`)',
    query: ZOffersQuery,
    status: 200,
    handle: async (call) => {
      const q = ZOffersQuery.parse(Object.fromEntries(call.query));
      const offers = await listOffers(call.deps.db, call.key.workspaceId, q);
      return {
        items: offers.map((o) => ({
          id: o.id,
          name: o.name,
          rung: o.rung,
          state: o.state,
          hypothesisId: o.hypothesisId,
          experiments: o.experiments.map((e) => ({
            key: e.key,
            channel: e.channel,
            status: e.status,
            decision: e.outcome,
            design: e.design,
          })),
        })),
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/promotions',
    scope: 'read',
    summary: 'Promotion (and demotion) proposals with their evidence; approvals happen in the UI',
    query: ZPromotionsQuery,
    status: 200,
    handle: async (call) => {
      const q = ZPromotionsQuery.parse(Object.fromEntries(call.query));
      const rows = await listPromotions(call.deps.db, call.key.workspaceId, q.status);
      const keys = new Map(
        (
          await call.deps.db.experiment.findMany({
            where: { id: { in: rows.map((r) => r.experimentId) } },
            select: { id: true, key: true },
          })
        ).map((e) => [e.id, e.key]),
      );
      return {
        items: rows.map((p) => ({
          id: p.id,
          offerId: p.offerId,
          kind: p.kind,
          from: p.fromRung,
          to: p.toRung,
          status: p.status,
          experimentKey: keys.get(p.experimentId) ?? null,
          evidence: p.evidence,
          segments: p.segments,
          decidedBy: p.decidedByEmail,
          decidedAt: p.decidedAt?.toISOString() ?? null,
          createdAt: p.createdAt.toISOString(),
        })),
      };
    },
  },
];

function publicExperiment(e: Awaited<ReturnType<typeof mustGetExperiment>>) {
  return {
    id: e.id,
    key: e.key,
    name: e.name,
    hypothesisId: e.hypothesisId,
    channel: e.channel,
    status: e.status,
    seed: e.seed,
    variants: e.variants,
    metrics: e.metrics,
    analysis: e.analysis,
    plannedUsers: e.plannedUsers,
    segmentAttribute: e.segmentAttribute,
    outcome: e.outcome,
    startedAt: e.startedAt?.toISOString() ?? null,
    endedAt: e.endedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

const compiled = ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

async function authenticate(deps: Deps, req: IncomingMessage) {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const challenge = { 'www-authenticate': 'Bearer realm="uplift"' };
  if (!match) throw new HttpError(401, 'Send an API key: "Authorization: Bearer <key>".', undefined, challenge);
  const key = await findApiKey(deps.db, match[1] as string);
  if (!key) throw new HttpError(401, 'Unknown or revoked API key.', undefined, challenge);
  void touchApiKey(deps.db, key.id).catch(() => {});
  return key;
}

/** The REST surface for email tools, websites and stores: `/v1/*`, authenticated by workspace API keys. */
export async function handleV1(deps: Deps, req: IncomingMessage, res: ServerResponse) {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/v1/openapi.json') return sendJson(res, 200, openApiDocument());
    const matches = compiled.filter((c) => c.pattern.test(url.pathname));
    if (!matches.length) throw new HttpError(404, `No route for ${req.method} ${url.pathname}; see /v1/openapi.json.`);
    const hit = matches.find((c) => c.route.method === req.method);
    if (!hit) {
      const allowed = matches.map((c) => c.route.method).join(', ');
      throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}; use ${allowed}.`, undefined, {
        allow: allowed,
      });
    }
    const key = await authenticate(deps, req);
    const needed = ([] as ApiKeyScope[]).concat(hit.route.scope);
    if (!needed.some((s) => key.scopes.includes(s))) {
      throw new HttpError(
        403,
        `This API key lacks the "${needed.join('" or "')}" scope (it has: ${key.scopes.join(', ') || 'none'}).`,
      );
    }
    const params = (hit.pattern.exec(url.pathname)?.groups ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(params)) params[k] = decodeURIComponent(v);
    const result = await hit.route.handle({ deps, key, req, params, query: url.searchParams });
    sendJson(res, hit.route.status, result);
  } catch (error) {
    // Drain what is left of an upload we refused, unless it is too large to bother.
    if (!(error instanceof HttpError && error.status === 413)) req.resume();
    sendError(res, error);
  }
}
