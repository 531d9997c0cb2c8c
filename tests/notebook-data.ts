/** 5,000 valid notebook records, as a reader who saved from 40 sites would have them (the e2e test and the notebook bench). */
export function generatedNotebook(count = 5000): Record<string, unknown> {
  const now = new Date().toISOString();
  const items: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const id = `test-term-${String(i).padStart(4, '0')}`;
    items[`notebook:entry:${id}`] = {
      v: 1,
      entryId: id,
      headword: `test term ${String(i).padStart(4, '0')}`,
      contexts: [{ id: `c${i}`, written: 'term', sentence: `Sentence number ${i} with the term in it.`, title: `Page ${i % 40}`, url: `https://site${i % 40}.example/article`, savedAt: now }],
      note: i % 7 === 0 ? `note ${i}` : '',
      tags: i % 10 === 0 ? ['tenth'] : [],
      createdAt: now,
      updatedAt: now,
    };
  }
  return items;
}
