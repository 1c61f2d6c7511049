// Import kind `workplaces`: the number of workplaces per branch group and year, the denominator of the BFAs' reach
// (METHODS §11: reached workplaces ÷ workplaces in the branch group that year, shown with this source and year).

import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual } from '../texts.js';
import { BRANCH_FIELDS, resolveBranch } from './branch.js';
import type { KindDefinition } from './kind.js';

export const workplacesKind: KindDefinition = {
  kind: 'workplaces',
  table: 'workplaceCount',
  fields: [
    ...BRANCH_FIELDS,
    {
      name: 'year',
      type: 'year',
      required: true,
      aliases: ['aar', 'year', 'tid', 'time_period'],
      ...YEAR_BOUNDS,
    },
    {
      name: 'workplaces',
      type: 'integer',
      required: true,
      aliases: [
        'arbejdspladser',
        'antal_arbejdspladser',
        'arbejdssteder',
        'antal_arbejdssteder',
        'workplaces',
        'number_of_workplaces',
        'value',
        'indhold',
        'obs_value',
      ],
      min: 0,
    },
    { name: 'source', type: 'text', required: false, aliases: ['kilde', 'source'] },
  ],
  columns: ['branch_group_id', 'year', 'workplaces', 'source', 'is_demo'],
  keyColumns: ['branch_group_id', 'year'],
  keyFields: ['branch', 'industryCode', 'year'],
  // workplace_count_uq: one count per branch group and year.
  keyUnique: true,
  build(values, lookups, report) {
    // A count is the whole branch group's: a sub-branch's count would be read as the group's denominator.
    if (typeof values.subBranch === 'string') {
      report(
        'subBranch',
        bilingual(
          'workplace counts are per branch group; leave the sub-branch out',
          'antal arbejdspladser gælder hele branchegruppen; udelad underbranchen',
        ),
      );
      return undefined;
    }
    const branch = resolveBranch(values, lookups, report);
    if (branch === undefined) return undefined;
    return [branch.branchGroupId, values.year, values.workplaces, (values.source as string | null) ?? '', 0];
  },
};
