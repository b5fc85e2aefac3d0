// visit.spec.mjs — a return visit's whole story in a real browser (Debian's
// Chromium through playwright-core), four people:
//   1. the manager plans a phone visit of a client, the advisor as visitor;
//   2. the advisor records two failed appointment attempts and a successful
//      one, records the visit, fills the report (《客户回访情况表》) and
//      opens its print view (screenshot);
//   3. the manager returns the report with guidance and a reason; the advisor
//      adds the detail and submits again; the manager accepts it;
//   4. the advisor reviews the drafted mail to the client, edits and queues
//      it; the admin names the keeper, who classifies and archives the
//      report: it is read-only, found in the archive, and the mail with the
//      edited text is in the outbox.
// Plain node with GUWEN_BASE and GUWEN_VAR (tests/e2e/run). Exits 1 at the
// first failed expectation with a screenshot; texts carry a random suffix.
import { BASE, VAR, SHOTS, fail, visible, onPath, launch, submit, fill, labelled, actor, stepper,
  signIn as signInAt } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

mkdirSync(SHOTS, { recursive: true });
const step = stepper('visit');
const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const T = {
  client: `回访浏览器客户${tag}`,
  email: `visit-${tag}@example.test`,
  purpose: `了解季度申报的配合情况${tag}`,
  discussed: `讨论了季度申报的时间安排${tag}`,
  opinions: `希望报表提前三天发送${tag}`,
  actions: '下月起提前发送报表',
  guidance: `请写明客户希望的报表格式${tag}`,
  reason: `没有写明报表格式${tag}`,
  fixed: `报表改为 Excel 格式${tag}`,
  accepted: `补充完整，按此执行${tag}`,
  mailEdit: `（回访人已核对 ${tag}）`,
  tags: `报表提速${tag}`,
};

const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-uroot', '-S', join(VAR, 'run', 'mysql.sock'),
  '-N', '-B', 'guwen', '-e', q], { encoding: 'utf8' }).trim();
const [advisorId, dept] = sql("SELECT id, department_id FROM users WHERE login = 'advisor'").split('\t');
sql(`INSERT INTO clients (name, department_id, lead_id, contact_name, contact_email, created_at, updated_at)
     VALUES ('${T.client}', ${dept}, ${advisorId}, '王经理', '${T.email}', NOW(), NOW())`);
const clientId = sql(`SELECT id FROM clients WHERE name = '${T.client}'`);
sql(`INSERT INTO client_contacts (client_id, name, role, phone, email, is_primary, created_at, updated_at)
     VALUES (${clientId}, '王经理', '财务经理', '13800138000', '${T.email}', 1, NOW(), NOW())`);


const signIn = (who, login) => step(who, `${login}-signed-in`, (page) => signInAt(page, login));

const visitId = () => sql(`SELECT id FROM visits WHERE client_id = ${clientId}`);
const status = () => sql(`SELECT status FROM visits WHERE client_id = ${clientId}`);
const flash = (page, words) => visible(page.getByRole('status').filter({ hasText: words }), `the message "${words}"`);

async function plan(page) {
  await page.goto(`${BASE}/visits/plan?q=${encodeURIComponent(T.client)}`);
  await page.locator('#plan').getByLabel(T.client, { exact: true }).check();
  await fill(page, '回访目的', T.purpose);
  await page.getByLabel(/^回访方式/).selectOption('phone');
  await fill(page, '回访期限', '2026-12-31');
  await page.getByLabel(/^回访人（不选则为客户的负责顾问）/).selectOption(advisorId);
  await submit(page, page.getByRole('button', { name: '登记回访计划' }));
  if (!visitId()) fail('the plan registered no visit for the client');
}

async function attempt(page, outcome) {
  await page.goto(`${BASE}/visits/${visitId()}`);
  await page.getByLabel(/^预约方式/).selectOption('phone');
  await page.getByLabel(/^结果/).selectOption(outcome);
  await submit(page, page.getByRole('button', { name: '记录预约' }));
}

async function report(page, actions) {
  await fill(page, '沟通内容', T.discussed);
  await fill(page, '客户意见和建议', T.opinions);
  await fill(page, '满意度（1–5）', '4');
  await fill(page, '后续措施', actions);
  await submit(page, page.getByRole('button', { name: '提交情况表' }));
}

async function review(page, guidance, decision, reason) {
  await page.goto(`${BASE}/visits/`);
  await page.locator('#to-review').click();
  await page.locator('#review-queue').getByRole('row').filter({ hasText: T.client })
    .getByRole('link', { name: '审核' }).click();
  await onPath(page, `/visits/${visitId()}/review`, 'the review page');
  await visible(page.getByText(T.opinions), 'the report under review');
  await fill(page, '指导意见', guidance);
  await page.getByLabel(decision).check();
  if (reason) await fill(page, '退回原因', reason);
  await submit(page, page.getByRole('button', { name: '提交审核' }));
  await onPath(page, `/visits/${visitId()}`, 'the visit after the review');
}

