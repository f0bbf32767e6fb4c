import { parseApprovedInputs } from '@uplift/db';
import { allowedNext, approvedRoiDiffers, roiBreakdown, ZRoiInput } from '@uplift/domain';
import type { ActingScope } from '../acting';
import type { ServiceDeps } from '../deps';
import { mustGetHypothesis, pick, ROI_FIELDS } from './write-and-rerank';

/**
 * One hypothesis with how its ROI adds up, the ROI it was approved on (null before an approval froze one), and
 * where its lifecycle may go next.
 */
export async function hypothesisDetail(
  deps: Pick<ServiceDeps, 'db'>,
  { workspace }: Pick<ActingScope, 'workspace'>,
  input: { id: string },
) {
  const h = await mustGetHypothesis(deps, workspace.id, input.id);
  const inputs = ZRoiInput.parse({ ...pick(h, ROI_FIELDS), horizonMonths: h.horizonMonths });
  const frozen = parseApprovedInputs(h);
  const atApproval =
    frozen && h.approvedAt ? { ...frozen, approvedAt: h.approvedAt, differs: approvedRoiDiffers(frozen, h) } : null;
  return {
    ...h,
    approvedInputs: frozen,
    atApproval,
    breakdown: roiBreakdown(inputs, h),
    allowedNext: allowedNext(h.status),
  };
}
