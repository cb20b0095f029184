import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const REPO = new URL('../../../', import.meta.url).pathname;
export const SCREENSHOTS = join(REPO, 'test-results/screenshots');

/** Saves a screenshot as a test artifact (test-results/ is git-ignored); long pages pass fullPage false. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Copies a screenshot the README shows into docs/screenshots/ when it is missing or UPDATE_SCREENSHOTS=1,
 * so an ordinary test run leaves the working tree clean.
 */
export function publishScreenshot(file: string, name: string): void {
  const dir = join(REPO, 'docs/screenshots');
  const target = join(dir, `${name}.png`);
  if (existsSync(target) && process.env['UPDATE_SCREENSHOTS'] !== '1') return;
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, target);
}

/** Fails the test on any error the page logs (React errors, failed chunks, CSP refusals). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // HTTP error answers the page expects (a 404 lookup) are logged by the browser too; those are not failures.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  return errors;
}
