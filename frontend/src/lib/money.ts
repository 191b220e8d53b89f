/** Money in the API is whole fen (1 元 = 100 分) as a long; never floating point. */
export interface Money {
  amountFen: number;
  currency: string;
}

/** 1234567 fen → "¥12,345.67"; compact: 万/亿 in Chinese ("¥123.46万", "¥15亿"), M/B in English. */
export function formatFen(amountFen: number, language: string, compact = false): string {
  const negative = amountFen < 0;
  const fen = Math.abs(Math.trunc(amountFen));
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  let text: string;
  if (compact && language.startsWith('zh') && yuan >= 100_000_000) {
    text = `¥${trimZeros((fen / 10_000_000_000).toFixed(2))}亿`; // 1 亿元 = 10^10 fen
  } else if (compact && language.startsWith('zh') && yuan >= 10000) {
    text = `¥${trimZeros((fen / 1_000_000).toFixed(2))}万`; // 1 万元 = 10^6 fen
  } else if (compact && !language.startsWith('zh') && yuan >= 1_000_000_000) {
    text = `¥${trimZeros((fen / 100_000_000_000).toFixed(2))}B`;
  } else if (compact && !language.startsWith('zh') && yuan >= 1_000_000) {
    text = `¥${trimZeros((fen / 100_000_000).toFixed(2))}M`;
  } else {
    text = `¥${groupThousands(String(yuan))}.${String(cents).padStart(2, '0')}`;
  }
  return negative ? `-${text}` : text;
}

export function formatMoney(money: Money | null | undefined, language: string, compact = false): string | null {
  if (!money) return null;
  return formatFen(money.amountFen, language, compact);
}

/**
 * What a user typed in 元 ("12,345.6", "12345", "0.05") → fen, exactly (string arithmetic, no float).
 * Returns null for anything that is not a non-negative amount with at most two decimals.
 */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input).trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** fen → the 元 string an input shows ("12345.6" style, no grouping). */
export function fenToYuanInput(amountFen: number | null | undefined): string {
  if (amountFen === null || amountFen === undefined) return '';
  const yuan = Math.floor(amountFen / 100);
  const cents = amountFen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function trimZeros(text: string): string {
  return text.replace(/\.?0+$/, '');
}
