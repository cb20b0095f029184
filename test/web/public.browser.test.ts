import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser.js';
import { seriousViolations } from './support/axe.js';
import { collectPageErrors, screenshot } from './support/pages.js';
import { ORGANIZATION, startWebServer, type WebServer } from './support/web-server.js';

describe('public pages in a real browser', () => {
  let server: WebServer;
  let browser: RunningBrowser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the landing page says what Credence is and what it refuses, with no serious accessibility violation', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'A credit registry that shows its work' }).waitFor();
    await expect(page.getByRole('heading', { name: 'What Credence refuses, by design' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('No public shaming').isVisible()).resolves.toBe(true);
    // The latest checkpoint, its Ed25519 signature checked by the core's code in this browser.
    await page.getByRole('status').filter({ hasText: 'Signature verified in your browser' }).waitFor();
    await expect(page.getByTestId('checkpoint-size').textContent()).resolves.toMatch(/^[\d,]+ events$/);
    await screenshot(page, 'landing');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the rulebook shows every rule with its points, term and source, and the search narrows it', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/rulebook`);
    const rule = page.locator('#rule-defaulter-refuses');
    await rule.waitFor();
    await expect(rule.textContent()).resolves.toMatch(/−100 points.*5 yr.*SPC Provisions/);
    await expect(page.locator('tr[id^="rule-"]').count()).resolves.toBeGreaterThan(40);
    await screenshot(page, 'rulebook', false);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Search the rulebook').fill('littering');
    await page.waitForFunction(`document.querySelectorAll('tr[id^="rule-"]').length === 1`);
    await expect(page.locator('#rule-public-order-littering').isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('an organization looked up by its code shows its public profile; a person has none', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/organizations`);
    await page.getByLabel('Unified social credit code').fill(ORGANIZATION.identifier);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('heading', { name: `Public profile of ${ORGANIZATION.identifier}` }).waitFor();
    expect(page.url()).toBe(`${server.url}/organizations/${ORGANIZATION.identifier}`);
    await expect(page.getByRole('region', { name: 'Records that count now' }).textContent()).resolves.toMatch(/points/);
    await screenshot(page, 'organization');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${server.url}/organizations/11010519491231002X`);
    await page.getByRole('alert').filter({ hasText: 'persons have no public profile' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('switches to Simplified Chinese and keeps the choice across pages', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Language').selectOption('zh');
    await page.getByRole('heading', { level: 1, name: '一个把依据摆在明处的信用登记系统' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('link', { name: '规则手册', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '公开的规则手册' }).waitFor();
    await screenshot(page, 'rulebook-zh', false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'The published rulebook' }).waitFor();
  });
});
