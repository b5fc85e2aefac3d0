// complainant.spec.mjs — the complainant's side of a complaint in a real
// browser (Debian's Chromium through playwright-core), three people at once:
//   1. a client on a phone (375 px) files a complaint, keeps the number and code
//      with the copy button, and sees the centre's phone and hours;
//   2. the manager (desktop) sees it on the start page under 待分级的投诉,
//      finds it in their list, classifies it b with the advisor as owner;
//   3. the advisor (desktop) asks the client a question: waiting (等待投诉人),
//      the clock stopped;
//   4. the client opens the status page from the received page's button (the
//      number filled in), sees the question and answers with a photo;
//   5. the advisor sees the answer and the photo, the clock running again with
//      a later due time, replies, and refers a finding to market (转交市场);
//   6. market (desktop) signs in, has it on the start page and in the
//      "referred to market" list, opens it and answers the client;
//   7. the advisor resolves the complaint;
//   8. the client sees the replies (market's too) and rates it;
//   9. the client files a second complaint on the same matter, the manager
//      marks it as a duplicate of the first, and the first's status page
//      shows the duplicate's number (and nothing else of it).
// Plain node: `node complainant.spec.mjs` with GUWEN_BASE and GUWEN_VAR set
// (tests/e2e/run does that). Exits 1 at the first failed expectation, naming
// the step, with a screenshot of the page at that moment (all screenshots in
// $GUWEN_VAR/screenshots). Texts carry a random suffix.
import { BASE, VAR, ROOT, SHOTS, fail, visible, onPath, launch, submit, text, escapeRe, labelled,
  fill, actor, stepper, signIn } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const PHOTO = join(ROOT, 'tests', 'http', 'files', 'photo.png');
const FORM_DELAY = 3500; // the form refuses (as a bot, silently) posts < 3 s after it was served
mkdirSync(SHOTS, { recursive: true });
const step = stepper('complainant', { withName: true });

const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const T = {
  name: `刘答复${tag}`,
  phone: '１３９ ００１３ ９０００ 转 ８',
  description: `代账公司把我的发票抬头开错了。${tag}`,
  question: `请把开票时的付款凭证拍照发给我们。${tag}`,
  answer: `付款凭证见照片，抬头应为本公司全称。${tag}`,
  reply: `已按凭证重开发票，新发票已寄出。${tag}`,
  done: `发票已重开并寄出，顾问已更正开票信息。${tag}`,
  comment: `答复清楚，处理得快。${tag}`,
  finding: `客户账上有一笔收入未申报，需市场部向客户说明。${tag}`,
  market: `关于未申报的收入，市场部已与您约好面谈说明。${tag}`,
  again: `发票抬头的事还没有人联系我，再投诉一次。${tag}`,
};

// the test database, as root (the stack's socket)
const sql = (q) => execFileSync('mariadb', ['--no-defaults', '-uroot', '-S', join(VAR, 'run', 'mysql.sock'),
  '-N', '-B', 'guwen', '-e', q], { encoding: 'utf8' }).trim();

// this address's earlier public posts must not make this one suspected; the
// centre's phone and hours as an admin would have set them
sql("DELETE FROM rate_counts");
sql("UPDATE settings SET value = CASE name WHEN 'centre_phone' THEN '010-62345678-8'" +
  " WHEN 'office_hours_zh' THEN '工作日 9:00–17:30' ELSE value END" +
  " WHERE name IN ('centre_phone', 'office_hours_zh')");
const ADVISOR = sql("SELECT id FROM users WHERE login = 'advisor'");


async function saved(page, id, what, flash = '已保存。') {
  const path = `/complaints/${id}`;
  if (new URL(page.url()).pathname !== path) {
    const errors = await page.locator('.alert-error, .field-error').allInnerTexts().catch(() => []);
    fail(`${what}: expected the complaint's page ${path} again, but the browser is at ${page.url()}` +
      (errors.length ? `, showing: ${errors.join(' / ')}` : ''));
  }
  await visible(page.getByRole('status').filter({ hasText: flash }), `${flash} after ${what}`);
}

