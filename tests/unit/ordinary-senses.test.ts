import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintGlossary } from '../../src/glossary/lint';
import { parseMedicalOnly, staleMedicalOnly, undeclaredOrdinaryWords } from '../../src/glossary/ordinary-senses';
import { EVERYDAY, fixture } from './helpers';
import { precisionGlossary } from './precision-helpers';

const { entries, compiled } = precisionGlossary();
const ENGLISH = new Set(['colon', 'orbit', 'orbital', 'hilum', 'cartilage', 'tumor', 'esophagus', 'recurrence', 'metastatic', 'pet', 'rms', 'iv']);

describe('ordinary senses, declared', () => {
  it('lists every single-word surface that is an English word, neither medical-only nor declared ambiguous', () => {
    const undeclared = undeclaredOrdinaryWords(entries, ENGLISH, new Set());
    // colon, orbit, orbital, recurrence and IV are declared ambiguous; RMS is matched only in capitals and "rms" only if listed.
    expect(undeclared.map((w) => w.surface)).toEqual(['cartilage', 'esophagus', 'hilum', 'metastatic', 'RMS', 'tumor']);
    expect(undeclared.find((w) => w.surface === 'metastatic')).toMatchObject({ ids: ['metastasis'], file: 'precision.yaml' });
  });

  it('the reviewed list declares words in any case and abbreviations in their capitals', () => {
    const medicalOnly = parseMedicalOnly('# reviewed\ncartilage  # a comment\nesophagus\nhilum\nmetastatic\ntumor\nrms\n');
    expect(undeclaredOrdinaryWords(entries, ENGLISH, medicalOnly).map((w) => w.surface)).toEqual(['RMS']);
    expect(undeclaredOrdinaryWords(entries, ENGLISH, new Set([...medicalOnly, 'RMS']))).toEqual([]);
  });

  it('reports lines that say nothing true: no such surface, or a surface also declared ambiguous', () => {
    expect(staleMedicalOnly(entries, ENGLISH, new Set(['colon', 'osteoblast', 'tumor']))).toEqual([
      { line: 'colon', reason: 'is declared ambiguous in colon: a word is medical-only or ambiguous, not both' },
      { line: 'osteoblast', reason: 'is not a single-word surface of any highlighted entry (or not an English word): remove it' },
    ]);
  });

  it('is part of the glossary lint, naming the file, the entry and what to do', () => {
    const report = lintGlossary(entries, compiled, EVERYDAY, { english: ENGLISH, medicalOnly: new Set(['cartilage', 'esophagus', 'hilum', 'tumor', 'RMS']) });
    const reasons = report.problems.filter((p) => p.reason.includes('English word')).map((p) => `${p.file} ${p.id}: ${p.reason.slice(0, 60)}`);
    expect(reasons).toEqual(['precision.yaml metastasis: "metastatic" is also an English word: declare it ambiguous w']);
  });

  it('the shipped list and the shipped glossary agree (what the lint enforces in npm test)', () => {
    const shipped = parseMedicalOnly(readFileSync(fixture('../../../glossary/medical-only.txt'), 'utf8'));
    expect(shipped.size).toBeGreaterThan(500);
    for (const word of ['vein', 'colon', 'orbital', 'regimen', 'infusion', 'immunity', 'malaise', 'endpoint', 'mutation', 'steroid']) {
      expect(shipped.has(word), word).toBe(false);
    }
    for (const word of ['osteoclast', 'femur', 'hypercalcemia']) expect(shipped.has(word), word).toBe(true);
  });
});
