import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/messaging/messages';

describe('messages', () => {
  it('accepts each known message', () => {
    expect(parseMessage({ type: 'lookup', id: 'osteoclast' })).toEqual({ type: 'lookup', id: 'osteoclast' });
    expect(parseMessage({ type: 'suggest', text: 'banana' })).toBeDefined();
    expect(parseMessage({ type: 'explain-selection' })).toBeDefined();
    expect(parseMessage({ type: 'page-terms' })).toBeDefined();
    expect(parseMessage({ type: 'explain-next-term' })).toEqual({ type: 'explain-next-term' });
  });

  it('drops malformed or unknown messages', () => {
    expect(parseMessage(null)).toBeUndefined();
    expect(parseMessage({ type: 'lookup' })).toBeUndefined();
    expect(parseMessage({ type: 'lookup', id: 5 })).toBeUndefined();
    expect(parseMessage({ type: 'delete-everything' })).toBeUndefined();
    expect(parseMessage({ type: 'suggest', text: 'x'.repeat(301) })).toBeUndefined();
    expect(parseMessage({ type: 'page-terms', extra: true })).toBeUndefined();
    expect(parseMessage({ type: 'explain-next-term', text: 'x' })).toBeUndefined();
  });

  it('checks notebook messages where they arrive', () => {
    const context = { written: 'Osteoclasts', sentence: 'Osteoclasts clear bone.', title: 'A page', url: 'https://a.example/' };
    expect(parseMessage({ type: 'notebook-save', input: { entryId: 'osteoclast', headword: 'osteoclast', context } })).toBeDefined();
    expect(parseMessage({ type: 'notebook-save', input: { entryId: 'osteoclast', headword: 'osteoclast' } })).toBeDefined();
    expect(parseMessage({ type: 'notebook-save', input: { entryId: '', headword: 'osteoclast' } })).toBeUndefined();
    expect(parseMessage({ type: 'notebook-save', input: { entryId: 'x', headword: 'x', context: { ...context, sentence: 'x'.repeat(601) } } })).toBeUndefined();
    expect(parseMessage({ type: 'notebook-save', input: { entryId: 'x', headword: 'x', context: { ...context, script: 'alert(1)' } } })).toBeUndefined();
    expect(parseMessage({ type: 'notebook-restore', entry: { entryId: 'x' } })).toBeUndefined();
    expect(parseMessage({ type: 'notebook-update', entryId: 'x', note: 'n', tags: ['a'] })).toBeDefined();
    expect(parseMessage({ type: 'reveal-term', id: 'hypercalcemia' })).toBeDefined();
    expect(parseMessage({ type: 'open-notebook', view: 'elsewhere' })).toBeUndefined();
    expect(parseMessage({ type: 'open-notebook' })).toEqual({ type: 'open-notebook' });
    expect(parseMessage({ type: 'notebook-update', entryId: 'x', tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).toBeUndefined();
    expect(parseMessage({ type: 'notebook-update', entryId: 'x', tags: ['x'.repeat(41)] })).toBeUndefined();
    const input = { entryId: 'x', headword: 'x' };
    expect(parseMessage({ type: 'notebook-save-many', inputs: Array.from({ length: 5000 }, () => input) })).toBeDefined();
    expect(parseMessage({ type: 'notebook-save-many', inputs: Array.from({ length: 5001 }, () => input) })).toBeUndefined();
  });
});
