import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchBrowser, type RunningBrowser } from './support/browser.js';
import { collectPageErrors, screenshot } from './support/pages.js';
import { ORGANIZATION, PASSWORD, PERSON, startWebServer, type WebServer } from './support/web-server.js';

const JUDGMENT = 'Able to perform a judgment but refuses';

async function logInAsSubject(page: Page, server: WebServer, subject: { readonly scheme: string; readonly identifier: string } = PERSON): Promise<void> {
  await page.goto(`${server.url}/login`);
  if (subject.scheme === 'cn-uscc') await page.getByLabel('Identifier type').selectOption('cn-uscc');
  await page.getByLabel('Identifier', { exact: true }).fill(subject.identifier);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'My standing', exact: true }).waitFor();
}

/** The wrongly-listed case, in the browser: refused a flight, the person disputes, appeals, and an operator removes the record. */
describe('due process in a real browser', () => {
  let server: WebServer;
  let browser: RunningBrowser;
  const api = async (key: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await server.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<Record<string, unknown>>();
  };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a subject disputes the record a denial rests on, follows the timeline, appeals, and an operator removes the record', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await logInAsSubject(page, server);

    // The airline's refusal and the record it rests on.
    const refusal = page.getByRole('region', { name: 'Checks of my standing' }).getByRole('row').filter({ hasText: 'Example Airlines' });
    await expect(refusal.textContent()).resolves.toContain('Denied');
    await refusal.getByRole('link', { name: JUDGMENT }).click();

    // Dispute it, with a receipt as evidence.
    await page.getByRole('button', { name: new RegExp(`^Dispute this record\\W+${JUDGMENT}$`) }).click();
    const form = page.getByRole('form', { name: `Dispute “${JUDGMENT}”` });
    await form.getByLabel('Why is this record wrong?').fill('I paid the court fee; it was booked against another case number.');
    await form.getByLabel('Evidence (optional)').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('Receipt 2026-0042: 120000 yuan paid') });
    await form.getByRole('button', { name: 'Send the dispute' }).click();

    const disputes = page.getByRole('region', { name: /^My disputes/ });
    const dispute = disputes.getByRole('article', { name: `Dispute of “${JUDGMENT}”` });
    await dispute.getByText('You disputed it: I paid the court fee').waitFor();
    await dispute.getByText(/Chaoyang District People’s Court must answer by .+, or the record stops counting then\./).waitFor();
    await dispute.getByText('receipt.txt').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'subject-dispute-open');

    // The court confirms the record (over its API); the subject sees the answer and appeals.
    const queue = await api(server.keys.court, 'GET', '/v1/furnisher/disputes') as { disputes: { id: string; grounds: string }[] };
    const id = queue.disputes.find((d) => d.grounds.startsWith('I paid the court fee'))?.id ?? '';
    await api(server.keys.court, 'POST', `/v1/disputes/${id}/answer`, { answer: 'confirmed', explanation: 'Our records show no payment on this case.' });
    await page.reload();
    await dispute.getByText('Chaoyang District People’s Court confirmed the record: Our records show no payment on this case.').waitFor();
    await dispute.getByText(/You may appeal to the operator until /).waitFor();
    await dispute.getByLabel('Why is the furnisher’s answer wrong?').fill('The receipt shows the payment; the court booked it under case (2026)京0105执999号.');
    await dispute.getByRole('button', { name: 'Send the appeal' }).click();
    await dispute.getByText('Status: appealed, awaiting an operator').waitFor();
    await dispute.getByText(/An operator must decide by /).waitFor();

    // An operator works the queue: the organization's appeal is overdue, this one is not; it is overturned.
    const console = await browser.browser.newPage();
    await console.goto(`${server.url}/console/login?next=${encodeURIComponent('/console/due-process')}`);
    await console.getByLabel('Operator API key').fill(server.keys.operator);
    await console.getByRole('button', { name: 'Log in' }).click();
    await console.getByRole('heading', { name: 'Appeals awaiting a decision (2)' }).waitFor();
    await console.getByText('⚠ 1 past their deadline').waitFor();
    const appeals = console.getByRole('article');
    await expect(appeals.filter({ hasText: 'Overdue: the deadline was' }).count()).resolves.toBe(1);
    const mine = appeals.filter({ hasText: `cn-rid:${PERSON.identifier}` });
    await expect(mine.textContent()).resolves.toMatch(/Decide by /);
    expect(await seriousViolations(console)).toEqual([]);
    await screenshot(console, 'operator-appeals');
    await mine.getByLabel('Overturn: remove the record').check();
    await mine.getByLabel(/^Reasons/).fill('The receipt proves the payment; the court booked it under another case.');
    await mine.getByRole('button', { name: 'Record the decision' }).click();
    await console.getByRole('heading', { name: 'Appeals awaiting a decision (1)' }).waitFor();

    // The subject's page: the record is removed, the airline was told, and the next flight is allowed.
    const next = await api(server.keys.airline, 'POST', '/v1/checks', { subject: PERSON, action: 'aviation.ticket.purchase', purpose: 'ticket-sale', context: { cabin: 'economy' } });
    expect(next['outcome']).toBe('allow');
    await server.app.deps.inquiries.drain();
    for (let tries = 0; ; tries++) {
      await page.reload();
      await dispute.getByText('Status: the operator removed the record').waitFor();
      if (await dispute.getByText('Example Airlines was sent a correction notice.').count() > 0 || tries > 10) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    await dispute.getByText('The operator decided for you and removed the record: The receipt proves the payment').waitFor();
    await dispute.getByText('Example Airlines was sent a correction notice.').waitFor();
    await expect(page.getByRole('region', { name: 'Checks of my standing' }).getByRole('row').filter({ hasText: 'Allowed' }).count()).resolves.toBe(1);
    await expect(page.getByText('Dishonest judgment defaulters').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'subject-dispute-decided');
    expect(errors).toEqual([]);
  });

  it('a subject attaches a statement to a record', async () => {
    const page = await browser.browser.newPage();
    await logInAsSubject(page, server);
    const loan = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /^Loan repayment overdue/ }) });
    await loan.getByRole('button', { name: /^Add a statement\W/ }).click();
    await loan.getByLabel('Your statement').fill('The bank moved the due date without telling me; I paid within a week.');
    await loan.getByRole('button', { name: 'Attach the statement' }).click();
    await loan.getByText('The bank moved the due date without telling me; I paid within a week.').waitFor();
    await loan.getByRole('button', { name: /^Change my statement/ }).waitFor();
  });

  it('an organization applies for early restoration from a publicity listing and an operator grants it', async () => {
    const page = await browser.browser.newPage();
    const errors = collectPageErrors(page);
    await logInAsSubject(page, server, ORGANIZATION);
    await page.getByRole('button', { name: 'Apply for early restoration from the Published administrative penalties' }).click();
    await page.getByLabel('What have you done to correct the conduct?').fill('The outlet was rebuilt and has been inspected twice since.');
    await page.getByRole('button', { name: 'Send the application' }).click();
    await page.getByText(/^Your application is awaiting an operator’s decision \(by /).waitFor();

    const console = await browser.browser.newPage();
    await console.goto(`${server.url}/console/login?next=${encodeURIComponent('/console/due-process')}`);
    await console.getByLabel('Operator API key').fill(server.keys.operator2);
    await console.getByRole('button', { name: 'Log in' }).click();
    const application = console.getByRole('article').filter({ hasText: 'Published administrative penalties' });
    await expect(application.textContent()).resolves.toMatch(/Decide by .*The outlet was rebuilt/);
    await application.getByLabel('Grant: end the publicity listing now').check();
    await application.getByLabel(/^Reasons/).fill('Corrected and inspected; the minimum publicity period has passed.');
    await application.getByRole('button', { name: 'Record the decision' }).click();
    await console.getByRole('heading', { name: 'Restoration applications (0)' }).waitFor();

    await page.reload();
    await page.getByText(/^Restoration granted on .+: Corrected and inspected/).waitFor();
    await expect(page.getByRole('button', { name: /^Apply for early restoration/ }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
