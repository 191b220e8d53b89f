import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatFen, yuanToFen } from './money';

describe('formatFen (fen → 元)', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatFen(1234567, 'zh-CN')).toBe('¥12,345.67');
    expect(formatFen(5, 'zh-CN')).toBe('¥0.05');
    expect(formatFen(0, 'en')).toBe('¥0.00');
    expect(formatFen(100, 'en')).toBe('¥1.00');
  });

  it('is exact for amounts beyond what floats of yuan keep', () => {
    // 15 亿元 = 150,000,000,000 fen; 0.1 + 0.2 style errors would show here.
    expect(formatFen(150_000_000_001, 'en')).toBe('¥1,500,000,000.01');
    expect(formatFen(30, 'zh-CN')).toBe('¥0.30');
  });

  it('compacts large amounts to 万/亿 in Chinese and M/B in English', () => {
    expect(formatFen(50_000_000, 'zh-CN', true)).toBe('¥50万');
    expect(formatFen(150_000_000_000, 'zh-CN', true)).toBe('¥15亿');
    expect(formatFen(9_999_000_000, 'zh-CN', true)).toBe('¥9999万');
    expect(formatFen(12_345_678, 'zh-CN', true)).toBe('¥12.35万');
    expect(formatFen(150_000_000_000, 'en', true)).toBe('¥1.5B');
    expect(formatFen(50_000_000, 'en', true)).toBe('¥500,000.00');
    expect(formatFen(250_000_000, 'en', true)).toBe('¥2.5M');
    expect(formatFen(999_900, 'zh-CN', true)).toBe('¥9,999.00');
  });

  it('keeps the sign of a negative amount', () => {
    expect(formatFen(-250, 'zh-CN')).toBe('-¥2.50');
  });
});

describe('yuanToFen (what users type → fen)', () => {
  it('parses exactly, without floating point', () => {
    expect(yuanToFen('12345.67')).toBe(1234567);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen('¥ 500000')).toBe(50000000);
    expect(yuanToFen('１２')).toBeNull();
    expect(yuanToFen(42)).toBe(4200);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-1', '1.234', '1e5', '1.2.3', null, undefined]) {
      expect(yuanToFen(bad as string)).toBeNull();
    }
  });

  it('round-trips through the input form', () => {
    for (const fen of [0, 5, 10, 100, 123456, 50000000]) {
      expect(yuanToFen(fenToYuanInput(fen))).toBe(fen);
    }
    expect(fenToYuanInput(null)).toBe('');
  });
});
