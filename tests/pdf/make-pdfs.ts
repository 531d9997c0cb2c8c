import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFStream, rgb, StandardFonts, type PDFPage } from 'pdf-lib';

/**
 * The reader's test documents, written by us with pdf-lib at test time (nothing binary is checked in).
 * Each one carries what the tests expect of it.
 */
export const PROTECTED_PASSWORD = 'termlight';

/** Terms and where they sit, for the reader tests. */
export const TERMS_PDF = {
  title: 'Bone health handout',
  /** Hyphenated at a line end on page 1: "osteo-" / "clast". */
  hyphenated: 'osteoclast',
  /** A phrase split over two lines on page 1: "non-small cell" / "lung cancer". */
  splitPhrase: 'non-small cell lung cancer',
  /** In Times Roman 14 pt and Courier 10 pt on page 1. */
  otherFonts: ['adenocarcinoma', 'osteolysis'],
  /** Page 2 has two columns; each column holds one of these. */
  columns: ['bone metastasis', 'hypercalcemia'],
  /** Words near the terms that are not terms. */
  plain: 'handout',
};

function drawLines(page: PDFPage, lines: string[], x: number, y: number, font: Awaited<ReturnType<PDFDocument['embedFont']>>, size: number): number {
  for (const line of lines) {
    page.drawText(line, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size * 1.4;
  }
  return y;
}

/** Text in several fonts and sizes, a hyphenated term, a phrase over two lines, two columns, an outline. */
export async function termsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(TERMS_PDF.title);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const times = await doc.embedFont(StandardFonts.TimesRoman);
  const courier = await doc.embedFont(StandardFonts.Courier);
  const one = doc.addPage([612, 792]);
  let y = drawLines(one, ['Bone health handout'], 72, 720, bold, 20);
  y = drawLines(one, [
    'Old bone is cleared away by a large cell called an osteo-',
    'clast, and new bone is laid down in its place.',
    'This handout is for people treated for non-small cell',
    'lung cancer and their families.',
  ], 72, y - 10, helvetica, 12);
  y = drawLines(one, ['A biopsy may show an adenocarcinoma in the sample.'], 72, y - 10, times, 14);
  drawLines(one, ['Scans can show osteolysis, thin areas of bone.'], 72, y - 10, courier, 10);

  const two = doc.addPage([612, 792]);
  drawLines(two, ['Left column: cancer that spreads', 'to the skeleton is called', 'bone metastasis by doctors.'], 60, 700, helvetica, 11);
  drawLines(two, ['Right column: too much calcium', 'in the blood is called', 'hypercalcemia by doctors.'], 330, 700, helvetica, 11);
  addOutline(doc, [
    ['Bone health handout', 0],
    ['Two columns', 1],
  ]);
  return doc.save({ useObjectStreams: false });
}

/** A minimal outline (pdf-lib has no outline API): one entry per [title, page index]. */
function addOutline(doc: PDFDocument, entries: Array<[string, number]>): void {
  const context = doc.context;
  const outlinesRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach(([title, pageIndex], i) => {
    const dest = PDFArray.withContext(context);
    dest.push(doc.getPage(pageIndex).ref);
    dest.push(PDFName.of('Fit'));
    const item = context.obj({ Title: PDFHexString.fromText(title), Parent: outlinesRef, Dest: dest });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
}

const LONG_TERMS = ['osteoclast', 'hypercalcemia', 'adenocarcinoma', 'osteolysis', 'bone metastasis', 'metastasis'];

/** 300 pages of text (the benchmark's and the lazy-rendering tests' document); page N names LONG_TERMS[N % 6]. */
export async function longPdf(pages = 300): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Three hundred pages');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    const term = LONG_TERMS[n % LONG_TERMS.length]!;
    const lines = [`Page ${n} of the long handout.`];
    for (let i = 0; i < 30; i++) lines.push(i % 10 === 3 ? `Line ${i}: the doctor talked about ${term} today.` : `Line ${i}: plain words about the day, the weather and the walk home.`);
    drawLines(page, lines, 72, 720, font, 11);
  }
  return doc.save({ useObjectStreams: false });
}

/** Page 1 has text; page 2 is drawn shapes only (a scan has no text layer either). */
export async function partlyScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  drawLines(doc.addPage([612, 792]), ['The next page is a picture of a scan.', 'It mentions an osteoclast here.'], 72, 720, font, 12);
  drawScan(doc.addPage([612, 792]));
  return doc.save({ useObjectStreams: false });
}

/** Every page an image: no text at all. */
export async function scanOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  drawScan(doc.addPage([612, 792]));
  drawScan(doc.addPage([612, 792]));
  return doc.save({ useObjectStreams: false });
}

function drawScan(page: PDFPage): void {
  for (let i = 0; i < 20; i++) page.drawRectangle({ x: 72, y: 700 - i * 28, width: 300 + ((i * 37) % 160), height: 10, color: rgb(0.3, 0.3, 0.3) });
}

/** A damaged file: a PDF header, then bytes that are no PDF structure at all. */
export function corruptPdf(): Uint8Array {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Cat', 'latin1'), junk]);
}

// --- A password-protected PDF (PDF standard security handler, revision 2, RC4 40-bit). pdf-lib cannot
// encrypt and no maintained npm package does it offline, so this is the spec's algorithm (ISO 32000-1,
// 7.6.3), small enough to read: the file key comes from the user password, and every stream is RC4'd.
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

