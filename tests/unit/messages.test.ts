import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/messaging/messages';

describe('messages', () => {
  it('accepts each known message', () => {
    expect(parseMessage({ type: 'lookup', id: 'osteoclast' })).toEqual({ type: 'lookup', id: 'osteoclast' });
    expect(parseMessage({ type: 'suggest', text: 'banana' })).toBeDefined();
    expect(parseMessage({ type: 'explain-selection' })).toBeDefined();
    expect(parseMessage({ type: 'page-terms' })).toBeDefined();
  });

  it('drops malformed or unknown messages', () => {
    expect(parseMessage(null)).toBeUndefined();
    expect(parseMessage({ type: 'lookup' })).toBeUndefined();
    expect(parseMessage({ type: 'lookup', id: 5 })).toBeUndefined();
    expect(parseMessage({ type: 'delete-everything' })).toBeUndefined();
    expect(parseMessage({ type: 'suggest', text: 'x'.repeat(301) })).toBeUndefined();
    expect(parseMessage({ type: 'page-terms', extra: true })).toBeUndefined();
  });
});
