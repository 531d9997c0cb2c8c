/**
 * Bytes as a string literal, denser than base64: 13 bits in two characters drawn from the 93
 * printable ASCII characters other than `"` and `\` (93 * 93 = 8649 >= 8192), so a minifier prints
 * the literal as is, with no escapes, and the script stays ASCII. 1.23 characters per byte where
 * base64 takes 1.33. A tail of up to 6 bits takes one character.
 */
const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== '"' && c !== '\\')
  .join('');
const BASE = ALPHABET.length; // 93

const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function bytesToText(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  let bits = 0;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    bits |= bytes[i]! << count;
    count += 8;
    if (count >= 13) {
      const value = bits & 8191;
      bits >>>= 13;
      count -= 13;
      chunk += ALPHABET[value % BASE]! + ALPHABET[Math.floor(value / BASE)]!;
      if (chunk.length >= 8192) {
        out.push(chunk);
        chunk = '';
      }
    }
  }
  if (count > 6) chunk += ALPHABET[bits % BASE]! + ALPHABET[Math.floor(bits / BASE)]!;
  else if (count > 0) chunk += ALPHABET[bits]!;
  out.push(chunk);
  return out.join('');
}

export function textToBytes(text: string): Uint8Array {
  const length = text.length;
  const bytes = new Uint8Array(((length >> 1) * 13 + (length & 1 ? 6 : 0)) >> 3);
  let bits = 0;
  let count = 0;
  let at = 0;
  let bad = 0;
  const end = length - (length & 1);
  for (let i = 0; i < end; i += 2) {
    const low = VALUE[text.charCodeAt(i) & 127]!;
    const high = VALUE[text.charCodeAt(i + 1) & 127]!;
    bad |= low | high | (text.charCodeAt(i) | text.charCodeAt(i + 1)) & ~127;
    bits |= (low + high * BASE) << count;
    count += 13;
    bytes[at++] = bits & 255;
    bits >>>= 8;
    count -= 8;
    if (count >= 8) {
      bytes[at++] = bits & 255;
      bits >>>= 8;
      count -= 8;
    }
  }
  if (length & 1) {
    const last = VALUE[text.charCodeAt(end) & 127]!;
    bad |= last | text.charCodeAt(end) & ~127;
    bits |= last << count;
    count += 6;
  }
  while (at < bytes.length) {
    bytes[at++] = bits & 255;
    bits >>>= 8;
  }
  if (bad < 0 || bad > 127) throw new Error('term index: a section holds a character outside its alphabet');
  return bytes;
}
