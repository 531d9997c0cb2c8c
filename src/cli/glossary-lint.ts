import { basename } from 'node:path';
import { join } from 'node:path';
import { englishWords, readMedicalOnly } from '../glossary/build';
import { lintGlossary, MAX_MEDIAN_GRADE } from '../glossary/lint';
import { glossaryOrExit, PROJECT_ROOT } from './project';

/** npm run glossary:lint [-- FILE ...]: fails naming file, entry and reason. With files, reports only theirs. */
const only = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--')).map((f) => basename(f)));
const glossary = glossaryOrExit();
const ordinary = { english: new Set(englishWords().map((w) => w.toLowerCase())), medicalOnly: readMedicalOnly(join(PROJECT_ROOT, 'glossary')) };
const report = lintGlossary(glossary.sources, glossary, glossary.everydayWords, ordinary);
const shown = report.problems.filter((p) => only.size === 0 || only.has(p.file) || p.file === '(all)');
for (const p of shown) console.error(`glossary/${p.file}: entry "${p.id}": ${p.reason}`);
const entries = glossary.sources.length;
const grades = [...report.grades.values()];
console.log(
  `glossary lint: ${entries} entries, ${shown.length} problem(s); definition grade median ${report.medianGrade.toFixed(1)} (max allowed ${MAX_MEDIAN_GRADE}), highest ${Math.max(0, ...grades).toFixed(1)}`,
);
process.exit(shown.length > 0 ? 1 : 0);
