// Innovation vouchers: the bureau issues a voucher to the demo enterprise, the enterprise buys one of
// the demo provider's services and pays it voucher first (and the rest by card through the app's
// Stripe stub when vouchers do not cover it), then the public statistics show the money.
import { readFileSync } from 'node:fs';

export const name = 'vouchers';

/** Where the marketplace started its Stripe stub (12111, or a free port when that was taken). */
function stubUrl() {
  try {
    const logFile = new URL('../../target/e2e-logs/marketplace.log', import.meta.url);
    const found = readFileSync(logFile, 'utf8').match(/local Stripe stub at (http:\/\/[0-9.:]+)/);
    if (found) return found[1];
  } catch { /* fall back to the default port */ }
  return 'http://127.0.0.1:12111';
}

const ENTERPRISE = '01941f29-7c00-7000-8000-000000000004';

/** In-app navigation (no reload, so the login stays; a reload re-checks it with Keycloak). */
async function go(page, path) {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function newPage(ctx, who) {
  const context = await ctx.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  return { context, page: ctx.watch(await context.newPage(), who) };
}

export async function run(ctx) {
  const { base, log, fail, shot, login, report } = ctx;

  // The bureau issues a 1万元 voucher to 静宁县陇红苹果产业 (demo budget of this year).
  const admin = await newPage(ctx, 'admin');
  await login(admin.page, 'admin');
  await go(admin.page, '/admin/vouchers');
  await admin.page.locator('#issue_organisationId').waitFor({ timeout: 30_000 });
  await admin.page.locator('#issue_organisationId').fill(ENTERPRISE);
  await admin.page.locator('#issue_amount').fill('10000');
  await admin.page.locator('#issue_expiresOn').click();
  await admin.page.locator('#issue_expiresOn').fill(`${new Date().getFullYear()}-12-31`);
  const issued = admin.page.waitForResponse((r) => r.url().endsWith('/api/vouchers') && r.request().method() === 'POST', { timeout: 30_000 });
  // Enter confirms the date (and may submit the form already).
  await admin.page.keyboard.press('Enter');
  const early = await Promise.race([issued.then(() => true), admin.page.waitForTimeout(1500).then(() => false)]);
  if (!early) await admin.page.getByTestId('issue-voucher').click();
  const answer = await issued;
  if (answer.status() !== 201) fail(`issuing the demo voucher answered ${answer.status()}: ${await answer.text()}`);
  await admin.page.getByTestId('ledger-check').waitFor({ timeout: 15_000 });
  await shot(admin.page, 'vouchers-admin');
  await admin.context.close();
  log('the bureau issued a voucher to the demo enterprise');

  // The enterprise buys the demo provider's soil-testing service.
  const buyer = await newPage(ctx, 'enterprise');
  const page = buyer.page;
  await login(page, 'enterprise');
  await go(page, '/services');
  await page.getByTestId('service-item').filter({ hasText: '果园土壤检测' }).first().locator('a').first().click();
  await page.getByTestId('buy-service').waitFor({ timeout: 30_000 });
  await ctx.pick(page, 'buyer', '静宁县陇红苹果');
  await shot(page, 'vouchers-service');
  await page.getByTestId('buy-service').click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await page.getByTestId('order-status').waitFor({ timeout: 30_000 });
  await shot(page, 'vouchers-checkout');

  // Vouchers first, biggest balance first, until paid or none left.
  for (let i = 0; i < 5; i++) {
    if ((await page.getByTestId('order-status').innerText()).includes('已付清')) break;
    if (!(await page.getByTestId('voucher-select').isVisible())) break;
    await page.locator('#voucher').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    if (!(await option.isVisible({ timeout: 5_000 }).catch(() => false))) break;
    await option.click();
    const redeemed = page.waitForResponse((r) => r.url().includes('/voucher-redemptions'), { timeout: 30_000 });
    await page.getByTestId('apply-voucher').click();
    const status = (await redeemed).status();
    if (status !== 201) fail(`voucher redemption answered ${status}`);
    await page.waitForTimeout(300);
  }
  let paid = (await page.getByTestId('order-status').innerText()).includes('已付清');
  if (!paid) {
    // The rest by card: the PaymentIntent is created through the payment feature and the stub pays it.
    await page.getByTestId('pay-by-card').click();
    await page.getByTestId('client-secret').waitFor({ timeout: 30_000 });
    const intent = (await page.getByTestId('client-secret').innerText()).match(/pi_[A-Za-z0-9]+/)?.[0];
    await shot(page, 'vouchers-card');
    const stub = process.env.TECHMARKET_STRIPE_STUB_URL ?? stubUrl();
    const confirmed = await fetch(`${stub}/v1/payment_intents/${intent}/confirm`, {
      method: 'POST', headers: { Authorization: `Basic ${Buffer.from('sk_test_local_stub:').toString('base64')}` },
    }).then((r) => r.ok).catch(() => false);
    if (confirmed) {
      await page.getByTestId('order-status').filter({ hasText: '已付清' }).waitFor({ timeout: 30_000 });
      paid = true;
    } else {
      log(`the Stripe stub at ${stub} did not confirm ${intent}: the card part stays awaiting payment`);
    }
  }
  await shot(page, 'vouchers-paid');
  report.push(`vouchers: order ${paid ? 'paid' : 'awaiting card payment'}; voucher part ${await page.getByTestId('voucher-amount').innerText()}, card part ${await page.getByTestId('card-amount').innerText()}`);
  if (!paid) fail('the voucher order was not paid');

  await go(page, '/me/vouchers');
  await page.getByTestId('my-vouchers').waitFor({ timeout: 30_000 });
  await shot(page, 'vouchers-mine');
  await go(page, '/statistics/vouchers');
  await page.getByTestId('budget-use').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await shot(page, 'vouchers-statistics');
  await buyer.context.close();
  log('the enterprise paid a provider service with its voucher; statistics shown');
}
