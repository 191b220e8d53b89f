// Commissioners (科技特派员): university2 applies with the agri institute (which they own) as employer,
// consents as its OWNER, the bureau (admin) selects them with HR's opinion, and anyone sees them in
// the public notice; then the public statistics chart. The demo database keeps earlier runs, so
// an earlier selection is first ended by resigning (an honest exit) and an open application withdrawn.
export const name = 'commissioners';

export async function run(ctx) {
  const { browser, base, log, shot, login, pick, watch, runCode, report } = ctx;
  const applicant = `特派员${runCode()}`;
  const newContext = () => browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

  // 1. Apply (after clearing what an earlier run left).
  const userContext = await newContext();
  const page = watch(await userContext.newPage(), 'university2');
  await login(page, 'university2');
  await page.goto(`${base}/commissioners/apply`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  if (await page.getByTestId('resign').count()) {
    await page.getByTestId('resign').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary:visible').click();
    await page.getByTestId('standing').filter({ hasText: '已退出' }).waitFor({ timeout: 20_000 });
    log('an earlier selection of university2 ended by resignation');
  }
  while (await page.getByTestId('withdraw').count()) {
    await page.getByTestId('withdraw').first().click();
    await page.waitForLoadState('networkidle');
  }
  await page.locator('#commissioner-name').waitFor({ timeout: 20_000 });
  await page.locator('#commissioner-name').fill(applicant);
  await pick(page, 'commissioner-employer', '陇东农业科学研究院');
  await page.locator('#commissioner-expertise').fill('马铃薯脱毒种薯繁育与晚疫病防控');
  await page.locator('#commissioner-profile').fill('平凉市陇东农业科学研究院助理研究员，长期在庄浪县开展马铃薯技术服务。');
  await pick(page, 'commissioner-region', '庄浪县');
  await shot(page, 'commissioner-application-form');
  await page.getByTestId('commissioner-submit').click();
  await page.getByTestId('application-status').filter({ hasText: '等待单位同意' }).first().waitFor({ timeout: 20_000 });
  log(`${applicant} applied`);
  await shot(page, 'commissioner-applied');

  // 2. The employer's OWNER (here the applicant themselves) consents.
  await page.goto(`${base}/commissioners/consents`);
  const request = page.getByTestId('consent-request').filter({ hasText: applicant });
  await request.waitFor({ timeout: 20_000 });
  await shot(page, 'commissioner-consent-request');
  await request.getByTestId('consent-yes').click();
  await request.waitFor({ state: 'detached', timeout: 20_000 });
  await userContext.close();

  // 3. The bureau selects with HR's opinion.
  const adminContext = await newContext();
  const admin = watch(await adminContext.newPage(), 'admin');
  await login(admin, 'admin');
  await admin.goto(`${base}/admin/commissioners`);
  const item = admin.getByTestId('review-item').filter({ hasText: applicant });
  await item.waitFor({ timeout: 20_000 });
  await shot(admin, 'commissioner-review-queue');
  await item.getByTestId('approve').click();
  await admin.locator('#hr-opinion').fill('市人社局：同意选派');
  await admin.locator('#decision-reason').fill('专业对口，所在单位同意');
  await admin.getByTestId('decision-ok').click();
  await item.waitFor({ state: 'detached', timeout: 20_000 });
  log('admin selected them');
  await adminContext.close();

  // 4. Anyone sees the public notice and the statistics.
  const visitorContext = await newContext();
  const visitor = watch(await visitorContext.newPage(), 'visitor');
  await visitor.goto(`${base}/commissioners/notice`);
  await visitor.getByTestId('notice-table').getByText(applicant).waitFor({ timeout: 20_000 });
  report.push(`commissioner ${applicant} is in the public notice`);
  await shot(visitor, 'commissioner-public-notice');
  await visitor.goto(`${base}/statistics/commissioners`);
  await visitor.getByTestId('coverage-chart').locator('canvas').waitFor({ timeout: 30_000 });
  await shot(visitor, 'commissioner-statistics');
  await visitorContext.close();
}
