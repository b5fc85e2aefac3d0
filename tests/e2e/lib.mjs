// lib.mjs — what the browser tests share: where the stack is, Debian's Chromium,
// and waits that fail with a sentence saying what the user should have seen.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = (process.env.GUWEN_BASE || 'http://127.0.0.1:18080').replace(/\/$/, '');
export const VAR = process.env.GUWEN_VAR;
if (!VAR) {
  console.error('GUWEN_VAR is not set: run through tests/e2e/run or scripts/test-all');
  process.exit(2);
}
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PASSWORD = readFileSync(join(VAR, 'admin-password'), 'utf8').trim();
export const SHOTS = join(VAR, 'screenshots');
export const TIMEOUT = 10000;

export class Failure extends Error {}
export const fail = (msg) => { throw new Failure(msg); };

// visible(locator, what) — waits until the locator shows, or fails saying what was expected
export async function visible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    fail(`expected to see ${what}`);
  }
}

// onPath(page, path, what) — waits for the browser to be at path (a string or a RegExp)
export async function onPath(page, path, what) {
  const ok = typeof path === 'string' ? (u) => u.pathname === path : (u) => path.test(u.pathname);
  try {
    await page.waitForURL(ok, { timeout: TIMEOUT });
  } catch {
    fail(`expected ${what} at ${path}, but the browser is at ${page.url()}`);
  }
}

// Debian's Chromium, headless, with nothing that reaches for the network by itself
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// submit(page, button) — clicks and waits for the next page, or fails saying so
export async function submit(page, button) {
  const loaded = page.waitForEvent('load', { timeout: TIMEOUT });
  await button.click();
  try {
    await loaded;
  } catch {
    fail('the form was submitted, but no new page loaded');
  }
}

// text(locator) — its visible text, whitespace folded
export const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// labelled(scope, label) — the field whose label is exactly label (with or without the * mark)
export const labelled = (scope, label) => scope.getByLabel(new RegExp(`^${escapeRe(label)}(\\s*\\*)?$`));

// fill(scope, label, value) — types into the field labelled so, or fails naming it
export async function fill(scope, label, value) {
  const field = labelled(scope, label);
  const n = await field.count();
  if (n !== 1) fail(`expected one field labelled "${label}", found ${n}`);
  await field.fill(value);
}

// An actor: one person in their own browser context (own cookies), in a Chinese
// browser (the portal follows Accept-Language on a first visit); console errors
// are collected for the spec's step runner.
export async function actor(browser, name, options) {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { name, context, page, problems, width: options.viewport.width };
}

// stepper(story) — the spec's step runner: step(who, label, fn) runs fn(page),
// fails on what the browser reported and (on a phone) on a page wider than the
// screen, keeps a numbered screenshot of the story (with the actor's name in it
// when withName), and on failure says which step and where its screenshot is.
export function stepper(story, { withName = false } = {}) {
  let n = 0;
  return async function step(who, label, fn) {
    const { page } = who;
    try {
      await fn(page);
      if (who.problems.length) fail(`the browser reported: ${who.problems.join(' | ')}`);
      if (who.width < 500) {
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > who.width) fail(`the page is ${w}px wide on a ${who.width}px screen`);
      }
      const shot = `${story}-${String(++n).padStart(2, '0')}-${withName ? `${who.name}-` : ''}${label}.png`;
      await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
      console.log(`ok   [${story}/${who.name}] ${label}`);
    } catch (e) {
      if (!(e instanceof Failure)) e.message = e.message.split('\n')[0]; // playwright's first line says it
      const where = join(SHOTS, `${story}-FAILED-${label}.png`);
      await page.screenshot({ path: where, fullPage: true }).catch(() => {});
      e.message = `[${story}/${who.name}] ${label}: ${e.message}\n     screenshot: ${where}`;
      throw e;
    }
  };
}

// signIn(page, login) — through the sign-in page to the start page
export async function signIn(page, login) {
  await page.goto(`${BASE}/`);
  await onPath(page, '/login/', 'the sign-in page');
  await page.getByLabel(/^用户名/).fill(login);
  await page.getByLabel(/^密码/).fill(PASSWORD);
  await submit(page, page.getByRole('button', { name: '登录', exact: true }));
  await onPath(page, '/', `the start page after ${login} signed in`);
}
