// Test helper: run axe-core's WCAG 2.1 A/AA rules on the page a browser shows, and list the violations.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

interface AxeResult {
  violations: { id: string; help: string; nodes: unknown[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, which the site's content security policy (no inline script)
  // rightly does not let a <script> element do.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}
