/**
 * "Listen": the headword, then the definition, read aloud by an on-device English voice. Only voices
 * whose `localService` is true are ever used, so no text goes to an online speech service; where none
 * exists the button is not shown. The voice list is read when needed (browsers fill it late and say so
 * with `voiceschanged`).
 */

/** A little slower than the default rate: easier to follow for new words and for older listeners. */
export const LISTEN_RATE = 0.9;

export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

function isEnglish(lang: string): boolean {
  return /^en(?:[-_]|$)/i.test(lang);
}

/** The on-device English voice to read with: the system default if it is one, then US, then British, then any. */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const local = voices.filter((v) => v.localService && isEnglish(v.lang));
  const rank = (v: V) => (v.default ? 0 : /^en[-_]us$/i.test(v.lang) ? 1 : /^en[-_]gb$/i.test(v.lang) ? 2 : 3);
  return [...local].sort((a, b) => rank(a) - rank(b))[0];
}

/** What is read: the headword, then the definition, as two utterances (a pause between them). */
export function listenTexts(definition: { headword: string; definition: string }): string[] {
  return [definition.headword, definition.definition];
}

function synth(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

/** The on-device English voice, if this browser has one now. */
export function localEnglishVoice(): SpeechSynthesisVoice | undefined {
  try {
    return chooseVoice(synth()?.getVoices() ?? []);
  } catch {
    return undefined;
  }
}

/** Calls `onChange` when the browser's voice list changes; returns the unsubscribe. */
export function watchVoices(onChange: () => void): () => void {
  const speech = synth();
  if (!speech || typeof speech.addEventListener !== 'function') return () => {};
  speech.addEventListener('voiceschanged', onChange);
  return () => speech.removeEventListener('voiceschanged', onChange);
}

let speaking = false;
const listeners = new Set<(speaking: boolean) => void>();

function setSpeaking(value: boolean): void {
  speaking = value;
  for (const listener of listeners) listener(value);
}

export function onSpeakingChange(listener: (speaking: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads the entry aloud with the given on-device voice; stops anything Termlight was reading before. */
export function speak(texts: readonly string[], voice: SpeechSynthesisVoice): void {
  const speech = synth();
  if (!speech || !voice.localService || texts.length === 0) return;
  stopSpeaking();
  texts.forEach((text, i) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = LISTEN_RATE;
    if (i === texts.length - 1) {
      utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
    }
    speech.speak(utterance);
  });
  setSpeaking(true);
}

/** Stops Termlight's reading (only its own: a page's own speech is left alone when Termlight is silent). */
export function stopSpeaking(): void {
  if (!speaking) return;
  synth()?.cancel();
  setSpeaking(false);
}
