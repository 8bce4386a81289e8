import { describe, expect, test } from 'vitest';
import { escapeHtml, jsonForScript, PRIMED_ID, shellEnd, tableHref } from './pageList';

const NASTY = `a<b>&"'`;

/** The text the browser reads back from an attribute value or element content. */
const unescape = (html: string) =>
  html.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

describe('the table list written into the page', () => {
  test('escapes a name as text and as an attribute: no markup comes from a table name', () => {
    expect(escapeHtml(NASTY)).toBe('a&#60;b&#62;&#38;&#34;&#39;');
    const html = shellEnd({ connectionId: 'sandbox', tables: [NASTY, 'plain'], ms: 3 }, NASTY);
    const markup = html.slice(0, html.indexOf('<script'));
    expect(markup).not.toContain('<b>');
    expect(markup).not.toContain(`"'`);
    const item = /<li><a class="table-item selected" aria-current="true" href="([^"]*)">([^<]*)<\/a><\/li>/.exec(html);
    expect(item).not.toBeNull();
    expect(unescape(item![2]!)).toBe(NASTY);
    expect(unescape(item![1]!)).toBe(tableHref('sandbox', NASTY));
    expect(new URL(unescape(item![1]!), 'http://x').searchParams.get('table')).toBe(NASTY);
    expect(html).toContain('<li><a class="table-item" href="/?connection=sandbox&#38;table=plain">plain</a></li>');
    expect(html).toContain('2 of 2 tables');
    expect(html).toContain('Opening a&#60;b&#62;&#38;&#34;&#39;…');
  });

  test('the data block cannot be ended or commented out by a name, and reads back as sent', () => {
    const listing = { connectionId: 'profile:x</script>', tables: ['</script><script>alert(1)</script>', '<!--', 'a\u2028b'], ms: 1 };
    const html = shellEnd(listing);
    const block = new RegExp(`<script type="application/json" id="${PRIMED_ID}">([\\s\\S]*?)</script>`).exec(html);
    expect(block).not.toBeNull();
    expect(block![1]).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(block![1]!)).toEqual(listing);
    expect(jsonForScript('<&>')).toBe('"\\u003c\\u0026\\u003e"');
  });

  test('without a listing: "Loading…", no links and no data block', () => {
    const html = shellEnd(undefined, 'x');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<script');
    expect(html).toContain('Loading…');
    expect(html).toContain('Pick a table on the left.');
  });
});
