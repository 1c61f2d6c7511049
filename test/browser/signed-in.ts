// Test helper for browser suites of the editor area: a page signed in as a new user of a role (with the audit
// context to write as that user), and axe run on a page with every folded <details> opened, so that what they
// hold is checked too.
import type { Page } from 'playwright-core';
import type { AuditContext } from '../../src/audit/audit.service.js';
import type { Role } from '../../src/auth/policy.js';
import { makeUser, principalOfUser, sessionOf } from '../accounts.js';
import { axeViolations } from './axe.js';
import type { BrowserSite } from './site.js';

/** A new user of the role, its audit context, and a new page of the site's browser signed in as the user. */
export async function signedInPage(
  site: BrowserSite,
  role: Role,
): Promise<{ audit: AuditContext; page: Page }> {
  const user = await makeUser(site.store, role);
  const audit: AuditContext = { principal: principalOfUser(user), requestId: null, clientAddress: 'test' };
  const { cookie } = await sessionOf(site.store, user);
  const page = await site.browser.newPage();
  const [name = '', value = ''] = cookie.split('=');
  await page.context().addCookies([{ name, value, url: site.url('/') }]);
  return { audit, page };
}

const OPEN_DETAILS = `document.querySelectorAll('details').forEach((d) => { d.open = true; })`;

/** The axe violations of the page at `url`, every <details> opened. */
export async function violationsWithDetailsOpen(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await page.evaluate(OPEN_DETAILS);
  return axeViolations(page);
}