const browser = await launch();
let failed = false;
try {
  const manager = await actor(browser, 'manager', { viewport: { width: 1280, height: 900 } });
  const advisor = await actor(browser, 'advisor', { viewport: { width: 1280, height: 900 } });
  const admin = await actor(browser, 'admin', { viewport: { width: 1280, height: 900 } });
  const keeper = await actor(browser, 'keeper', { viewport: { width: 1280, height: 900 } });
  await signIn(manager, 'manager');
  await signIn(advisor, 'advisor');

  await step(manager, 'visit-planned', plan);

  await step(advisor, 'two-failed-attempts', async (page) => {
    await attempt(page, 'no_answer');
    await attempt(page, 'declined');
    await visible(page.locator('#failed').filter({ hasText: '2' }), 'two failed attempts counted');
    await visible(page.locator('#last-try'), 'the warning that a third failure closes the visit');
  });
  await step(advisor, 'appointment-agreed', async (page) => {
    await attempt(page, 'agreed');
    await visible(page.locator('#timeline').getByText('预约成功'), 'the successful attempt on the timeline');
    await fill(page, '回访日期', '2026-11-27');
    await submit(page, page.getByRole('button', { name: '记录已回访' }));
    if (status() !== 'visited') fail(`expected the visit visited, it is ${status()}`);
  });
  await step(advisor, 'report-filled', async (page) => {
    await report(page, T.actions);
    if (status() !== 'submitted') fail(`expected the report submitted, it is ${status()}`);
  });
  await step(advisor, 'print-view', async (page) => {
    await page.goto(`${BASE}/visits/${visitId()}/print`);
    await visible(page.getByText(T.discussed), 'the report on the print form');
    await visible(page.getByText('客户签字'), 'the client\'s signature line');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'visit-print-a4.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  await step(manager, 'report-returned', async (page) => {
    await review(page, T.guidance, '退回补充', T.reason);
    await flash(page, '回访报告已退回');
    if (status() !== 'returned') fail(`expected the report returned, it is ${status()}`);
  });
  await step(advisor, 'report-fixed', async (page) => {
    await page.goto(`${BASE}/visits/${visitId()}`);
    await visible(page.locator('#timeline').getByText(T.reason), 'the reason for returning on the timeline');
    await visible(page.getByText(T.guidance), 'the guidance');
    await report(page, T.fixed);
    if (status() !== 'submitted') fail(`expected the report submitted again, it is ${status()}`);
  });
  await step(manager, 'report-accepted', async (page) => {
    await review(page, T.accepted, '通过');
    await flash(page, '回访报告已审核通过');
    if (status() !== 'accepted') fail(`expected the report accepted, it is ${status()}`);
  });

  await step(advisor, 'mail-queued', async (page) => {
    await page.goto(`${BASE}/visits/${visitId()}`);
    await page.locator('#go-mail').click();
    await visible(page.locator('#mail-to').getByText(T.email), 'the client\'s address');
    const text = page.getByLabel(/^邮件内容/);
    const draft = await text.inputValue();
    if (!draft.includes(T.discussed) || !draft.includes(T.fixed)) fail('the draft lacks the report');
    await text.fill(`${draft}\n${T.mailEdit}`);
    await submit(page, page.getByRole('button', { name: '排入发件箱' }));
    await flash(page, '回访内容已排入发件箱');
    await visible(page.locator('#mail-state').getByText('已排入发件箱'), 'the mail queued on the visit page');
  });

  await signIn(admin, 'admin');
  await step(admin, 'keeper-named', async (page) => {
    await page.goto(`${BASE}/admin/settings`);
    const director = sql("SELECT id FROM users WHERE login = 'director'");
    await page.getByLabel(/^档案管理员/).selectOption(director);
    await submit(page, page.getByRole('button', { name: '保存' }));
    if (sql("SELECT value FROM settings WHERE name = 'visit_keeper'") !== director) fail('the keeper is not saved');
  });

  await signIn(keeper, 'director');
  await step(keeper, 'report-archived', async (page) => {
    await page.goto(`${BASE}/visits/`);
    await page.locator('#to-archive').click();
    await page.locator('#tab-to-classify').click();
    await page.getByRole('link', { name: `#${visitId()}` }).click();
    await onPath(page, `/visits/${visitId()}/archive`, 'the classification page');
    await labelled(page, '分类').selectOption('suggestion');
    await fill(page, '标签', T.tags);
    await submit(page, page.getByRole('button', { name: '归档', exact: true }));
    await flash(page, '回访报告已分类归档');
    await visible(page.locator('#read-only'), 'the visit marked read-only');
    if (await page.locator('#report-form, #go-review, #go-mail, #go-complaint').count()) fail('an archived visit still offers a form');
    if (status() !== 'archived') fail(`expected the report archived, it is ${status()}`);
  });
  await step(advisor, 'archive-searched-and-mail-in-outbox', async (page) => {
    await page.goto(`${BASE}/visits/archive`);
    await fill(page, '标签', T.tags);
    await submit(page, page.getByRole('button', { name: '筛选' }));
    await visible(page.locator('#archive').getByText(T.client), 'the archived report found by its tag');
    const mail = sql(`SELECT CONCAT(status, '|', to_addr) FROM outbox WHERE body LIKE '%${T.mailEdit}%'`);
    if (mail !== `queued|${T.email}`) fail(`expected the edited mail queued to ${T.email}, the outbox has "${mail}"`);
  });
  console.log(`e2e: visit ${visitId()} planned, two failed attempts and an agreed one, reported, printed, returned, fixed, accepted, mailed, archived; screenshots in ${SHOTS}`);
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
