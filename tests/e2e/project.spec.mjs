// project.spec.mjs — a project's assignment in a real browser (Debian's
// Chromium through playwright-core), three people:
//   1. market creates a project for a client with an assignment slip to the
//      advisor;
//   2. the advisor sees the slip on the start page and rejects it with a reason;
//   3. market assigns it again (二次分配); the advisor accepts it from the start
//      page and checks off the first step;
//   4. the manager opens the progress summary and finds the advisor's row,
//      prints it with its button, and it stands alone on an A4 page.
// Plain node: `node project.spec.mjs` with GUWEN_BASE and GUWEN_VAR set
// (tests/e2e/run does that). Exits 1 at the first failed expectation, naming
// the step, with a screenshot of the page at that moment.
import { BASE, VAR, SHOTS, fail, visible, onPath, launch, stepper, signIn as signInAt, submit, actor } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync(SHOTS, { recursive: true });
const step = stepper('project');
const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const CLIENT = `浏览器客户${tag}`;
const REASON = `本周外勤已满${tag}`;
const REMARK = `收到九月凭证${tag}`;

const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-uroot', '-S', join(VAR, 'run', 'mysql.sock'),
  '-N', '-B', 'guwen', '-e', q], { encoding: 'utf8' }).trim();
sql(`INSERT INTO clients (name, created_at, updated_at) VALUES ('${CLIENT}', NOW(), NOW())`);
const clientId = sql(`SELECT id FROM clients WHERE name = '${CLIENT}'`);
const [advisorId, dept, advisorName] = sql("SELECT id, department_id, name FROM users WHERE login = 'advisor'").split('\t');

const signIn = (who, login) => step(who, `${login}-signed-in`, (page) => signInAt(page, login));

// the slip's item on the advisor's start page, followed to the project
async function fromStartPage(page, id) {
  await page.goto(`${BASE}/`);
  const item = page.locator('section[aria-labelledby="h-projects"] a').filter({ hasText: CLIENT }).filter({ hasText: '待接受分配单' });
  await visible(item, `the slip 待接受分配单 · ${CLIENT} on the start page`);
  await submit(page, item.first());
  await onPath(page, `/projects/${id}`, 'the project page');
}

