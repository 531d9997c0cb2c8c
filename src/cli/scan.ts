import { existsSync } from 'node:fs';
import { fail, glossaryOrExit } from './project';
import { scanFile, studySheet } from './scan-file';

const USAGE = 'usage: npm run -s scan -- FILE.html [--json]';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) fail(USAGE);
const file = files[0]!;
if (!existsSync(file)) fail(`no such file: ${file}`);

const glossary = glossaryOrExit();
const results = scanFile(file, glossary);
process.stdout.write(json ? JSON.stringify(results, null, 1) + '\n' : studySheet(results, glossary.definitions));
