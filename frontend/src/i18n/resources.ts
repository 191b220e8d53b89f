import baseZhCN from './zh-CN';
import baseEn from './en';

/**
 * The translations: the shared texts in zh-CN.ts / en.ts plus one file per feature under
 * ./features (each `export default { zhCN: {...}, en: {...} }` with its own top-level namespaces),
 * so features add texts without touching each other's files.
 */
export type Tree = { [key: string]: string | Tree };
export type FeatureTexts = { zhCN: Tree; en: Tree };

const features = import.meta.glob<{ default: FeatureTexts }>('./features/*.ts', { eager: true });

function merge(target: Tree, source: Tree, path: string): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) {
      target[key] = value;
    } else if (typeof existing === 'object' && typeof value === 'object') {
      target[key] = merge({ ...existing }, value, `${path}${key}.`);
    } else {
      throw new Error(`translation key ${path}${key} is defined twice`);
    }
  }
  return target;
}

function assemble(base: Tree, pick: (texts: FeatureTexts) => Tree): Tree {
  let tree: Tree = { ...base };
  for (const [file, module] of Object.entries(features).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.endsWith('.test.ts')) tree = merge(tree, pick(module.default), '');
  }
  return tree;
}

export const zhCN = assemble(baseZhCN as unknown as Tree, (texts) => texts.zhCN);
export const en = assemble(baseEn as unknown as Tree, (texts) => texts.en);