const resolutionDue = () => Number(sql(`SELECT UNIX_TIMESTAMP(resolution_due) FROM complaints WHERE tracking_no = '${tracking}'`));
let tracking, code, id, statusHref, dueBefore, again;

async function clientFiles(client) {
  let servedAt;
  await step(client, 'form', async (page) => {
    const r = await page.goto(`${BASE}/portal/complaint`);
    servedAt = Date.now();
    if (!r || r.status() !== 200) fail(`GET /portal/complaint answered ${r ? r.status() : 'nothing'}`);
    await visible(page.getByRole('heading', { name: '我要投诉' }), 'the heading 我要投诉 (Chinese for a zh-CN browser)');
    await visible(page.locator('#centre-phone').filter({ hasText: '010-6234 5678 转 8' }), "the centre's phone number at the foot");
    await visible(page.locator('#centre-hours').filter({ hasText: '工作日 9:00–17:30' }), "the centre's office hours");
    await visible(page.locator('#lang-en'), 'the English switch');
    await fill(page, '您的姓名', T.name);
    await fill(page, '手机或电话', T.phone);
    await fill(page, '投诉内容', T.description);
  });
  await step(client, 'received', async (page) => {
    const wait = servedAt + FORM_DELAY - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await submit(page, page.getByRole('button', { name: '提交投诉', exact: true }));
    const errors = await page.locator('.alert-error, .field-error').allInnerTexts();
    if (errors.length) fail(`the form came back with: ${errors.join(' / ')}`);
    tracking = await text(page.locator('#tracking-no'));
    code = await text(page.locator('#verify-code'));
    if (!/^TS-\d{8}-\d{4,}$/.test(tracking)) fail(`the tracking number "${tracking}" is not like TS-20261122-0042`);
    await visible(page.locator('#screenshot-note'), 'the note to take a screenshot');
    const copy = page.getByRole('button', { name: '复制编号和验证码' });
    await visible(copy, 'the copy button (shown by the script)');
    await copy.click();
    await visible(page.locator('#copy-status').filter({ hasText: '已复制' }), '已复制 after pressing the copy button');
    const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    if (copied !== null && !(copied.includes(tracking) && copied.includes(code)))
      fail(`the clipboard holds "${copied}", not the number and the code`);
    statusHref = await page.locator('#status-link').getAttribute('href');
    if (statusHref.includes(code)) fail(`the status link ${statusHref} carries the code`);
    const phone = sql(`SELECT phone FROM complaints WHERE tracking_no = '${tracking}'`);
    if (phone !== '13900139000-8') fail(`the full-width phone was stored as "${phone}"`);
    console.log(`     complaint ${tracking}`);
  });
}

// the start page's section (lib/complaint_work.c) lists the complaint, linked
async function onStartPage(page, section, number, what) {
  await page.goto(`${BASE}/`);
  const card = page.locator(`#work-${section}`);
  await visible(card, `the start page section ${what}`);
  await visible(card.getByRole('link', { name: new RegExp(escapeRe(number)) }), `${number} under ${what}`);
}

async function managerClassifies(manager) {
  await step(manager, 'manager-start', async (page) => {
    await signIn(page, 'manager');
    await visible(page.locator('#h-complaints-classify').filter({ hasText: '待分级的投诉' }), 'the section 待分级的投诉');
    await onStartPage(page, 'complaints-classify', tracking, '待分级的投诉');
  });
  await step(manager, 'manager-list', async (page) => {
    await submit(page, page.locator('nav.main-nav').getByRole('link', { name: '投诉处理', exact: true }));
    await onPath(page, '/complaints/', 'the complaint lists');
    const row = page.locator('table.complaints tbody tr').filter({ hasText: tracking });
    await visible(row, `the new complaint ${tracking} in the manager's list, to classify`);
    if (!(await text(row)).includes('未分级')) fail(`the row of ${tracking} does not say 未分级`);
  });
  await step(manager, 'manager-classified', async (page) => {
    await submit(page, page.getByRole('link', { name: tracking, exact: true }));
    await onPath(page, /^\/complaints\/\d+$/, `the page of ${tracking}`);
    id = new URL(page.url()).pathname.split('/').pop();
    await visible(page.locator('#c-phone').filter({ hasText: '139 0013 9000 转 8' }), 'the phone shown grouped');
    const form = page.locator('section.action-classify');
    await form.getByRole('radio', { name: /b 一般/ }).check();
    await labelled(form, '负责人').selectOption(ADVISOR);
    await submit(page, form.getByRole('button', { name: '保存分级' }));
    await saved(page, id, 'classifying b with the advisor as owner');
    const handling = await text(page.locator('section[aria-labelledby="h-handling"]'));
    if (!handling.includes('李顾问')) fail(`负责人 is not 李顾问: ${handling}`);
  });
}

