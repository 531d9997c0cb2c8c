import { describe, expect, it, vi } from 'vitest';
import { hasReadingText, isReadingFrame, startWhenReadable } from '../../src/page/frame-gate';

const doc = (html: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
const article = '<p>Osteoclasts break down old bone so that new bone can take its place, all through life.</p>';

/** A stand-in for a subframe's window: not the top, with a size and a document. */
function subframe(width: number, height: number, html: string) {
  const win = { innerWidth: width, innerHeight: height, document: doc(html), addEventListener: vi.fn() } as unknown as Window & { top: unknown };
  (win as { top: unknown }).top = {};
  return win;
}

describe('frame gate', () => {
  it('finds reading text, but not in scripts, styles, form fields or a few words of an ad', () => {
    expect(hasReadingText(doc(article))).toBe(true);
    expect(hasReadingText(doc('<div><span>Advertisement</span> <a href="#">Learn more</a></div><img src="x.png">'))).toBe(false);
    expect(hasReadingText(doc(`<script>var text = "${'x'.repeat(500)}";</script><style>.a{}</style><textarea>${'y '.repeat(100)}</textarea>`))).toBe(false);
    expect(hasReadingText(doc(`<div>${'<span>ab</span>'.repeat(50)}</div>`))).toBe(true);
  });

  it('turns away tiny, hidden and textless subframes, never the top frame', () => {
    expect(isReadingFrame(subframe(1, 1, article))).toBe(false);
    expect(isReadingFrame(subframe(0, 0, article))).toBe(false);
    expect(isReadingFrame(subframe(300, 250, '<img src="ad.png"><span>Ad</span>'))).toBe(false);
    expect(isReadingFrame(subframe(600, 400, article))).toBe(true);
    expect(isReadingFrame(window)).toBe(true);
  });

  it('starts a turned-away frame once it has text to read, and never after its lifetime ends', () => {
    vi.useFakeTimers();
    try {
      const late = subframe(600, 400, '<div id="widget"></div>');
      const start = vi.fn();
      startWhenReadable(late, start, new AbortController().signal);
      expect(start).not.toHaveBeenCalled();
      late.document.getElementById('widget')!.innerHTML = article;
      vi.advanceTimersByTime(2_000);
      expect(start).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(10_000);
      expect(start).toHaveBeenCalledTimes(1);

      const ended = subframe(600, 400, '');
      const never = vi.fn();
      const lifetime = new AbortController();
      startWhenReadable(ended, never, lifetime.signal);
      lifetime.abort();
      ended.document.body.innerHTML = article;
      vi.advanceTimersByTime(20_000);
      expect(never).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
