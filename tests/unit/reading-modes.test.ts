import { describe, expect, it } from 'vitest';
import { chooseVoice, listenTexts, type VoiceLike } from '../../src/ui/listen';
import { cornerBox, dockCorner } from '../../src/ui/pin';
import { isSwipeDown, usesSheet } from '../../src/ui/sheet';
import { firstFromPosition, firstIndexWhere, stepFrom } from '../../src/page/term-navigation';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 200 };

describe('pin: the corner a pinned popover docks to', () => {
  it('places each corner inside the viewport with a margin', () => {
    expect(cornerBox('bottom-right', size, viewport)).toEqual({ left: 692, top: 592, right: 992, bottom: 792 });
    expect(cornerBox('top-left', size, viewport)).toEqual({ left: 8, top: 8, right: 308, bottom: 208 });
  });

  it('prefers the bottom right, and leaves it when the term is there', () => {
    expect(dockCorner({ left: 100, top: 100, right: 200, bottom: 120 }, size, viewport)).toBe('bottom-right');
    expect(dockCorner({ left: 800, top: 700, right: 900, bottom: 720 }, size, viewport)).toBe('top-right');
    // A term under both right corners' columns and rows of the right: the left side.
    expect(dockCorner({ left: 700, top: 100, right: 990, bottom: 700 }, size, viewport)).toBe('bottom-left');
  });

  it('keeps its corner while the term stays clear of it, so it does not jump as the page scrolls', () => {
    expect(dockCorner({ left: 100, top: 100, right: 200, bottom: 120 }, size, viewport, 'top-right')).toBe('top-right');
    expect(dockCorner({ left: 800, top: 50, right: 900, bottom: 70 }, size, viewport, 'top-right')).toBe('bottom-right');
    expect(dockCorner(undefined, size, viewport, 'top-left')).toBe('top-left');
  });

  it('covers as little of the term as it can when every corner would cover some', () => {
    const huge = { left: 0, top: 0, right: 1000, bottom: 700 };
    expect(dockCorner(huge, size, viewport)).toMatch(/^bottom/);
  });
});

describe('term to term: next and previous in page order', () => {
  const terms = [10, 20, 30, 40];
  const compare = (a: number, b: number) => a - b;

  it('moves to the next and previous term, wrapping around at the ends', () => {
    expect(stepFrom(terms, 20, 'next', compare)).toEqual({ item: 30, wrapped: false });
    expect(stepFrom(terms, 20, 'previous', compare)).toEqual({ item: 10, wrapped: false });
    expect(stepFrom(terms, 40, 'next', compare)).toEqual({ item: 10, wrapped: true });
    expect(stepFrom(terms, 10, 'previous', compare)).toEqual({ item: 40, wrapped: true });
  });

  it('starts at the first (or last) term when none is shown, and finds its place when the shown one is gone', () => {
    expect(stepFrom(terms, undefined, 'next', compare)?.item).toBe(10);
    expect(stepFrom(terms, undefined, 'previous', compare)?.item).toBe(40);
    expect(stepFrom(terms, 25, 'next', compare)?.item).toBe(30);
    expect(stepFrom(terms, 25, 'previous', compare)?.item).toBe(20);
    expect(stepFrom([], 25, 'next', compare)).toBeUndefined();
  });

  it('finds the first term at or after the reading position, else starts again at the top', () => {
    expect(firstIndexWhere(terms, (t) => t >= 25)).toBe(2);
    expect(firstIndexWhere(terms, (t) => t >= 0)).toBe(0);
    expect(firstIndexWhere(terms, (t) => t > 99)).toBe(4);
    expect(firstFromPosition(terms, (t) => t >= 25)).toBe(30);
    expect(firstFromPosition(terms, (t) => t > 99)).toBe(10);
    expect(firstFromPosition([], () => true)).toBeUndefined();
  });
});

describe('listen: the voice it reads with', () => {
  const voice = (name: string, lang: string, localService: boolean, isDefault = false): VoiceLike => ({ name, lang, localService, default: isDefault });

  it('uses only on-device English voices', () => {
    expect(chooseVoice([voice('Online US', 'en-US', false, true), voice('Thomas', 'fr-FR', true)])).toBeUndefined();
    expect(chooseVoice([voice('Online US', 'en-US', false, true), voice('Daniel', 'en-GB', true)])?.name).toBe('Daniel');
    expect(chooseVoice([voice('Enrique', 'es-ES', true), voice('Eng', 'eng', true)])).toBeUndefined();
    expect(chooseVoice([])).toBeUndefined();
  });

  it('prefers the default English voice, then US, then British English', () => {
    expect(chooseVoice([voice('Daniel', 'en-GB', true), voice('Samantha', 'en-US', true), voice('Karen', 'en-AU', true)])?.name).toBe('Samantha');
    expect(chooseVoice([voice('Karen', 'en-AU', true), voice('Daniel', 'en_GB', true)])?.name).toBe('Daniel');
    expect(chooseVoice([voice('Samantha', 'en-US', true), voice('Karen', 'en-AU', true, true)])?.name).toBe('Karen');
  });

  it('reads the headword, then the definition', () => {
    expect(listenTexts({ headword: 'osteoclast', definition: 'A cell that breaks down bone.' })).toEqual(['osteoclast', 'A cell that breaks down bone.']);
  });
});

describe('sheet: phones', () => {
  it('is a bottom sheet under 480 px wide', () => {
    expect(usesSheet(375)).toBe(true);
    expect(usesSheet(479)).toBe(true);
    expect(usesSheet(480)).toBe(false);
  });

  it('closes on a swipe down, not on a short or sideways one', () => {
    expect(isSwipeDown({ x: 100, y: 300 }, { x: 110, y: 420 })).toBe(true);
    expect(isSwipeDown({ x: 100, y: 300 }, { x: 100, y: 330 })).toBe(false);
    expect(isSwipeDown({ x: 100, y: 300 }, { x: 260, y: 400 })).toBe(false);
    expect(isSwipeDown({ x: 100, y: 300 }, { x: 100, y: 150 })).toBe(false);
  });
});