async function advisorAsks(advisor) {
  await step(advisor, 'advisor-asks', async (page) => {
    await signIn(page, 'advisor');
    await page.goto(`${BASE}/complaints/${id}`);
    const form = page.locator('section.action-wait');
    await fill(form, '向投诉人提出的问题（显示在其进度查询页并邮件通知）', T.question);
    await submit(page, form.getByRole('button', { name: '开始等待（暂停计时）' }));
    await saved(page, id, 'asking the complainant');
    await visible(page.locator('.complaint-head .badge.waiting'), 'the 等待投诉人 badge');
    const asked = page.locator('ol.timeline > li').filter({ hasText: T.question });
    await visible(asked, 'the question in the timeline');
    // shown to the complainant, but no reply yet (已回复投诉人 only once one is sent)
    if (!(await text(asked.locator('.badge'))).includes('投诉人可见'))
      fail('the question is not marked as shown to the complainant (投诉人可见)');
    // two days spent waiting, so that the resumed due time visibly moves on
    sql(`UPDATE complaints SET waiting_since = waiting_since - INTERVAL 2 DAY WHERE id = ${id}`);
    dueBefore = resolutionDue();
  });
}

async function clientAnswers(client) {
  await step(client, 'status-waiting', async (page) => {
    await page.goto(new URL(statusHref, BASE).href);
    const number = labelled(page, '投诉编号');
    if ((await number.inputValue()) !== tracking) fail(`the status form opened without the number ${tracking}`);
    await fill(page, '查询验证码', code);
    await submit(page, page.getByRole('button', { name: '查询', exact: true }));
    await visible(page.getByRole('heading', { name: '等待您的答复' }), 'the heading 等待您的答复');
    await visible(page.locator('#question').filter({ hasText: T.question }), 'the question asked');
  });
  await step(client, 'answered', async (page) => {
    const form = page.locator('#answer-form');
    await fill(form, '您的答复', T.answer);
    await labelled(form, '照片或文件（可选）').setInputFiles(PHOTO);
    await submit(page, form.getByRole('button', { name: '提交答复' }));
    await visible(page.locator('#answer-notice').filter({ hasText: '我们已收到您的答复' }), 'the thanks for the answer');
    if (await page.locator('#answer-form').count()) fail('the answer form is still offered after answering');
    await visible(page.locator('#timeline li').filter({ hasText: '您的答复' }).filter({ hasText: T.answer }),
      'the answer on the public timeline');
  });
}

