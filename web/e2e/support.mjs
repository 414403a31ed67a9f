// What every browser journey shares: the environment deploy's JourneyScripts passes (BASE_URL, PASSWORD,
// SCREENSHOTS, CHROMIUM, and the journey's own), Debian's Chromium through playwright-core, signing in, axe-core,
// screenshots, and waiting for the read side. A journey prints its steps; a failure exits non-zero with the reason.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
export const base = env('BASE_URL');
const password = env('PASSWORD');
const screenshots = env('SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });

export const step = (text) => console.log(`- ${text}`);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the pages reported on their own (script errors, Content-Security-Policy refusals): a journey fails on any. */
const problems = [];

export const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** A browser context of its own (cookies, storage) for one person, English, in Berlin's time zone. */
export async function contextFor(who, { viewport = { width: 1280, height: 800 }, timeout = 30_000, ...options } = {}) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) {
      problems.push(`${who}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${who}: page error ${error.message}`));
  return page;
}

/** axe-core on the page as it is: no serious or critical accessibility violation. */
export async function accessible(page, name) {
  // evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  if (violations.length) throw new Error(`accessibility violations on ${name}:\n  ${violations.join('\n  ')}`);
  step(`axe: no serious or critical violation on ${name}`);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  step(`screenshot ${name}.png`);
}

/** Signs in on the sign-in page `/` and waits for the landing page (`/app`, `/portal`, `/admin`). */
export async function signIn(page, tenant, email, landing, { check = false } = {}) {
  await page.goto(base + '/');
  if (check) await accessible(page, 'the sign-in page');
  await page.getByLabel('Organisation').fill(tenant);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(landing));
  await page.getByTestId('signed-in-as').waitFor({ state: 'attached' });
  step(`${email} signed in and landed on ${new URL(page.url()).pathname}`);
}

/**
 * Waits for `locator`, calling `refresh` every few seconds meanwhile (the read side follows the write side within
 * about a second); each try gives the page time to load what the refresh asked for.
 */
export async function until(page, locator, refresh, what) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 4_000 });
      return;
    } catch {
      await refresh();
    }
  }
  throw new Error(`${what} did not appear within 30 s`);
}

/** Runs the journey, then fails it on anything the pages reported; always closes the browser. */
export async function journey(name, steps) {
  try {
    await steps();
    if (problems.length) throw new Error(`the browser reported:\n  ${problems.join('\n  ')}`);
    console.log(`${name} passed`);
  } catch (error) {
    console.error(`${name} failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
