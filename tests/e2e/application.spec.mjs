// application.spec.mjs — an onboarding application's whole story in a real
// browser, two people at once:
//   1. a prospective client on a phone (375 px) applies with a licence scan and
//      gets the private link with the submitted words;
//   2. staff (market, at a desk) find it on the start page, reject it with a
//      reason;
//   3. the applicant opens the link, sees the rejection words and the reason,
//      edits (修改) and resubmits;
//   4. staff see what changed since the last round and approve it;
//   5. the client exists with the applicant as its primary contact, and the
//      applicant's page says approved;
//   6. a director, on a phone, opens the client's financial information,
//      enters a period's figures, and "who saw this client's financials" (the
//      breach question of DOMAIN.md) names the director and the read.
// Plain node with GUWEN_BASE and GUWEN_VAR (tests/e2e/run). Exits 1 at the
// first failed expectation with a screenshot; texts carry a random suffix.
import { BASE, VAR, ROOT, PASSWORD, SHOTS, fail, visible, onPath, launch, submit, text, labelled,
  fill, actor, stepper } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const LICENCE = join(ROOT, 'tests', 'http', 'files', 'letter.pdf');
const FORM_DELAY = 3500; // a post sooner than 3 s after the form is marked suspected
const SUBMITTED = '您已提交入驻申请 请等待工作人员审核确认';
const REJECTED = '入驻申请被驳回 请重新修改申请资料,确认资料真实正确后提交';
mkdirSync(SHOTS, { recursive: true });
const step = stepper('application');

// a valid 统一社会信用代码 (GB 32100-2015 check digit) unique to this run
const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc() {
  let body = '91330106MA';
  for (let i = 0; i < 7; i++) body += ALPHA[Math.floor(Math.random() * 31)];
  const sum = [...body].reduce((s, c, i) => s + ALPHA.indexOf(c) * WEIGHTS[i], 0);
  return body + ALPHA[(31 - (sum % 31)) % 31];
}

const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const T = {
  company: `杭州测试${tag}贸易有限公司`,
  company2: `杭州测试${tag}科技有限公司`,
  uscc: uscc(),
  contact: `王测试${tag}`,
  phone: '13800138000',
  email: `apply-${tag}@example.test`,
  reason: `企业名称与营业执照不一致，请核对。${tag}`,
  period: '2025',
  revenue: '1234567.89',
  revenueShown: '1,234,567.89',
};

const sock = join(VAR, 'run', 'mysql.sock');
const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-uroot', '-S', sock, '-N', '-B', 'guwen', '-e', q],
  { encoding: 'utf8' }).trim();
if (existsSync(sock)) {
  try { sql('DELETE FROM rate_counts'); } catch (e) { console.error(`note: ${e.message}`); }
}


// the words of the applicant's status page
async function statusWords(page) {
  await visible(page.locator('#status-words'), 'the status words');
  return text(page.locator('#status-words'));
}

