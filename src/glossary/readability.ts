import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Flesch-Kincaid grade level of a short plain-text passage. */
export function gradeLevel(text: string): number {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return 0;
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s)).length);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