async function story(browser) {
  const market = await actor(browser, 'market', { viewport: { width: 1280, height: 900 } });
  const advisor = await actor(browser, 'advisor', { viewport: { width: 1280, height: 900 } });
  const manager = await actor(browser, 'manager', { viewport: { width: 1280, height: 900 } });
  let id;

  await signIn(market, 'market');
  await step(market, 'create', async (page) => {
    await submit(page, page.locator('nav.main-nav').getByRole('link', { name: '服务项目', exact: true }));
    await onPath(page, '/projects/', 'the project list');
    await submit(page, page.getByRole('link', { name: '新建项目', exact: true }));
    await page.locator('#f-type').selectOption('1');
    await page.locator('#f-fee').fill('1200.00');
    await page.locator('#f-fee_purpose').fill('2026 年度代理记账费');
    await page.locator('#f-fee_due').fill('2099-12-31');
    await page.locator('#f-department').selectOption(dept);
    await page.locator('#f-advisor').selectOption(advisorId);
    await page.locator('#f-slip_on').fill('2026-09-30');
    // the client is found by its name (no list of every client), the rest kept
    await page.locator('#f-client_q').fill(CLIENT);
    await submit(page, page.getByRole('button', { name: '查找客户', exact: true }));
    if ((await page.locator('input[name="client"]').getAttribute('value')) !== clientId)
      fail(`finding ${CLIENT} did not choose client ${clientId}`);
    if ((await page.locator('#f-fee').inputValue()) !== '1200.00') fail('the fee was lost while finding the client');
    await submit(page, page.getByRole('button', { name: '建立项目并发出分配单', exact: true }));
    await onPath(page, /^\/projects\/\d+$/, 'the new project page');
    id = new URL(page.url()).pathname.split('/').pop();
    const due = (await page.locator('table.slips td.coach-due').first().innerText()).trim().split(/\s/)[0]; // the date, then any 已超期 badge
    if (due !== '2026-10-10') fail(`the coaching deadline shows ${due}, not 2026-10-10 (make-up Saturday)`);
  });

  await signIn(advisor, 'advisor');
  await step(advisor, 'reject', async (page) => {
    await fromStartPage(page, id);
    await page.locator('#f-reason').fill(REASON);
    await submit(page, page.getByRole('button', { name: '拒绝', exact: true }));
    await visible(page.locator('#status').filter({ hasText: '待二次分配' }), 'the status 待二次分配');
  });

  await step(market, 'reassign', async (page) => {
    await page.goto(`${BASE}/`);
    await visible(page.locator('section[aria-labelledby="h-projects"] a').filter({ hasText: CLIENT }).filter({ hasText: '待二次分配' }),
      'the rejected slip 待二次分配 on market\'s start page');
    await page.goto(`${BASE}/projects/${id}`);
    await visible(page.getByText(REASON), 'the reason of the rejection');
    await page.locator('#reassign #f-department').selectOption(dept);
    await page.locator('#reassign #f-advisor').selectOption(advisorId);
    await page.locator('#reassign #f-slip_on').fill('2026-10-08');
    await submit(page, page.getByRole('button', { name: '发出新的分配单', exact: true }));
    await visible(page.locator('#status').filter({ hasText: '等待接受' }), 'the status 等待接受');
  });

  await step(advisor, 'accept-and-tick', async (page) => {
    await fromStartPage(page, id);
    await submit(page, page.getByRole('button', { name: '接受', exact: true }));
    await visible(page.locator('#lead').filter({ hasText: advisorName }), `the lead ${advisorName}`);
    await page.locator('#f-seq').selectOption('1');
    await page.locator('#f-done_on').fill('2026-10-09');
    await page.locator('#f-remark').fill(REMARK);
    await submit(page, page.locator('#tick').getByRole('button', { name: '标记完成', exact: true }));
    await visible(page.locator('#step-1.done').filter({ hasText: REMARK }), 'step 1 checked off with the remark');
  });

  await signIn(manager, 'manager');
  await step(manager, 'summary', async (page) => {
    await page.goto(`${BASE}/projects/`);
    await submit(page, page.getByRole('link', { name: '进度汇总表', exact: true }));
    await onPath(page, '/projects/summary', 'the progress summary');
    const row = page.locator('section[aria-labelledby="h-adv"] tbody tr').filter({ hasText: advisorName });
    await visible(row, `the row of ${advisorName} in 按顾问`);
    const cells = await row.first().locator('td').allInnerTexts();
    if (!(Number(cells[2]) >= 1)) fail(`${advisorName}'s row shows ${cells[2]} projects`);
    await visible(page.locator('section[aria-labelledby="h-dept"] tbody tr'), 'a row in 按部门');
  });

  // the print button (js/print.js: the CSP allows no inline onclick) prints,
  // and on paper the summary stands alone on A4: no navigation, no buttons,
  // the title and both tables, the reviewer's line
  await step(manager, 'summary-print', async (page) => {
    const button = page.getByRole('button', { name: '打印', exact: true });
    await visible(button, 'the print button (shown by js/print.js)');
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed++; }; });
    await button.click();
    if ((await page.evaluate(() => window.__printed)) !== 1) fail('the print button did not open printing');
    await page.emulateMedia({ media: 'print' });
    for (const [sel, what] of [['header.top, nav', 'the navigation'], ['#print-button', 'the print button'],
      ['a.button', 'the export link']]) {
      const shown = await page.locator(sel).evaluateAll((els) => els.filter((e) => e.offsetParent !== null).length);
      if (shown) fail(`${what} is printed`);
    }
    await visible(page.getByRole('heading', { level: 1, name: '项目进度汇总表' }), 'the title on paper');
    await visible(page.locator('section[aria-labelledby="h-adv"] tbody tr').filter({ hasText: advisorName }), 'the advisor row on paper');
    await visible(page.locator('.summary-sign'), 'the reviewer line on paper');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    if (!box || Math.abs(Number(box[1]) - 595) > 2 || Math.abs(Number(box[2]) - 842) > 2)
      fail(`the printed page is not A4: ${box ? box.slice(1).join(' × ') : 'no page size'}`);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, for the screenshot
  });

  for (const who of [market, advisor, manager]) await who.context.close();
  return id;
}

let browser;
let code = 0;
try {
  browser = await launch();
  const id = await story(browser);
  console.log(`e2e: project ${id} created, rejected, reassigned, accepted, ticked, summarised; screenshots in ${SHOTS}`);
} catch (e) {
  console.error(`FAIL ${e && e.message ? e.message : e}`);
  code = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.exit(code);