export async function protectedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  drawLines(doc.addPage([612, 792]), ['This protected leaflet explains the osteoclast.'], 72, 720, font, 12);
  const id = createHash('md5').update('termlight-protected').digest();
  const permissions = -3904;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const owner = rc4(md5(padded('owner-secret')).subarray(0, 5), padded(PROTECTED_PASSWORD));
  const fileKey = md5(padded(PROTECTED_PASSWORD), owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, PAD);
  const context = doc.context;
  // Encrypt every stream with its object's key (there are no strings outside the Encrypt dictionary).
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) continue;
    const objectKey = md5(fileKey, Buffer.from([ref.objectNumber & 255, (ref.objectNumber >> 8) & 255, (ref.objectNumber >> 16) & 255, ref.generationNumber & 255, (ref.generationNumber >> 8) & 255])).subarray(0, 10);
    const contents = object.getContents();
    const dict = object.dict.clone(context);
    dict.set(PDFName.of('Length'), PDFNumber.of(contents.length));
    context.assign(ref, PDFRawStream.of(dict, rc4(objectKey, contents)));
  }
  const encrypt = context.register(
    context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: permissions, O: PDFHexString.of(owner.toString('hex')), U: PDFHexString.of(user.toString('hex')) }),
  );
  const idArray = PDFArray.withContext(context);
  idArray.push(PDFHexString.of(id.toString('hex')));
  idArray.push(PDFHexString.of(id.toString('hex')));
  context.trailerInfo.Encrypt = encrypt;
  context.trailerInfo.ID = idArray;
  return doc.save({ useObjectStreams: false });
}

/**
 * The precision rules on PDFs (issue 9, as on the web fixtures precision-*.html): each document says
 * what a reader must see in it. Sentences that must not be read together sit lines apart, because a
 * PDF page is read as one run of text.
 */
export const PRECISION_PDFS = {
  health: {
    title: 'When cancer spreads to bone',
    highlighted: ['hypercalcemia', 'osteoclasts', 'bisphosphonate', 'SRE', 'RMS', 'orbital'],
    misspellings: ['desonsumab'],
    /** "orbital" of the eye is highlighted once; "orbital satellite" (space) is not. */
    orbital: 1,
  },
  software: { title: 'Running a web service', highlighted: ['hypercalcemia'], quiet: ['SRE', 'RMS', 'TLS', 'colon', 'orbital', 'transfered'] },
  french: { title: 'Métastases osseuses', language: 'French' },
} as const;

async function onePagePdf(title: string, lines: string[], language?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  if (language) doc.setLanguage(language);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  const y = drawLines(page, [title], 72, 720, bold, 18);
  drawLines(page, lines, 72, y - 10, font, 12);
  return doc.save({ useObjectStreams: false });
}

export const precisionHealthPdf = () =>
  onePagePdf(PRECISION_PDFS.health.title, [
    'Her hypercalcemia came from the cancer in her bones, where osteoclasts were',
    'breaking bone down, so she was given a bisphosphonate.',
    'Each SRE, such as a fracture, was counted. RMS is a rare cancer of the muscles.',
    'An orbital fracture near her eye, from a fall, was treated first.',
    'The nurse wrote that she was given desonsumab by mistake in the chart.',
    'The trial counted how long patients lived, and what they felt each week.',
    'The family kept a diary of the visits, the meals and the long drives home.',
    'Her brother planned the launch of an orbital satellite for his company.',
  ]);

export const precisionSoftwarePdf = () =>
  onePagePdf(PRECISION_PDFS.software.title, [
    'The SRE team keeps the site up. Each SRE is on call one week a month, and RMS,',
    'who wrote the editor, joins them. Every endpoint uses TLS, and the certificates',
    'were renewed before the trade show in January.',
    'Each line of the file is a key, a colon and a value, followed by a list of options.',
    'Alexis transfered the logs to the new server. The launch put the orbital camera',
    'in place. One unambiguous term, hypercalcemia, is highlighted anywhere: the tests',
    'wait for it to know the page was read.',
  ]);

/** French, with no /Lang: its own words decide. It names terms that are spelled as in English. */
export const frenchPdf = () =>
  onePagePdf(PRECISION_PDFS.french.title, [
    'Les métastases osseuses et l’hypercalcémie sont traitées par le denosumab ou un',
    'bisphosphonate, qui est donné dans une clinique par une équipe qui connaît bien la',
    'maladie. Le médecin a noté desonsumab dans le dossier, et le patient a eu recours à',
    'un autre traitement. Les osteoclasts sont des cellules qui détruisent l’os.',
  ]);

/** Every fixture, by the file name the fixture server serves it under (/pdf/NAME). */
export const PDF_FIXTURES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  'terms.pdf': termsPdf,
  'long.pdf': () => longPdf(),
  'partly-scanned.pdf': partlyScannedPdf,
  'scan-only.pdf': scanOnlyPdf,
  'protected.pdf': protectedPdf,
  'corrupt.pdf': corruptPdf,
  'precision-health.pdf': precisionHealthPdf,
  'precision-software.pdf': precisionSoftwarePdf,
  'french.pdf': frenchPdf,
  'not-a-pdf.pdf': () => new TextEncoder().encode('<html><body>This is a web page, not a PDF.</body></html>'),
};
