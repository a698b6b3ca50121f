import { describe, expect, it } from 'vitest';
import { parseParameters } from './parameters';

describe('parseParameters', () => {
  it('accepts a JSON object', () => {
    expect(parseParameters('{"did": "F190"}')).toEqual({ ok: true, value: { did: 'F190' } });
  });

  it('treats an empty box as no parameters', () => {
    expect(parseParameters('   ')).toEqual({ ok: true, value: {} });
  });

  it('explains invalid JSON and what to enter instead', () => {
    const result = parseParameters('{did: F190}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^Parameters are not valid JSON \(.+\)\. Enter a JSON object, for example \{\}/,
    );
  });

  it.each([
    ['[1, 2]', 'an array'],
    ['null', 'null'],
    ['"text"', 'string'],
    ['3', 'number'],
  ])('rejects %s because it is %s', (text, kind) => {
    expect(parseParameters(text)).toEqual({
      ok: false,
      error: `Parameters must be a JSON object, not ${kind}: for example {} or {"did": "F190"}.`,
    });
  });
});
