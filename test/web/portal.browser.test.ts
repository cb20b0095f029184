import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, type RunningBrowser } from './support/browser.js';
import { collectPageErrors, publishScreenshot, screenshot } from './support/pages.js';
import { PASSWORD, PERSON, startWebServer, type WebServer } from './support/web-server.js';

async function logIn(page: Page, server: WebServer): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Identifier', { exact: true }).fill(PERSON.identifier);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'My standing' }).waitFor();
}

describe('the subject portal in a real browser', () => {
  let server: WebServer;
  let browser: RunningBrowser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an unauthenticated visitor is sent to a login form instead of the portal or the console', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/portal`);
    await page.getByRole('heading', { level: 1, name: 'Log in to see your file' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByText('My standing').count()).resolves.toBe(0);

    await page.goto(`${server.url}/console/clients`);
    await page.getByRole('heading', { level: 1, name: 'Operator console' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console/clients');
    await expect(page.getByRole('heading', { name: 'Clients' }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a wrong password is refused with a message and no session', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Identifier', { exact: true }).fill(PERSON.identifier);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The identifier or the password is wrong.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('a subject logs in, sees its standing, its records in plain words and why a flight was refused', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Identifier', { exact: true }).fill(PERSON.identifier);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'My standing' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/portal');

    // Who checked me: the airline, refused, and the reason names the list and the court record.
    const checks = page.getByRole('region', { name: 'Checks of my standing' });
    const refusal = checks.getByRole('row').filter({ hasText: 'Example Airlines' });
    await expect(refusal.textContent()).resolves.toContain('Denied');
    await expect(refusal.textContent()).resolves.toMatch(/because you are on the/);
    const recordLink = refusal.getByRole('link', { name: 'Able to perform a judgment but refuses' });
    const recordId = ((await recordLink.getAttribute('href')) ?? '').replace('#record-', '');
    expect(recordId).toMatch(/^rec_/);

    // Who else opened the file: the operators' lookups have a section of their own.
    await page.getByRole('heading', { name: /^Who opened my file \(\d+\)$/ }).waitFor();

    // The record the denial rests on, explained: its rule, its points and until when it counts.
    await recordLink.click();
    const record = page.locator(`#record-${recordId}`);
    await expect(record.textContent()).resolves.toMatch(/Counts −100 points under rule defaulter-refuses until/);
    await expect(page.getByText('Fulfilled: now counts').count()).resolves.toBe(1);

    // Points over time: the chart and its table carry every step.
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByText('Show the points over time as a table').click();
    await expect(page.getByRole('region', { name: 'Points over time' }).getByRole('row').count()).resolves.toBeGreaterThan(4);

    // Every event about my records is proven in the signed log, checked in the browser.
    await page.getByRole('button', { name: 'Verify my records in my browser' }).click();
    await page.getByRole('status').filter({ hasText: /All \d+ events about your records are in the log/ }).waitFor();
    const verdicts = await page.getByRole('region', { name: 'Events about my records and their proofs' }).getByRole('row').allTextContents();
    expect(verdicts.slice(1).every((v) => v.includes('Included'))).toBe(true);
    expect(verdicts.length).toBeGreaterThan(4);

    await page.evaluate('window.scrollTo(0, 0)');
    const file = await screenshot(page, 'subject-portal');
    publishScreenshot(file, 'subject-portal');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a subject issues an attestation, sees it listed, verifies it in the browser and revokes it', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await logIn(page, server);
    const section = page.getByRole('region', { name: 'Signed attestations' });
    await section.getByLabel('Valid for (days)').fill('14');
    await section.getByLabel('For whom (optional)').fill('Landlord Wang');
    await section.getByRole('button', { name: 'Issue and sign' }).click();
    const token = (await section.getByTestId('attestation-token').textContent()) ?? '';
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The same token as a QR code, with a text alternative.
    await section.getByRole('img', { name: 'QR code holding the attestation token shown above as text' }).waitFor();
    const listed = section.getByRole('table', { name: 'Attestations I issued (1)' }).getByRole('row').filter({ hasText: 'Landlord Wang' });
    await expect(listed.textContent()).resolves.toMatch(/grade [A-D]+, \d+-\d+ points, on a black list.*Active/);
    expect(await seriousViolations(page)).toEqual([]);

    // Verified here with the published keys: for the landlord it is valid; for anyone else it is not.
    const verifier = section.getByRole('form', { name: 'Verify an attestation' });
    await verifier.getByLabel('Attestation token').fill(token);
    await verifier.getByLabel(/My name as audience/).fill('Landlord Wang');
    await verifier.getByRole('button', { name: 'Verify in my browser' }).click();
    await verifier.getByRole('status').filter({ hasText: /^✓ Valid: signed by the registry with key .+ Not revoked\.$/ }).waitFor();
    await verifier.getByLabel(/My name as audience/).fill('Someone else');
    await verifier.getByRole('button', { name: 'Verify in my browser' }).click();
    await verifier.getByRole('alert').filter({ hasText: 'Not valid: it was addressed to someone else.' }).waitFor();
    await screenshot(page, 'subject-attestations');

    await listed.getByRole('button', { name: /^Revoke the attestation issued on / }).click();
    await listed.filter({ hasText: /Revoked on/ }).waitFor();
    await expect(listed.getByRole('button').count()).resolves.toBe(0);
    await verifier.getByLabel(/My name as audience/).fill('Landlord Wang');
    await verifier.getByRole('button', { name: 'Verify in my browser' }).click();
    await verifier.getByRole('status').filter({ hasText: /Revoked on .+ do not rely on it/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('works at phone width: nothing overflows the screen sideways', async () => {
    const page = await browser.browser.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Identifier', { exact: true }).fill(PERSON.identifier);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'My standing' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'subject-portal-phone');
  });
});
