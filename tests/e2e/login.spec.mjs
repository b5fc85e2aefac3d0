// login.spec.mjs — signing in, the start page and the language switch in a real
// browser (Debian's Chromium through playwright-core), once at phone size and
// once at desktop size. Plain node: `node login.spec.mjs` with GUWEN_BASE and
// GUWEN_VAR set (tests/e2e/run does that). Exits 1 at the first failed
// expectation, with a message and a screenshot of the page at that moment.
import { BASE, VAR, ROOT, PASSWORD, SHOTS, TIMEOUT, Failure, fail, visible, onPath, launch } from './lib.mjs';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync(SHOTS, { recursive: true });

const PASSES = [
  { name: 'phone', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
];

async function run(browser, pass) {
  const context = await browser.newContext({
    viewport: pass.viewport, isMobile: !!pass.isMobile, hasTouch: !!pass.hasTouch,
    locale: 'zh-CN', // the sign-in page follows the browser's Accept-Language
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = []; // console errors (a CSP violation shows up there) and page errors
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  let n = 0, last = null, start = null;
  const shot = async (label) => {
    last = join(SHOTS, `${pass.name}-${String(++n).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: last, fullPage: true });
  };
  const step = async (label, fn) => {
    try {
      await fn();
      if (problems.length) fail(`the browser reported: ${problems.join(' | ')}`);
      if (pass.viewport.width < 500) {
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        if (w > pass.viewport.width) fail(`the page is ${w}px wide on a ${pass.viewport.width}px screen`);
      }
      await shot(label);
      if (label === 'chinese') start = last;
      console.log(`ok   [${pass.name}] ${label}`);
    } catch (e) {
      if (!(e instanceof Failure)) e.message = e.message.split('\n')[0]; // playwright's first line says it
      const where = join(SHOTS, `${pass.name}-FAILED-${label}.png`);
      await page.screenshot({ path: where, fullPage: true }).catch(() => {});
      e.message = `[${pass.name}] ${label}: ${e.message}\n     screenshot: ${where}`;
      throw e;
    }
  };
  const signIn = async (login, password) => {
    await page.getByLabel('用户名').fill(login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };
  const userMenu = async () => {
    await page.locator('details.user-menu > summary').click();
    await visible(page.locator('details.user-menu[open] .menu'), 'the open user menu');
  };

  await step('sign-in-page', async () => {
    const r = await page.goto(`${BASE}/`);
    if (!r) fail(`no answer from ${BASE}/`);
    await onPath(page, '/login/', 'the sign-in page (a visitor without a session is sent there)');
    await visible(page.getByRole('heading', { name: '员工登录' }), 'the heading 员工登录');
  });

  await step('wrong-password', async () => {
    await signIn('admin', `${PASSWORD}-wrong`);
    const card = page.locator('section').filter({ has: page.getByLabel('密码') });
    await visible(card.getByRole('alert').filter({ hasText: '用户名或密码错误' }),
      'the message 用户名或密码错误 at the sign-in form');
    await onPath(page, '/login/', 'the sign-in form again');
    const kept = await page.getByLabel('用户名').inputValue();
    if (kept !== 'admin') fail(`the login typed was not kept in the form (found "${kept}")`);
    if (await page.getByLabel('密码').inputValue())
      fail('the password field must come back empty');
  });

  await step('start-page', async () => {
    await signIn('admin', PASSWORD);
    await onPath(page, '/', 'the start page after signing in');
    await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: '系统管理员' }),
      'the start page heading with the name 系统管理员');
    await visible(page.getByRole('link', { name: '我的工作', exact: true }), 'the link 我的工作');
  });

  await step('english', async () => {
    await userMenu();
    await page.getByRole('button', { name: 'English' }).click();
    await onPath(page, '/', 'the start page after switching the language');
    await visible(page.getByRole('link', { name: 'My work', exact: true }), '"My work" in English');
    const lang = await page.locator('html').getAttribute('lang');
    if (lang !== 'en') fail(`<html lang> is "${lang}" after switching to English, not "en"`);
  });

  await step('chinese', async () => {
    await userMenu();
    await page.getByRole('button', { name: '中文' }).click();
    await onPath(page, '/', 'the start page after switching back to Chinese');
    await visible(page.getByRole('link', { name: '我的工作', exact: true }), '我的工作 again in Chinese');
    await visible(page.getByRole('heading', { level: 1 }).filter({ hasText: '系统管理员' }),
      'the start page heading with the name 系统管理员');
  });

  await step('signed-out', async () => {
    await userMenu();
    await page.getByRole('button', { name: '退出登录' }).click();
    await onPath(page, '/login/', 'the sign-in page after signing out');
    await visible(page.getByRole('heading', { name: '员工登录' }), 'the heading 员工登录');
    await page.goto(`${BASE}/`);
    await onPath(page, '/login/', 'the sign-in page (the session is gone after signing out)');
  });

  await context.close();
  return start; // the start page, signed in, in Chinese
}

let browser;
let code = 0;
try {
  browser = await launch();
  let start;
  for (const pass of PASSES) start = await run(browser, pass);
  mkdirSync(join(ROOT, 'var'), { recursive: true });
  copyFileSync(start, join(ROOT, 'var', 'e2e-start.png'));
  console.log(`e2e: ${PASSES.length} passes (${PASSES.map((p) => p.name).join(', ')}) ok; screenshots in ${SHOTS}`);
} catch (e) {
  console.error(`FAIL ${e && e.message ? e.message : e}`);
  code = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.exit(code);
