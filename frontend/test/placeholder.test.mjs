import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(process.env.FRONTEND_OUT_DIR ?? 'dist');
const page = () => readFileSync(resolve(outDir, 'index.html'), 'utf8');

test('the built page is Chinese first', () => {
  assert.match(page(), /<html lang="zh-CN">/);
  assert.match(page(), /平凉科技大市场/);
});

test('the built page offers English too', () => {
  assert.match(page(), /Pingliang Technology Market/);
});

test('the page points to the API documentation and health', () => {
  assert.match(page(), /href="\/swagger-ui.html"/);
  assert.match(page(), /href="\/actuator\/health"/);
});
