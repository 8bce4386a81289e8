import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** One serious or critical axe finding, short enough to read in a test failure. */
export interface Finding {
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page in light and dark; serious and critical findings. */
export async function seriousFindings(page: Page, include?: string): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (include) builder = builder.include(include);
    const result = await builder.analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      out.push({
        rule: `${scheme}: ${v.id}`,
        impact: v.impact,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? v.help,
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}
