// `maaltal industry-codes unmapped` lists the industry codes of accident records that no branch group covers yet;
// `maaltal industry-codes map CODE --branch B` maps one, moving its records into the branch group's figures.
import { type Command, flag, stringOption } from '../cli/command.js';
import { actorOf } from '../cli/run.js';
import { usageError } from '../errors.js';
import { formatNumber } from '../format.js';
import { protectAfterChange } from './disclosure.commands.js';
import { listUnmappedCodes, mapIndustryCode, type UnmappedCode } from './industry-codes.service.js';

function line(entry: UnmappedCode): string {
  const years =
    entry.firstYear === entry.lastYear ? `${entry.firstYear}` : `${entry.firstYear}-${entry.lastYear}`;
  return [
    `${entry.classification} ${entry.code}`.padEnd(16),
    formatNumber(entry.records, 'en').padStart(8),
    ' records  ',
    years.padEnd(10),
    (entry.mainGroup ?? '(main group unknown)').padEnd(26),
    entry.titleDa ?? '',
    `  [written ${entry.spellings.join(', ')}; batches ${entry.batchIds.join(', ')}]`,
  ].join('');
}

export const industryCodeCommands: Command[] = [
  {
    name: 'industry-codes unmapped',
    summary: 'list the industry codes of accident records that no branch group covers yet (to map them)',
    usage: '[--json]',
    // Record counts per code, before disclosure control.
    permission: 'data.unsuppressed',
    options: { json: { type: 'boolean', description: 'print JSON' } },
    async run(context, args) {
      const codes = await listUnmappedCodes((await context.store()).db);
      if (flag(args, 'json')) {
        context.stdout.write(`${JSON.stringify(codes, null, 2)}\n`);
        return 0;
      }
      for (const entry of codes) context.stdout.write(`${line(entry)}\n`);
      const records = codes.reduce((sum, entry) => sum + entry.records, 0);
      context.stdout.write(
        codes.length === 0
          ? 'Every accident record has a branch group\n'
          : `${codes.length} code(s), ${formatNumber(records, 'en')} record(s) without a branch group: counted nationally and in their main group; map them with \`maaltal industry-codes map CODE --branch B\`\n`,
      );
      return 0;
    },
  },
  {
    name: 'industry-codes map',
    summary: 'map an industry code to a branch group; its accident records move into the branch group',
    usage: 'CODE --branch B [--classification DB07|DB25]',
    permission: 'data.import',
    positionals: [{ name: 'CODE', description: 'the industry code (45.20, 4520 or 45)', required: true }],
    options: {
      branch: { type: 'string', value: 'B', description: 'the branch group code' },
      classification: { type: 'string', value: 'C', description: 'DB07 (default) or DB25' },
    },
    async run(context, args) {
      const code = args.positionals[0] as string;
      const branch = stringOption(args, 'branch');
      if (branch === undefined)
        throw usageError('Missing option', [
          { field: '--branch', message: 'is required', messageDa: 'skal angives' },
        ]);
      const classification = stringOption(args, 'classification');
      const store = await context.store();
      const mapped = await mapIndustryCode(store.db, {
        code,
        branch,
        ...(classification === undefined ? {} : { classification }),
        ...(await actorOf(context)),
      });
      context.stdout.write(
        `${mapped.classification} ${mapped.code} now maps to ${mapped.branch}: ${formatNumber(mapped.moved, 'en')} accident record(s) moved into it${mapped.batchIds.length > 0 ? ` (batches ${mapped.batchIds.join(', ')})` : ''}\n`,
      );
      return mapped.moved > 0 ? protectAfterChange(store.db, context.stderr, context.now) : 0;
    },
  },
];
