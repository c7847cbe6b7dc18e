// The balance report as a Markdown table: what `npm run balance` prints and what the README shows, from one function.
import { SOURCE_ORIGINS } from '../schemas/enums.js';
import type { Balance } from './balance.js';

export function balanceTable(balance: Balance): string {
  const { concerns, sources_by_origin: origins } = balance;
  const rows = [
    '| concerns | events | statistics | claims |',
    '| --- | ---: | ---: | ---: |',
    ...(['azerbaijanis', 'armenians', 'neither'] as const).map((key) => {
      const c = concerns[key];
      return `| ${key} | ${c.events} | ${c.statistics} | ${c.claims} |`;
    }),
    '',
    '| source origin | sources |',
    '| --- | ---: |',
    ...SOURCE_ORIGINS.map((o) => `| ${o} | ${origins[o]} |`),
  ];
  return `${rows.join('\n')}\n`;
}
