import { describe, expect, it, vi } from 'vitest';
import { declaredLanguage, guessLanguage, LanguageGate, primaryLanguage } from '../../src/page/language';
import { detectLanguage } from '../../src/page/language-detector';
import { HEALTH_PAGE, precisionGlossary } from './precision-helpers';

const { read } = precisionGlossary();

const FRENCH = 'Le patient a reçu du dénosumab pour prévenir les complications osseuses, et les métastases sont traitées par une équipe qui connaît bien la maladie.';
const GERMAN = 'Der Patient erhielt Denosumab, um Knochenkomplikationen zu verhindern, und die Metastasen werden von einem Team behandelt, das die Krankheit kennt.';
const SPANISH = 'El paciente recibió denosumab para prevenir las complicaciones óseas, y las metástasis son tratadas por un equipo que conoce bien la enfermedad.';
const ENGLISH = 'The patient was given denosumab to prevent bone problems, and the metastases are treated by a team that knows the disease well.';

describe('guessLanguage', () => {
  it('decides a paragraph by its function words', () => {
    expect(guessLanguage(ENGLISH)).toBe('en');
    expect(guessLanguage(FRENCH)).toBe('fr');
    expect(guessLanguage(GERMAN)).toBe('de');
    expect(guessLanguage(SPANISH)).toBe('es');
    expect(guessLanguage('Пациенту назначили деносумаб для профилактики переломов.')).toBe('ru');
  });

  it('leaves jargon and short text undecided instead of guessing', () => {
    expect(guessLanguage('Osteoclasts resorb bone; hypercalcemia ensues.')).toBeUndefined();
    expect(guessLanguage('Stage IV')).toBeUndefined();
    expect(guessLanguage('')).toBeUndefined();
  });
});

describe('primaryLanguage and declaredLanguage', () => {
  it('reads BCP 47 tags and the detector\'s ISO 639-3 codes as one primary language', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('EN_us')).toBe('en');
    expect(primaryLanguage('fra')).toBe('fr');
    expect(primaryLanguage('und')).toBeUndefined();
    expect(primaryLanguage('')).toBeUndefined();
    expect(primaryLanguage(null)).toBeUndefined();
  });

  it('takes the nearest lang attribute, across a shadow root', () => {
    document.body.innerHTML = '<div lang="fr"><p id="fr">Bonjour <span lang="en-US" id="en">hello</span></p></div><p id="none">x</p><div id="host"></div>';
    expect(declaredLanguage(document.getElementById('fr')!.firstChild!)).toBe('fr');
    expect(declaredLanguage(document.getElementById('en')!.firstChild!)).toBe('en');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    document.getElementById('host')!.setAttribute('lang', 'de');
    expect(declaredLanguage(shadow.querySelector('p')!.firstChild!)).toBe('de');
    document.documentElement.removeAttribute('lang');
    expect(declaredLanguage(document.getElementById('none')!.firstChild!)).toBeUndefined();
  });
});

describe('LanguageGate.decidePage', () => {
  it('trusts the page text over a template lang attribute, and the attribute over nothing', async () => {
    const gate = new LanguageGate();
    await gate.decidePage(FRENCH.repeat(3), 'en');
    expect(gate.pageLanguage).toBe('fr');
    expect(gate.pageSupported).toBe(false);
    const declared = new LanguageGate();
    await declared.decidePage('Osteoclasts resorb bone; hypercalcemia ensues.', 'de');
    expect(declared.pageLanguage).toBe('de');
  });

  it('asks the detector only when neither decides, and waits for more text when there is too little', async () => {
    const detect = vi.fn(() => 'hun');
    const gate = new LanguageGate();
    await gate.decidePage('Osteoclasts resorb bone.', undefined, detect);
    expect(gate.pageDecided).toBe(false);
    expect(detect).not.toHaveBeenCalled();
    const sample = 'Osteoclasts resorb bone; hypercalcemia ensues. '.repeat(6);
    await gate.decidePage(sample, undefined, detect);
    expect(detect).toHaveBeenCalledWith(sample);
    expect(gate.pageLanguage).toBe('hu');
    expect(gate.pageSupported).toBe(false);
  });

  it('a detector that fails leaves the page undetermined, and read', async () => {
    const gate = new LanguageGate();
    await gate.decidePage('Osteoclasts resorb bone; hypercalcemia ensues. '.repeat(6), undefined, () => Promise.reject(new Error('unreachable')));
    expect(gate.pageDecided).toBe(true);
    expect(gate.pageLanguage).toBeUndefined();
    expect(gate.pageSupported).toBe(true);
  });

  it('the full detector (franc-min) names a sample no word list decides', () => {
    expect(detectLanguage('A beteg denozumabot kapott a csontszövődmények megelőzésére, és az áttéteket egy csapat kezeli, amely jól ismeri a betegséget.')).toBe('hun');
    expect(detectLanguage('short')).toBeUndefined();
  });
});

describe('what a reader sees, by language', () => {
  const medicalFrench = '<p>Les métastases osseuses et l\'hypercalcémie sont traitées par le dénosumab, qui est donné dans une clinique.</p>';

  it('a page in another language gets no highlights and no misspelling flags, even where its words are ours', () => {
    expect(read(`${medicalFrench}<h2>Métastases</h2><p>Hypercalcemia</p><p>desonsumab</p>`, 'fr')).toEqual([]);
    expect(read(`${medicalFrench}<h2>Métastases</h2>`)).toEqual([]); // no lang attribute: the text decides
    expect(read(`${medicalFrench}<h2>Métastases</h2>`, 'en')).toEqual([]); // a template's lang="en" over French text
  });

  it('an English passage inside a page in another language is read', () => {
    const quote = '<blockquote>The patient had metastatic disease and hypercalcemia, and the doctors said that it was treated with a bisphosphonate.</blockquote>';
    expect(read(`${medicalFrench}${quote}`, 'fr').map(([text]) => text)).toEqual(['metastatic', 'hypercalcemia', 'bisphosphonate']);
  });

  it('a passage in another language inside an English page is not, by its words or by its lang', () => {
    const english = `${HEALTH_PAGE}<p>Hypercalcemia is treated in the clinic.</p>`;
    const texts = (html: string) => read(html, 'en').map(([text]) => text);
    expect(texts(`${english}${medicalFrench}`)).not.toContain('métastases');
    expect(texts(`${english}<p lang="es">Metástasis</p>`)).not.toContain('Metástasis');
    expect(texts(`${english}<p>Metastasis</p>`)).toContain('Metastasis'); // a short run takes the page's language
  });
});

describe('guessLanguage keeps diacritics', () => {
  it('does not read Hungarian "és" as Spanish "es"', () => {
    expect(guessLanguage('A beteg és a család és az orvos és a nővér együtt dolgozik, és ez jó.')).toBeUndefined();
  });
});
