import { Fragment, type ReactNode } from 'react';

/** A piece of highlighted text: plain or emphasised (a search hit). */
export interface Segment {
  text: string;
  em: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/', '#47': '/' };

/**
 * The search API sends HTML-escaped text with only <em> … </em> added around hits. This keeps
 * exactly that: it splits on the literal <em> and </em> tags, decodes the escaped text and returns
 * plain strings — anything else that looks like markup stays visible text. React then escapes the
 * strings again, so no HTML from the server ever reaches the DOM.
 */
export function highlightSegments(fragment: string | null | undefined): Segment[] {
  if (!fragment) return [];
  const segments: Segment[] = [];
  let em = false;
  for (const part of fragment.split(/(<em>|<\/em>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<em>') { em = true; continue; }
    if (tag === '</em>') { em = false; continue; }
    if (part === '') continue;
    const text = decodeEntities(part);
    const last = segments[segments.length - 1];
    if (last && last.em === em) last.text += text;
    else segments.push({ text, em });
  }
  return segments;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#?[a-zA-Z0-9]+);/g, (whole, name: string) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (/^#\d+$/.test(name)) return safeCodePoint(Number(name.slice(1)), whole);
    if (/^#x[0-9a-fA-F]+$/.test(name)) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    return whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Renders a highlighted fragment (or plain fallback text) without innerHTML. */
export function Highlighted({ fragment, fallback }: { fragment?: string | null; fallback?: string | null }): ReactNode {
  const segments = fragment ? highlightSegments(fragment) : [{ text: fallback ?? '', em: false }];
  return (
    <>
      {segments.map((segment, index) =>
        segment.em ? <em key={index} className="hit">{segment.text}</em> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