async function advisorResolves(advisor) {
  await step(advisor, 'advisor-sees-answer', async (page) => {
    await page.reload();
    if (await page.locator('.complaint-head .badge.waiting').count()) fail('still 等待投诉人 after the answer');
    const answer = page.locator('ol.timeline > li').filter({ hasText: T.answer });
    await visible(answer, "the complainant's answer in the timeline");
    if (!(await text(answer)).includes('投诉人答复')) fail('the answer is not labelled 投诉人答复');
    await visible(page.locator('ol.timeline > li').filter({ hasText: '恢复计时' }), 'the clock resumed (恢复计时)');
    await visible(page.locator('section[aria-labelledby="h-facts"] ul.list').getByRole('link', { name: 'photo.png' }),
      'the photo of the answer under 附件');
    const after = resolutionDue();
    if (!(after > dueBefore)) fail(`the resolution due time did not move on (${dueBefore} → ${after})`);
  });
  await step(advisor, 'advisor-replied', async (page) => {
    const reply = page.locator('section.action-reply');
    await fill(reply, '回复投诉人', T.reply);
    await submit(page, reply.getByRole('button', { name: '发送回复' }));
    await saved(page, id, 'replying to the complainant');
  });
  await step(advisor, 'advisor-referred', async (page) => {
    const refer = page.locator('section.action-refer');
    await fill(refer, '发现的问题', T.finding);
    await submit(page, refer.getByRole('button', { name: '转交市场' }));
    await saved(page, id, 'referring a finding to market', '已转交市场。');
    await visible(page.locator('ol.timeline > li').filter({ hasText: T.finding }), 'the referral in the timeline');
    if (Number(sql(`SELECT COUNT(*) FROM complaint_referrals WHERE complaint_id = ${id} AND answered_at IS NULL`)) !== 1)
      fail('no open referral to market was stored');
  });
}

async function marketAnswers(market) {
  await step(market, 'market-start', async (page) => {
    await signIn(page, 'market');
    await onStartPage(page, 'complaints-referred', tracking, '转交市场待答复');
  });
  await step(market, 'market-list', async (page) => {
    await submit(page, page.locator('nav.main-nav').getByRole('link', { name: '投诉处理', exact: true }));
    await onPath(page, '/complaints/', 'the complaint lists');
    await visible(page.locator('[aria-current="page"]').filter({ hasText: '转交给市场' }), 'the list 转交给市场, chosen');
    const row = page.locator('table.complaints tbody tr').filter({ hasText: tracking });
    await visible(row, `${tracking} in market's "referred to market" list`);
  });
  await step(market, 'market-answered', async (page) => {
    await submit(page, page.getByRole('link', { name: tracking, exact: true }));
    await onPath(page, `/complaints/${id}`, `the page of ${tracking}`);
    await visible(page.locator('#access-note'), 'the note that market only reads this complaint');
    await visible(page.locator('ol.timeline > li').filter({ hasText: T.finding }), 'the finding referred');
    if (await page.locator('section.action-stage, section.action-reply').count())
      fail('market is offered the handling actions');
    const form = page.locator('section.action-answer');
    await fill(form, '给客户的答复', T.market);
    await submit(page, form.getByRole('button', { name: '发送答复' }));
    await saved(page, id, "market's answer to the client");
    await visible(page.locator('ol.timeline > li').filter({ hasText: T.market }), "market's answer in the timeline");
    if (await page.locator('section.action-answer').count()) fail('the answer form is still offered: the referral is not done');
    if (Number(sql(`SELECT COUNT(*) FROM complaint_referrals WHERE complaint_id = ${id} AND answered_at IS NOT NULL`)) !== 1)
      fail('the referral was not recorded as answered');
  });
}

async function advisorCompletes(advisor) {
  await step(advisor, 'advisor-resolved', async (page) => {
    await page.goto(`${BASE}/complaints/${id}`);
    await visible(page.locator('ol.timeline > li').filter({ hasText: T.market }), "market's answer on the advisor's page");
    let form = page.locator('section.action-stage');
    await submit(page, form.getByRole('button', { name: '进入下一阶段' }));
    await saved(page, id, 'moving to 初步调查');
    form = page.locator('section.action-stage');
    await fill(form, '处理结果（将回复投诉人）', T.done);
    await submit(page, form.getByRole('button', { name: '进入下一阶段' }));
    await saved(page, id, 'moving to 反馈与解决');
    await visible(page.locator('.complaint-head .badge.stage').filter({ hasText: '反馈与解决' }), 'the stage 反馈与解决');
  });
}

