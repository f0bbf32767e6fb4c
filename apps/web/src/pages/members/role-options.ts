import { ROLES } from '@uplift/domain';
import { humanize } from '../../lib/format';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: humanize(r) }));