async function story(browser) {
  const applicant = await actor(browser, 'phone', {
    viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, javaScriptEnabled: false,
  });
  const staff = await actor(browser, 'desktop', { viewport: { width: 1280, height: 800 } });
  let link, id, servedAt;

  // ---- 1. the applicant applies on a phone, without JavaScript ---------------
  await step(applicant, 'form', async (page) => {
    await page.goto(`${BASE}/portal/`);
    await submit(page, page.getByRole('link', { name: '入驻申请', exact: true }));
    servedAt = Date.now();
    await onPath(page, '/portal/apply', 'the application form');
    await fill(page, '企业名称', T.company);
    await fill(page, '统一社会信用代码', T.uscc.toLowerCase());
    await fill(page, '联系人姓名', T.contact);
    await fill(page, '联系电话', T.phone);
    await fill(page, '电子邮箱', T.email);
    await page.getByRole('checkbox', { name: '代理记账' }).check();
    await labelled(page, '营业执照扫描件').setInputFiles(LICENCE);
  });

  await step(applicant, 'applied', async (page) => {
    const wait = servedAt + FORM_DELAY - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await submit(page, page.getByRole('button', { name: '提交申请', exact: true }));
    const errors = await page.locator('.alert-error, .field-error').allInnerTexts();
    if (errors.length) fail(`the form came back with: ${errors.join(' / ')}`);
    if ((await statusWords(page)) !== SUBMITTED) fail(`the page says "${await statusWords(page)}"`);
    link = await page.locator('#private-link').getAttribute('href');
    if (!/\/portal\/apply\/s\/[0-9a-f]{64}$/.test(link)) fail(`the private link "${link}" looks wrong`);
    await visible(page.getByText('我们也已把链接发送到您的电子邮箱。'), 'that the link was mailed');
  });

  await step(applicant, 'status-submitted', async (page) => {
    await page.goto(link);
    if ((await statusWords(page)) !== SUBMITTED) fail(`the status page says "${await statusWords(page)}"`);
    await visible(page.getByRole('link', { name: '确定', exact: true }), 'the 确定 button');
  });

  // ---- 2. staff reject it with a reason -------------------------------------
  await step(staff, 'staff-start-page', async (page) => {
    await page.goto(`${BASE}/`);
    await onPath(page, '/login/', 'the sign-in page');
    await fill(page, '用户名', 'market');
    await fill(page, '密码', PASSWORD);
    await submit(page, page.getByRole('button', { name: '登录', exact: true }));
    await onPath(page, '/', 'the start page');
    const item = page.locator('#h-applications').locator('xpath=..').getByRole('link').filter({ hasText: T.company });
    await visible(item, `the new application of ${T.company} under 待审核的入驻申请`);
    await submit(page, item.first());
    await onPath(page, /^\/applications\/\d+$/, 'the application');
    id = new URL(page.url()).pathname.split('/').pop();
  });

  await step(staff, 'staff-rejected', async (page) => {
    await fill(page, '驳回原因', T.reason);
    await submit(page, page.getByRole('button', { name: '驳回', exact: true }));
    await visible(page.getByRole('status').filter({ hasText: '已驳回' }), 'the notice 已驳回');
    if ((await text(page.locator('#app-status'))) !== '已驳回') fail('the status is not 已驳回');
  });

  // ---- 3. the applicant sees why, edits and resubmits -------------------------
  await step(applicant, 'status-rejected', async (page) => {
    await page.goto(link);
    if ((await statusWords(page)) !== REJECTED) fail(`the status page says "${await statusWords(page)}"`);
    if ((await text(page.locator('#reason'))) !== T.reason) fail('the reason is not shown');
    await visible(page.getByRole('button', { name: '取消', exact: true }), 'the 取消 button');
  });

  await step(applicant, 'edit', async (page) => {
    await submit(page, page.getByRole('link', { name: '修改', exact: true }));
    const kept = await labelled(page, '企业名称').inputValue();
    if (kept !== T.company) fail(`the form holds "${kept}", not the submitted company name`);
    await fill(page, '企业名称', T.company2);
    await page.getByRole('checkbox', { name: '财务咨询' }).check();
  });

  await step(applicant, 'resubmitted', async (page) => {
    await submit(page, page.getByRole('button', { name: '重新提交', exact: true }));
    const errors = await page.locator('.alert-error, .field-error').allInnerTexts();
    if (errors.length) fail(`the form came back with: ${errors.join(' / ')}`);
    if ((await statusWords(page)) !== SUBMITTED) fail(`after resubmitting the page says "${await statusWords(page)}"`);
  });

  // ---- 4. staff see the diff and approve ------------------------------------
  await step(staff, 'staff-diff', async (page) => {
    await page.goto(`${BASE}/applications/${id}`);
    const row = page.locator('#diff-company_name');
    await visible(row, 'the changed company name in 与上一轮相比的改动');
    const cells = await text(row);
    if (!cells.includes(T.company) || !cells.includes(T.company2))
      fail(`the diff row shows "${cells}", not the old and the new name`);
    await visible(page.locator('#diff-services'), 'the changed services');
    if (await page.locator('#diff-uscc').count()) fail('the unchanged USCC is shown as changed');
  });

  await step(staff, 'staff-approved', async (page) => {
    await submit(page, page.getByRole('button', { name: '通过，建立客户档案' }));
    await visible(page.getByRole('status').filter({ hasText: '客户档案已建立' }), 'the notice 客户档案已建立');
    await visible(page.locator('#client-link').filter({ hasText: T.company2 }), 'the link to the new client');
  });

  // ---- 5. the client exists with the applicant as its contact ------------------
  await step(staff, 'client-exists', async (page) => {
    await submit(page, page.locator('#client-link'));
    await onPath(page, /^\/clients\/\d+$/, 'the new client\'s page');
    await visible(page.getByText(T.company2).first(), `the client ${T.company2}`);
    await visible(page.getByText(T.contact).first(), `the applicant ${T.contact} as its contact`);
    const row = sql(`SELECT c.name, c.uscc, k.name, k.phone, k.is_primary FROM clients c JOIN client_contacts k ON k.client_id = c.id WHERE c.application_id = ${Number(id)}`);
    const want = [T.company2, T.uscc, T.contact, T.phone, '1'].join('\t');
    if (row !== want) fail(`the client and its contact are "${row}", expected "${want}"`);
  });

  await step(applicant, 'status-approved', async (page) => {
    await page.goto(link);
    const words = await statusWords(page);
    if (!words.startsWith('入驻申请已通过')) fail(`the status page says "${words}"`);
  });

  // ---- 6. a director opens its financials; the audit shows the read -----------
  const clientId = Number(sql(`SELECT id FROM clients WHERE application_id = ${Number(id)}`));
  const director = await actor(browser, 'director-phone', {
    viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true,
  });
  await step(director, 'director-financials', async (page) => {
    await page.goto(`${BASE}/clients/${clientId}`);
    await onPath(page, '/login/', 'the sign-in page');
    await fill(page, '用户名', 'director');
    await fill(page, '密码', PASSWORD);
    await submit(page, page.getByRole('button', { name: '登录', exact: true }));
    await onPath(page, `/clients/${clientId}`, 'the client\'s page');
    await visible(page.locator('#financial'), 'the financial information (财务信息)');
    const form = page.locator(`form[action$="/${clientId}/periods"]`);
    await page.locator('#financial summary').click();
    await fill(form, '期间（2025、2025-Q3 或 2025-09）', T.period);
    await fill(form, '营业收入', T.revenue);
    await fill(form, '修改原因', `客户提供的年报 ${tag}`);
    await submit(page, form.getByRole('button', { name: '保存', exact: true }));
    await visible(page.getByRole('status').filter({ hasText: '财务数据已（加密）保存' }), 'the notice 财务数据已（加密）保存');
    const row = page.locator('#financial table.periods tbody tr').filter({ hasText: T.period });
    await visible(row, `the period ${T.period}`);
    if (!(await text(row)).includes(T.revenueShown)) fail(`the period row shows "${await text(row)}", not the revenue ${T.revenueShown}`);
  });

  await step(director, 'director-readers', async (page) => {
    await page.reload();
    const readers = page.locator('#readers');
    await visible(readers, 'who saw this client\'s financials (查看过该客户财务信息的人员)');
    const row = readers.locator('tbody tr').filter({ hasText: '周主管' }).filter({ hasText: '查看财务信息' });
    await visible(row, 'the director\'s read of the financials (周主管 · 查看财务信息)');
    const logged = sql(`SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.login = 'director' AND a.entity = 'client' AND a.entity_id = ${clientId} AND a.action = 'client.read_financial'`);
    if (Number(logged) < 2) fail(`the audit log holds ${logged} reads of the financials by the director, expected 2 or more`);
    const stored = sql(`SELECT HEX(revenue) FROM client_periods WHERE client_id = ${clientId} AND period = '${T.period}'`);
    if (stored.includes(Buffer.from('123456789').toString('hex').toUpperCase())) fail('the revenue is stored readable');
  });

  await director.context.close();
  await applicant.context.close();
  await staff.context.close();
  return id;
}

let browser;
let code = 0;
try {
  browser = await launch();
  const id = await story(browser);
  console.log(`e2e: application ${id} applied on a phone, rejected, edited, approved, its financials read and audited ok; screenshots in ${SHOTS}`);
} catch (e) {
  console.error(`FAIL ${e && e.message ? e.message : e}`);
  code = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.exit(code);
