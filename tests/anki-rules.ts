/**
 * Checks a text file against Anki's manual for text import ("Importing > Text Files", and its "File
 * Headers" table) and against how Anki's importer reads one (rslib import_export/text/csv: header
 * lines are `#key:value`; after them the csv reader treats `#` lines as comments and `"` as a
 * quote). Returns the broken rules, each with its line number; an empty list means the file passes.
 * Shared by the unit tests (the exporter) and the end-to-end test (the downloaded file).
 */
const SEPARATORS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', space: ' ', pipe: '|', colon: ':' };
const KEYS = new Set(['separator', 'html', 'tags', 'columns', 'notetype', 'deck', 'notetype column', 'deck column', 'tags column', 'guid column']);
const ALLOWED_TAGS = /^<(?:b|\/b|i|\/i|br|a href='[^'"<>]*'|\/a)>/;

export function checkAnkiFile(text: string): string[] {
  const problems: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push('line 1: starts with a byte-order mark, so the first header is not read as "#key:value"');
  if (text.includes('\r')) problems.push('the file contains carriage returns (lines must end with \\n, and a field must not hold a line break)');
  if (!text.endsWith('\n')) problems.push('the last line does not end with a newline');
  const lines = text.replace(/\n$/, '').split('\n');
  const headers = new Map<string, string>();
  let at = 0;
  for (; at < lines.length && lines[at]!.startsWith('#'); at++) {
    const line = lines[at]!;
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`line ${at + 1}: a header line without ":"`);
      continue;
    }
    const key = line.slice(1, colon).trim().toLowerCase();
    if (!KEYS.has(key)) problems.push(`line ${at + 1}: unknown header "${key}"`);
    if (headers.has(key)) problems.push(`line ${at + 1}: header "${key}" given twice`);
    headers.set(key, line.slice(colon + 1));
  }
  const separatorValue = headers.get('separator');
  const separator = separatorValue === undefined ? undefined : (SEPARATORS[separatorValue.trim().toLowerCase()] ?? (separatorValue.length === 1 ? separatorValue : undefined));
  if (separator !== '\t') problems.push(`#separator must be tab (got ${JSON.stringify(separatorValue)})`);
  if (headers.get('html')?.toLowerCase() !== 'true') problems.push('#html must be true (fields are HTML)');
  for (const key of ['notetype', 'deck']) if (!headers.get(key)?.trim()) problems.push(`#${key} is missing or empty`);
  const columns = (headers.get('columns') ?? '').split(separator ?? '\t');
  if (!headers.has('columns')) problems.push('#columns is missing (Anki then cannot map fields by name)');
  const columnNumber = (key: string) => {
    const value = headers.get(key);
    const n = Number(value);
    if (value === undefined) problems.push(`#${key} is missing`);
    else if (!Number.isInteger(n) || n < 1 || n > columns.length) problems.push(`#${key}:${value} is not a column between 1 and ${columns.length}`);
    return n;
  };
  const guidColumn = columnNumber('guid column');
  const tagsColumn = columnNumber('tags column');
  const firstField = columns.findIndex((_, i) => i + 1 !== guidColumn && i + 1 !== tagsColumn);
  const guids = new Set<string>();
  let notes = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    const n = at + 1;
    if (line.startsWith('#')) problems.push(`line ${n}: a note line starting with "#" is read as a comment`);
    if (line === '') {
      problems.push(`line ${n}: empty line among the notes`);
      continue;
    }
    notes++;
    const fields = line.split('\t');
    if (fields.length !== columns.length) problems.push(`line ${n}: ${fields.length} fields, ${columns.length} columns`);
    fields.forEach((field, i) => {
      if (field.includes('"')) problems.push(`line ${n} field ${i + 1}: a raw double quote (Anki's reader treats it as CSV quoting); write &quot;`);
      for (let j = field.indexOf('<'); j >= 0; j = field.indexOf('<', j + 1)) {
        if (!ALLOWED_TAGS.test(field.slice(j))) problems.push(`line ${n} field ${i + 1}: "<" that is not one of the exporter's tags; write &lt;`);
      }
      for (let j = field.indexOf('&'); j >= 0; j = field.indexOf('&', j + 1)) {
        if (!/^&(?:amp|lt|gt|quot|#39|#9);/.test(field.slice(j))) problems.push(`line ${n} field ${i + 1}: a bare "&"; write &amp;`);
      }
      if (field !== field.trim()) problems.push(`line ${n} field ${i + 1}: leading or trailing whitespace`);
    });
    const guid = fields[guidColumn - 1] ?? '';
    if (!/^[A-Za-z0-9_-]+$/.test(guid)) problems.push(`line ${n}: GUID "${guid}" is empty or has characters other than letters, digits, - and _`);
    if (guids.has(guid)) problems.push(`line ${n}: GUID "${guid}" repeats (one note per term)`);
    guids.add(guid);
    const tags = fields[tagsColumn - 1] ?? '';
    if (/^\s|\s$|\s{2}/.test(tags)) problems.push(`line ${n}: tags are not single words separated by one space`);
    if (firstField >= 0 && !(fields[firstField] ?? '').trim()) problems.push(`line ${n}: the first field (Anki's duplicate key) is empty`);
  }
  if (notes === 0) problems.push('no notes');
  return problems;
}
