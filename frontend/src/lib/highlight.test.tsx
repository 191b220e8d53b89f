import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { decodeEntities, Highlighted, highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('keeps only <em> as emphasis', () => {
    expect(highlightSegments('庄浪<em>马铃薯</em>脱毒<em>种薯</em>')).toEqual([
      { text: '庄浪', em: false }, { text: '马铃薯', em: true }, { text: '脱毒', em: false }, { text: '种薯', em: true },
    ]);
  });

  it('decodes the escaped text the server sends', () => {
    expect(highlightSegments('A &amp; B &lt;b&gt; &quot;x&quot; &#39;y&#39;')).toEqual([{ text: 'A & B <b> "x" \'y\'', em: false }]);
    expect(decodeEntities('&#x4E2D;&#25991;&bogus;')).toBe('中文&bogus;');
  });

  it('never turns other markup into tags', () => {
    const segments = highlightSegments('<img src=x onerror=alert(1)><em>hit</em><script>bad()</script>');
    expect(segments.map((segment) => segment.em)).toEqual([false, true, false]);
    expect(segments[0].text).toBe('<img src=x onerror=alert(1)>');
  });

  it('handles empty and unbalanced input', () => {
    expect(highlightSegments(null)).toEqual([]);
    expect(highlightSegments('<em>open only')).toEqual([{ text: 'open only', em: true }]);
  });
});

describe('<Highlighted>', () => {
  it('renders hits as <em> and everything else as text', () => {
    const { container } = render(<p><Highlighted fragment={'<em>马铃薯</em> &lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(2)>'} /></p>);
    expect(container.querySelectorAll('em')).toHaveLength(1);
    expect(container.querySelector('em')!.textContent).toBe('马铃薯');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });

  it('falls back to plain text without highlights', () => {
    const { container } = render(<p><Highlighted fallback="<b>plain</b>" /></p>);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<b>plain</b>');
  });
});
