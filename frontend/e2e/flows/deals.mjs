// The deal, continuing the listing flow's story in the browser: the enterprise opens an inquiry on the
// achievement it found and makes an offer; the university, watching the room, sees it arrive live and
// accepts; the university fills in the registration fields, sends the contract for signature and
// signs; the enterprise signs and submits it; the admin registers it at the registration desk; the
// statistics page shows the new turnover. Screenshots of every step.
export const name = 'deals';

const PRICE_YUAN = 500000;

async function target(base) {
  const response = await fetch(`${base}/api/contract-statistics/target`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET /api/contract-statistics/target answered ${response.status}`);
  return response.json();
}

async function confirmPopup(page) {
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary:visible').click();
}

/**
 * A signed-in page that starts at `path`: logging in there brings Keycloak back to it, and the flow then
 * moves by the app's own links, so no page load depends on the silent session check.
 */
async function newPage(ctx, who, path) {
  const context = await ctx.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = ctx.watch(await context.newPage(), who);
  await page.goto(`${ctx.base}${path}`);
  await page.getByTestId('login').click();
  await page.locator('#username').waitFor({ timeout: 30_000 });
  await page.locator('#username').fill(who);
  await page.locator('#password').fill(ctx.password);
  await page.locator('#kc-login').click();
  await page.getByTestId('user-name').waitFor({ timeout: 30_000 });
  await page.waitForURL(`${ctx.base}${path}`);
  ctx.log(`${who} logged in through Keycloak at ${path}`);
  return { context, page };
}

export async function run(ctx) {
  const { base, log, fail, shot, report } = ctx;
  if (!ctx.listing?.id) fail('the deals flow needs ctx.listing (the achievement the listing flow registered)');
  const { id, title } = ctx.listing;
  const before = await target(base);

  // The enterprise opens an inquiry from the achievement's page.
  const enterprise = await newPage(ctx, 'enterprise', `/achievements/${id}`);
  await enterprise.page.getByTestId('inquire').click();
  await enterprise.page.waitForURL(/\/negotiations\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const roomId = enterprise.page.url().split('/').pop();
  await enterprise.page.getByTestId('message-input').fill('您好，我公司在静宁有胡麻油加工线，想引进该技术，请介绍一下设备要求。');
  await enterprise.page.getByTestId('send-message').click();
  await enterprise.page.getByTestId('message').first().waitFor({ timeout: 20_000 });
  log(`enterprise opened negotiation ${roomId} and wrote a message`);
  await shot(enterprise.page, 'deal-enterprise-inquiry');

  // The university finds the room in its list and keeps it open.
  const university = await newPage(ctx, 'university', '/negotiations');
  await university.page.getByTestId('negotiation-item').filter({ hasText: title }).first().getByRole('link', { name: title }).click();
  await university.page.waitForURL(`${base}/negotiations/${roomId}`);
  await university.page.getByTestId('message').filter({ hasText: '胡麻油加工线' }).waitFor({ timeout: 20_000 });
  await university.page.getByText('实时更新已连接').waitFor({ timeout: 20_000 });
  await shot(university.page, 'deal-university-room');

  // The enterprise makes a structured offer: milestones must add up to the price.
  const e = enterprise.page;
  await e.getByTestId('make-offer').click();
  await e.locator('#priceYuan').fill(String(PRICE_YUAN));
  await e.locator('#milestones_0_title').fill('签约预付');
  await e.locator('#milestones_0_amountYuan').fill('100000');
  await e.locator('#milestones_1_title').fill('验收尾款');
  await e.locator('#milestones_1_amountYuan').fill('300000');
  await e.getByTestId('milestone-sum').filter({ hasText: '比总价少' }).waitFor({ timeout: 10_000 });
  report.push(`offer form refuses milestones that do not add up: "${(await e.getByTestId('milestone-sum').textContent())?.trim()}"`);
  await shot(e, 'deal-offer-milestones-short');
  await e.getByTestId('split-evenly').click();
  await e.getByTestId('milestone-sum').filter({ hasText: '与总价一致' }).waitFor({ timeout: 10_000 });
  await ctx.pick(e, 'contractType', '技术转让');
  await ctx.pick(e, 'contractSubtype', '专利权转让');
  await e.locator('#scope').fill('转让专利 202310123456.6 的专利权，提供低温冷榨设备选型、工艺调试和三次现场培训。');
  await e.getByTestId('send-offer').click();
  await e.getByTestId('open-offer').getByTestId('offer-price').waitFor({ timeout: 20_000 });
  const offeredAt = Date.now();
  await shot(e, 'deal-enterprise-offer');

  // The university's open page shows the offer through the live stream, without reloading.
  const u = university.page;
  await u.getByTestId('open-offer').getByTestId('offer-price').waitFor({ timeout: 20_000 });
  report.push(`offer appeared live in the university's open room ${Date.now() - offeredAt} ms after the enterprise saw it saved (SSE, no reload)`);
  await shot(u, 'deal-university-sees-offer');
  await u.getByTestId('accept-offer').click();
  await confirmPopup(u);
  await u.getByTestId('room-agreed').waitFor({ timeout: 20_000 });
  await shot(u, 'deal-university-accepted');
  await u.getByTestId('to-contract').click();
  await u.waitForURL(/\/contracts\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const contractId = u.url().split('/').pop();
  await u.getByTestId('contract-status').filter({ hasText: '草稿' }).waitFor({ timeout: 20_000 });
  log(`the university accepted; contract draft ${contractId}`);

  // The seller completes the registration fields, sends the contract for signature and signs.
  await u.getByTestId('edit-fields').click();
  await ctx.pick(u, 'technologyField', '农业');
  await ctx.pick(u, 'planSource', '市、县级计划');
  await u.getByLabel('专利', { exact: true }).check();
  await u.locator('#equipmentYuan').fill('20000');
  await u.locator('#carrierSamplesYuan').fill('1000');
  await u.getByTestId('technical-amount').filter({ hasText: '480,000.00' }).waitFor({ timeout: 10_000 });
  await u.locator('#expectedNewInvestmentYuan').fill('2000000');
  await u.locator('#expectedNewOutputValueYuan').fill('10000000');
  await shot(u, 'deal-university-registration-fields');
  await u.getByTestId('save-fields').click();
  await u.getByTestId('contract-fields-form').waitFor({ state: 'detached', timeout: 20_000 });
  await u.getByTestId('request-signatures').click();
  await confirmPopup(u);
  await u.getByTestId('contract-status').filter({ hasText: '待签署' }).waitFor({ timeout: 20_000 });
  await u.getByTestId('sign').click();
  await confirmPopup(u);
  await u.getByTestId('signature-SELLER').filter({ hasText: '已签署' }).waitFor({ timeout: 20_000 });
  await shot(u, 'deal-university-signed');

  // The buyer, whose room turned AGREED live, follows it to the contract, signs and submits it.
  await e.getByTestId('room-agreed').waitFor({ timeout: 20_000 });
  await e.getByTestId('to-contract').click();
  await e.waitForURL(`${base}/contracts/${contractId}`);
  await e.getByTestId('sign').click();
  await confirmPopup(e);
  await e.getByTestId('contract-status').filter({ hasText: '已签署' }).waitFor({ timeout: 20_000 });
  await e.getByTestId('submit-registration').click();
  await confirmPopup(e);
  await e.getByTestId('contract-status').filter({ hasText: '待登记' }).waitFor({ timeout: 20_000 });
  await shot(e, 'deal-enterprise-signed-submitted');
  await enterprise.context.close();
  await university.context.close();

  // The admin registers it at the desk; the statistics page shows the new turnover.
  const admin = await newPage(ctx, 'admin', '/admin/registration');
  const a = admin.page;
  const item = a.getByTestId('contract-item').filter({ has: a.locator(`a[href="/contracts/${contractId}"]`) });
  await item.waitFor({ timeout: 20_000 });
  await shot(a, 'deal-admin-registration-desk');
  await item.getByTestId('desk-register').click();
  await confirmPopup(a);
  await item.waitFor({ state: 'detached', timeout: 20_000 });
  await a.locator('.ant-segmented-item').filter({ hasText: '已登记' }).click();
  await a.locator(`a[href="/contracts/${contractId}"]`).click();
  await a.waitForURL(`${base}/contracts/${contractId}`);
  // The registration number is on the contract's page only: once it shows, the desk's list of registered
  // contracts (each with its own status tag) has left the screen.
  await a.getByTestId('registration-number').waitFor({ timeout: 20_000 });
  await a.getByTestId('contract-status').filter({ hasText: '已登记' }).waitFor({ timeout: 20_000 });
  const number = (await a.getByTestId('registration-number').textContent())?.trim();
  if (!/^\d{16}$/.test(number ?? '')) fail(`registration number "${number}" is not 16 digits`);
  report.push(`contract registered at the desk with number ${number}`);
  await shot(a, 'deal-admin-registered');

  const after = await target(base);
  const added = after.achieved.amountFen - before.achieved.amountFen;
  if (added !== PRICE_YUAN * 100) fail(`turnover grew by ${added} fen, expected ${PRICE_YUAN * 100}`);
  await a.locator('#app-nav').getByRole('link', { name: '统计分析' }).click();
  await a.waitForURL(`${base}/statistics`);
  await a.getByTestId('stats-target-text').filter({ hasText: `${after.progressPercent}%` }).waitFor({ timeout: 20_000 });
  await a.getByTestId('stats-target').getByText(String(after.contractCount), { exact: true }).first().waitFor({ timeout: 20_000 });
  await a.getByTestId('stats-by-month').locator('canvas').waitFor({ timeout: 30_000 });
  report.push(`statistics page: ${after.contractCount} registered contracts this year (was ${before.contractCount}), `
    + `turnover ${(after.achieved.amountFen / 100).toLocaleString('en')} CNY (+${PRICE_YUAN.toLocaleString('en')}), ${after.progressPercent}% of the 15亿元 target`);
  await shot(a, 'deal-statistics');
  // The same dashboard at phone width stays within the screen.
  await a.setViewportSize({ width: 375, height: 812 });
  await a.waitForTimeout(500);
  const overflow = await a.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  report.push(`statistics page at 375 px: horizontal overflow ${overflow} px`);
  await shot(a, 'deal-statistics-phone');
  await admin.context.close();
}
