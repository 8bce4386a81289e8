import { describe, expect, test } from 'vitest';
import { jsonForScript } from '../../../webhost/pageList';
import { openedByAddress, parsePrimed, withoutOpened } from './pagePrimed';

describe('what the served page primes the app with', () => {
  test('the data block the host writes reads back as sent, names with markup included', () => {
    const listing = { connectionId: 'sandbox', tables: [`a<b>&"'`, 'T'], ms: 4 };
    expect(parsePrimed(jsonForScript(listing))).toEqual(listing);
  });

  test('a missing, broken or misshapen block primes nothing', () => {
    expect(parsePrimed(undefined)).toBeUndefined();
    expect(parsePrimed('{"connectionId":')).toBeUndefined();
    expect(parsePrimed('{"connectionId":"x","tables":[1]}')).toBeUndefined();
    expect(parsePrimed('{"tables":[]}')).toBeUndefined();
  });

  test('the address a page link opens, and the address left once the app took it', () => {
    expect(openedByAddress('?connection=sandbox&table=a%3Cb%3E%26%22%27')).toEqual({
      connectionId: 'sandbox',
      table: `a<b>&"'`,
    });
    expect(openedByAddress('?table=x')).toBeUndefined();
    expect(openedByAddress('?connection=sandbox')).toBeUndefined();
    expect(openedByAddress('')).toBeUndefined();
    expect(withoutOpened('http://127.0.0.1:1/?connection=s&table=t&x=1#h')).toBe('/?x=1#h');
    expect(withoutOpened('http://127.0.0.1:1/?connection=s&table=t')).toBe('/');
  });
});
