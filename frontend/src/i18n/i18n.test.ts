import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zhCN, en } from './resources';
import { TECHNOLOGY_FIELDS, MATURITIES, TRANSFER_MODES, ACHIEVEMENT_STATUSES, DEMAND_STATUSES, REGIONS } from '../api/types';
import type { ProblemKind } from '../api/problem';

import type { Tree } from './resources';

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`));
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(zhCN as unknown as Tree).sort());
  });

  it('have no empty text and keep the placeholders of the other language', () => {
    for (const key of keys(zhCN as unknown as Tree)) {
      const zh = lookup(zhCN as unknown as Tree, key)!;
      const english = lookup(en as unknown as Tree, key)!;
      expect(zh.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(english), key).toEqual(placeholders(zh));
    }
  });

  it('name every value of the API enums and every problem kind', () => {
    const problemKinds: ProblemKind[] = ['offline', 'unauthorized', 'forbidden', 'not-found', 'conflict', 'validation-failed',
      'malformed-request', 'payload-too-large', 'unsupported-media-type', 'too-many-requests', 'service-unavailable', 'internal-error'];
    const expected = [
      ...TECHNOLOGY_FIELDS.map((value) => `field.${value}`),
      ...MATURITIES.map((value) => `maturity.${value}`),
      ...TRANSFER_MODES.map((value) => `transfer.${value}`),
      ...ACHIEVEMENT_STATUSES.map((value) => `status.${value}`),
      ...DEMAND_STATUSES.map((value) => `status.${value}`),
      ...REGIONS.map((value) => `region.${value}`),
      ...problemKinds.map((kind) => `problem.${kind}`),
    ];
    for (const key of expected) {
      expect(lookup(zhCN as unknown as Tree, key), key).toBeDefined();
      expect(lookup(en as unknown as Tree, key), key).toBeDefined();
    }
  });

  it('contain every literal key the source code asks for', () => {
    const used = new Set<string>();
    for (const file of sources(join(process.cwd(), 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/(?:label|titleKey)[:=]\s*['"]((?:nav|app|home|search|listing|form|actions|my|imports|moderation)\.[\w.-]+)['"]/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => lookup(zhCN as unknown as Tree, key) === undefined);
    expect(missing).toEqual([]);
  });
});
