import type { DocumentTerm } from './controller';

/** Shows "Terms in this document": each term with buttons for the pages it is on. */
export function showDocumentTerms(terms: DocumentTerm[], goToPage: (page: number) => void): void {
  const list = document.getElementById('terms-list')!;
  const items = terms.map((term) => {
    const li = document.createElement('li');
    li.dataset.term = term.id;
    const name = document.createElement('span');
    name.className = 'term-name';
    name.textContent = term.headword;
    li.append(name);
    const pages = document.createElement('span');
    pages.className = 'term-pages';
    const shown = term.pages.slice(0, 12);
    for (const page of shown) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      button.textContent = String(page);
      button.setAttribute('aria-label', `${term.headword}, page ${page}`);
      button.addEventListener('click', () => goToPage(page));
      pages.append(button);
    }
    if (term.pages.length > shown.length) pages.append(` and ${term.pages.length - shown.length} more`);
    li.append(pages);
    return li;
  });
  list.replaceChildren(...items);
}
