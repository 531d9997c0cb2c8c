import { describe, expect, it } from 'vitest';
import { bytesToText, textToBytes } from '../../src/match/index-text';

/** A repeatable byte pattern (no Math.random: a failure must reproduce). */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  return Uint8Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  });
}

describe('index-text (bytes as printable ASCII, 13 bits per two characters)', () => {
  it('reads back every length from 0 to 64 bytes exactly, including the one-character tails', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = pseudoRandomBytes(length, length + 1);
      const text = bytesToText(bytes);
      expect(Array.from(textToBytes(text)), `length ${length}`).toEqual(Array.from(bytes));
    }
  });

  it('reads back all-zero and all-ones bytes, and a long run', () => {
    for (const fill of [0, 255]) {
      const bytes = new Uint8Array(1000).fill(fill);
      expect(Array.from(textToBytes(bytesToText(bytes)))).toEqual(Array.from(bytes));
    }
    const long = pseudoRandomBytes(200_000, 7);
    expect(textToBytes(bytesToText(long))).toEqual(long);
  });

  it('writes only printable ASCII without quote or backslash, 1.23 characters per byte', () => {
    const text = bytesToText(pseudoRandomBytes(100_000, 3));
    expect(text).toMatch(/^[ !#-[\]-~]*$/);
    expect(text.length).toBe(Math.ceil((100_000 * 8) / 13) * 2 - ((100_000 * 8) % 13 > 0 && (100_000 * 8) % 13 <= 6 ? 1 : 0));
    expect(text.length / 100_000).toBeLessThan(1.24);
  });

  it('refuses characters outside its alphabet', () => {
    expect(() => textToBytes('ab"d')).toThrow(/alphabet/);
    expect(() => textToBytes('ab\\d')).toThrow(/alphabet/);
    expect(() => textToBytes('abcé')).toThrow(/alphabet/);
    expect(() => textToBytes('a\n')).toThrow(/alphabet/);
  });
});
