import { franc } from 'franc-min';

/**
 * The full language detector (franc-min: trigram profiles of 82 languages), for a page sample that
 * neither its function words nor its markup decide. It runs in the background and in the CLI, never
 * in the content script, whose size budget it would take a quarter of. Returns an ISO 639-3 code, or
 * undefined when the sample is too short or unlike any language.
 */
export function detectLanguage(sample: string): string | undefined {
  const code = franc(sample, { minLength: 40 });
  return code === 'und' ? undefined : code;
}
