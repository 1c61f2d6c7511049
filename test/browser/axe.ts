// Test helper: run every axe-core rule (WCAG 2.x A/AA and AAA where axe enables it, and the best practices) on the
// page a browser shows, and list the violations with the first offending elements.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE: string = createRequire(import.meta.url)('axe-core').source;

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, which the site's content security policy (no inline script)
  // rightly does not let a <script> element do.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')})`,
    );
  });
}