async function clientRates(client) {
  await step(client, 'rated', async (page) => {
    await page.goto(new URL(statusHref, BASE).href);
    await fill(page, '查询验证码', code);
    await submit(page, page.getByRole('button', { name: '查询', exact: true }));
    const timeline = page.locator('#timeline');
    for (const t of [T.question, T.answer, T.reply, T.market, T.done])
      await visible(timeline.getByText(t), `"${t}" on the status page`);
    await page.getByRole('radio', { name: '5 很满意', exact: true }).check();
    await fill(page, '评价意见', T.comment);
    await submit(page, page.getByRole('button', { name: '提交评价', exact: true }));
    await visible(page.getByRole('status').filter({ hasText: '感谢您的评价！' }), 'the thanks 感谢您的评价！');
    if (!(await text(page.locator('#rating'))).includes('5/5')) fail('the rating 5/5 is not shown');
  });
}

async function clientFilesAgain(client) {
  await step(client, 'filed-again', async (page) => {
    await page.goto(`${BASE}/portal/complaint`);
    const servedAt = Date.now();
    await fill(page, '您的姓名', T.name);
    await fill(page, '手机或电话', T.phone);
    await fill(page, '投诉内容', T.again);
    const wait = servedAt + FORM_DELAY - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await submit(page, page.getByRole('button', { name: '提交投诉', exact: true }));
    again = await text(page.locator('#tracking-no'));
    if (!/^TS-\d{8}-\d{4,}$/.test(again) || again === tracking) fail(`the second complaint's number is "${again}"`);
    console.log(`     second complaint ${again}`);
  });
}

async function managerMarksDuplicate(manager) {
  await step(manager, 'manager-duplicate', async (page) => {
    await onStartPage(page, 'complaints-classify', again, '待分级的投诉');
    await submit(page, page.locator('#work-complaints-classify').getByRole('link', { name: new RegExp(escapeRe(again)) }));
    await onPath(page, /^\/complaints\/\d+$/, `the page of ${again}`);
    const dup = new URL(page.url()).pathname.split('/').pop();
    const form = page.locator('section.action-duplicate');
    await fill(form, '原投诉的编号', tracking);
    await submit(page, form.getByRole('button', { name: '标记为重复并关闭' }));
    await saved(page, dup, 'marking it as a duplicate');
    await visible(page.locator('#duplicate-of').getByRole('link', { name: tracking, exact: true }), `the link to the original ${tracking}`);
    await visible(page.locator('.complaint-head .badge.stage').filter({ hasText: '已关闭' }), 'the stage 已关闭');
  });
}

async function clientSeesDuplicate(client) {
  await step(client, 'status-duplicate', async (page) => {
    await page.goto(new URL(statusHref, BASE).href);
    await fill(page, '查询验证码', code);
    await submit(page, page.getByRole('button', { name: '查询', exact: true }));
    const dups = page.locator('#duplicates');
    await visible(dups.getByRole('heading', { name: '同一事项的其他投诉' }), 'the heading 同一事项的其他投诉');
    await visible(dups.getByText(again, { exact: true }), `the duplicate's number ${again}`);
    if ((await page.content()).includes(T.again)) fail("the duplicate's text is shown on the original's status page");
  });
}

let browser;
let exit = 0;
try {
  browser = await launch();
  const client = await actor(browser, 'phone', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  await client.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const manager = await actor(browser, 'desktop-manager', { viewport: { width: 1280, height: 800 } });
  const advisor = await actor(browser, 'desktop-advisor', { viewport: { width: 1280, height: 800 } });
  const market = await actor(browser, 'desktop-market', { viewport: { width: 1280, height: 800 } });
  await clientFiles(client);
  await managerClassifies(manager);
  await advisorAsks(advisor);
  await clientAnswers(client);
  await advisorResolves(advisor);
  await marketAnswers(market);
  await advisorCompletes(advisor);
  await clientRates(client);
  await clientFilesAgain(client);
  await managerMarksDuplicate(manager);
  await clientSeesDuplicate(client);
  console.log(`e2e: complaint ${tracking}: to classify on the start page, asked, answered with a photo on a phone,` +
    ` referred to and answered by market, resolved, rated; ${again} marked its duplicate; screenshots in ${SHOTS}`);
} catch (e) {
  console.error(`FAIL ${e && e.message ? e.message : e}`);
  exit = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.exit(exit);
