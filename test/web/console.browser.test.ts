import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OversightView } from '../../web/src/api/wire.js';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, type RunningBrowser } from './support/browser.js';
import { collectPageErrors, publishScreenshot, screenshot } from './support/pages.js';
import { startWebServer, type WebServer } from './support/web-server.js';

/** The oversight figures and their three charts (grades, lists over time, checks) have rendered. */
async function waitForFigures(page: Page): Promise<void> {
  await page.getByTestId('subjects-total').waitFor();
  await page.locator('.recharts-surface').nth(2).waitFor();
}

async function logInAsOperator(page: Page, server: WebServer, key: string, next = '/console'): Promise<void> {
  await page.goto(`${server.url}/console/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Operator API key').fill(key);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname === next);
}

describe('the operator console in a real browser', () => {
  let server: WebServer;
  let browser: RunningBrowser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a key that is not an operator’s', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/console/login`);
    await page.getByLabel('Operator API key').fill(server.keys.airline);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'not a valid operator key' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });

  it('an operator sees the dashboard, registers a client whose key is shown once, and revokes that key', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await logInAsOperator(page, server, server.keys.operator);
    await page.getByRole('heading', { level: 1, name: 'Oversight dashboard' }).waitFor();
    await page.getByText('Relying party', { exact: true }).waitFor();
    await waitForFigures(page);
    const file = await screenshot(page, 'operator-dashboard');
    publishScreenshot(file, 'operator-dashboard');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByLabel('Client id').fill('hotel-chain');
    await page.getByLabel('Name', { exact: true }).fill('Example Hotel Chain');
    await page.getByLabel('Role').selectOption('relying_party');
    await page.getByLabel('Actions it may ask about').selectOption(['hotel.booking']);
    await page.getByLabel('Purposes').fill('room-booking');
    await page.getByRole('button', { name: 'Register and issue a key' }).click();
    const secret = page.getByTestId('secret');
    await expect(secret.textContent()).resolves.toMatch(/^crd_live_/);
    const row = page.getByRole('row').filter({ hasText: 'Example Hotel Chain' });
    await row.waitFor();
    await screenshot(page, 'operator-clients');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(secret.count()).resolves.toBe(0);

    await row.getByRole('button', { name: /^Revoke key crd_live_/ }).click();
    await row.getByText(/revoked/).waitFor();
    expect(errors).toEqual([]);
  });

  it('the dashboard shows the registry’s oversight figures, each chart with its numbers in a table', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    const api = await server.app.inject({ method: 'GET', url: '/v1/oversight', headers: { authorization: `Bearer ${server.keys.operator}` } });
    const figures = api.json<OversightView>();
    await logInAsOperator(page, server, server.keys.operator);
    await waitForFigures(page);
    const number = (n: number) => n.toLocaleString('en');
    await expect(page.getByTestId('subjects-total').textContent()).resolves.toContain(number(figures.subjects.total));
    // Grades: every grade's count, in the table beside the chart.
    const grades = page.getByRole('table', { name: 'Grade distribution' });
    for (const g of figures.grades) await grades.getByRole('row', { name: new RegExp(`^${g.grade} ${number(g.subjects)} `) }).waitFor();
    // Lists now, and the person furnished as a defaulter 125 days ago is on the list throughout the 90-day series.
    const defaulters = page.getByTestId('list-judgment-defaulters');
    const size = figures.lists.find((l) => l.listId === 'judgment-defaulters')?.subjects ?? 0;
    expect(size).toBeGreaterThan(0);
    await expect(defaulters.textContent()).resolves.toContain(`Dishonest judgment defaulters${number(size)}`);
    await page.getByText('Show the daily list sizes as a table').click();
    await expect(page.getByRole('region', { name: 'Show the daily list sizes as a table' }).getByRole('row').count()).resolves.toBe(91);
    // The airline's refused flight, by sector and action.
    await expect(page.getByTestId('checks-total').textContent()).resolves.toBe(`Checks: ${figures.checks.total}; denied: ${figures.checks.denials}.`);
    await page.getByRole('table', { name: /Checks and denials/ }).getByRole('row').filter({ hasText: 'aviation.ticket.purchase' }).filter({ hasText: '100.0%' }).waitFor();
    await expect(page.getByTestId('dispute-figures').isVisible()).resolves.toBe(true);
    // The language switch reaches the figures too.
    await page.getByTestId('language-switch').selectOption('zh');
    await page.getByRole('heading', { name: '等级分布' }).first().waitFor();
    await page.getByTestId('language-switch').selectOption('en');
    // At phone width the figures reflow: nothing overflows the screen sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('heading', { name: 'Grade distribution' }).waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Appeals and restorations' }).first().click();
    await page.getByRole('heading', { name: /^Appeals awaiting a decision/ }).waitFor();
    await expect(page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'operator-appeals-phone');
    expect(errors).toEqual([]);
  });

  it('a draft with an error shows it at its line; a valid draft is previewed, approved by a second operator and published', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await logInAsOperator(page, server, server.keys.operator, '/console/rulebooks');
    const editor = page.getByLabel('Rulebook (YAML)');
    const current = await editor.inputValue();
    expect(current).toMatch(/^version: "2026\.1"$/m);

    // A new version that weighs a refused judgment more, first with a typo in one rule.
    const draft = current.replace(/^version: .*$/m, 'version: "2026.2"')
      .replace(/(- id: defaulter-refuses\n\s+type: court\.defaulter\.refuses_to_perform\n\s+points: )-100/, '$1-150');
    const broken = draft.replace(/(- id: defaulter-refuses\n\s+type: court\.defaulter\.refuses_to_perform\n\s+points: )-150/, '$1lots');
    const badLine = broken.split('\n').findIndex((l) => l.includes('points: lots')) + 1;
    await editor.fill(broken);
    await page.getByRole('button', { name: 'Validate and save draft' }).click();
    const issue = page.getByRole('button', { name: new RegExp(`^Line ${badLine}, column \\d+:`) });
    await issue.waitFor();
    await issue.click();
    // The issue moved the focus into the editor, with the caret on the line.
    const caretLine = await page.evaluate(`(({ value, selectionStart }) => value.slice(0, selectionStart).split('\\n').length)(document.activeElement)`);
    expect(caretLine).toBe(badLine);
    await screenshot(page, 'operator-draft-error', false);

    await editor.fill(draft);
    await page.getByRole('button', { name: 'Validate and save draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Draft 2026.2' }).waitFor();
    await page.getByRole('button', { name: 'Preview the impact' }).click();
    await expect(page.getByTestId('grade-changed').textContent()).resolves.toBe('1');
    await page.getByRole('table', { name: 'Grade changes' }).getByRole('row', { name: 'B C 1' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'operator-draft-preview');
    expect(await seriousViolations(page)).toEqual([]);

    // The author cannot approve; a second operator can, and then it can be published.
    await page.getByRole('button', { name: 'Approve as second operator' }).click();
    await page.getByRole('alert').filter({ hasText: 'another operator must approve' }).waitFor();
    await expect(page.getByRole('button', { name: 'Publish' }).isDisabled()).resolves.toBe(true);

    await page.getByRole('button', { name: /^Sign out/ }).click();
    await logInAsOperator(page, server, server.keys.operator2, '/console/rulebooks/2026.2');
    await page.getByRole('button', { name: 'Approve as second operator' }).click();
    await page.getByTestId('approval-state').filter({ hasText: 'Approved by a second operator' }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2026.2 is now in force' }).waitFor();

    await page.goto(`${server.url}/rulebook`);
    await page.getByText('Version 2026.2').waitFor();
    await expect(page.locator('#rule-defaulter-refuses').textContent()).resolves.toContain('−150 points');
    expect(errors).toEqual([]);
  });
});
