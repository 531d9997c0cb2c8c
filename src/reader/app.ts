import { getDocument, GlobalWorkerOptions, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermIndexReader } from '../match/index-reader';
import { Interactions, type MatchSource } from '../page/interactions';
import { MatchStore } from '../page/store';
import { TermMatcher } from '../match/matcher';
import { sendToBackground } from '../messaging/runtime';
import { answerPageRequests } from '../page/page-requests';
import { primaryLanguage, SAMPLE_CHARS } from '../page/language';
import { loadSettings, watchSettings } from '../settings/store';
import { pageNotebookBridge } from '../page/notebook-bridge';
import { PopoverHost } from '../ui/popover-host';
import { ReaderController } from './controller';
import { explainLoadError, looksLikePdf, ReaderError, readSource, sourceFromLocation, type PdfSource } from './load';
import { lastPage, rememberPage } from './positions';
import { pageFromHash, readerPageUrl } from './save-context';
import { readerPageRequests, termsChangedNotifier, type OpenDocument } from './side-panel';
import { showDocumentTerms } from './terms-list';
import { textContentText } from './text-runs';
import { ReaderViewer } from './viewer';

// PDF.js parses in a worker loaded from the extension's own files: no CDN, no remote code.
GlobalWorkerOptions.workerSrc = workerUrl;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
export const NO_TEXT_MESSAGE = 'This page has no text Termlight can read';

/** Pages sampled for the document's language: enough text to decide, without waiting on a long file. */
const LANGUAGE_SAMPLE_PAGES = 5;

type TextItems = ReadonlyArray<{ str?: string; hasEOL?: boolean }>;

/** The same detector the web pages use: the background's, which a sample of text never leaves. */
const detectLanguage = async (sample: string) => (await sendToBackground({ type: 'detect-language', sample: sample.slice(0, SAMPLE_CHARS) })) ?? undefined;

/** "French" for "fr" (the language's English name), or the code itself when the browser has no name for it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The reader page: opens a PDF (address, file picker, drag and drop) and runs Termlight on its text layer. */
export async function startReader(termIndex: TermIndexReader): Promise<void> {
  // The same lifetime object the content script has, so Interactions and the popover host are reused as they are.
  const ctx = new ContentScriptContext('termlight-reader');
  let open: { lifetime: AbortController; task?: PDFDocumentLoadingTask } | undefined;

  let settings = await loadSettings();
  const openSource = async (source: PdfSource) => {
    open?.lifetime.abort();
    void open?.task?.destroy();
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    open = { lifetime };
    hideMessages();
    document.title = `${source.title} · Termlight reader`;
    showStatus('Opening…');
    try {
      const data = await readSource(source, lifetime.signal);
      if (!looksLikePdf(data)) throw new ReaderError('not-pdf', 'This file is not a PDF, so Termlight cannot open it.');
      const task = getDocument({ data, enableXfa: false, stopAtErrors: false });
      open.task = task;
      task.onPassword = (updatePassword: (password: string) => void, reason: number) => askPassword(updatePassword, reason === 2, lifetime.signal);
      const pdf = await task.promise;
      if (lifetime.signal.aborted) return;
      await showDocument(pdf, source, lifetime.signal);
    } catch (error) {
      if (lifetime.signal.aborted) return;
      console.error('Termlight reader:', error);
      showError(explainLoadError(error).message);
    }
  };

  const showDocument = async (pdf: PDFDocumentProxy, source: PdfSource, signal: AbortSignal) => {
    hideMessages();
    $('viewer-container').hidden = false;
    const metadata = await pdf.getMetadata().catch(() => undefined);
    const info = metadata?.info as { Title?: unknown; Language?: unknown } | undefined;
    const infoTitle = info?.Title;
    const title = typeof infoTitle === 'string' && infoTitle.trim() ? infoTitle.trim() : source.title;
    document.title = `${title} · Termlight reader`;
    document.documentElement.dataset.pages = String(pdf.numPages);

    // What the benchmark (scripts/bench/reader.ts) and the tests read: matches so far, when the first showed, our main-thread time.
    const report = document.documentElement.dataset;
    const controller = new ReaderController(termIndex, signal, () => {
      report.highlights = String(controller.store.size);
      if (controller.firstHighlightsAt !== undefined) report.firstHighlightsMs ??= String(Math.round(controller.firstHighlightsAt));
      report.termlightMs = String(Math.round(controller.scanMainThreadMs));
      report.termlightLongestTaskMs = String(Math.round(controller.longestTaskMs));
    });
    controller.applySettings(settings);
    current = controller;
    // Saving from the popover records "page N of <title>" and an address that reopens the reader there.
    // The page on screen is the source of a selection the keyboard path explains without a range.
    currentDocument = { title, url: (page) => (source.kind === 'url' ? readerPageUrl(location.href, source.url, page) : undefined), page: () => viewer.currentPage };
    watchSettings((next) => {
      settings = next;
      controller.applySettings(next);
      popover.setAppearance(next);
      refreshTerms();
    }, signal);
    signal.addEventListener('abort', () => popover.close(), { once: true });

    const fingerprint = pdf.fingerprints[0] ?? '';
    const viewer = new ReaderViewer(
      {
        onTextLayer: (pageNumber, layer, pageDiv) => {
          markTextless(pageDiv, layer);
          controller.pageRendered(pageNumber, layer);
        },
        onTextLayerChanged: (pageNumber, layer) => controller.pageChanged(pageNumber, layer),
        onPageChange: (pageNumber) => {
          if (fingerprint) void rememberPage(fingerprint, pageNumber);
        },
      },
      signal,
    );
    const thisDocument: OpenDocument = { controller, title, url: currentDocument.url, goToPage: (page) => viewer.goToPage(page) };
    openDocument = thisDocument;
    signal.addEventListener('abort', () => openDocument === thisDocument && (openDocument = undefined), { once: true });
    const termsChanged = termsChangedNotifier(signal);
    const refreshTerms = () => {
      showDocumentTerms(controller.documentTermList(), (page) => viewer.goToPage(page));
      termsChanged();
    };

    // The document's language, decided once from its first pages' text and its /Lang, before any page
    // is matched (rendering does not wait for it). The pages' text is kept for indexing.
    const texts = new Map<number, Promise<TextItems>>();
    let textChars = 0;
    const pageText = (page: number): Promise<TextItems> => {
      let text = texts.get(page);
      if (!text) {
        text = pdf.getPage(page).then(async (proxy) => {
          const content = await proxy.getTextContent();
          for (const item of content.items) if ('str' in item) textChars += item.str.trim().length;
          return content.items as TextItems;
        });
        texts.set(page, text);
      }
      return text;
    };
    const language = (async () => {
      let sample = '';
      for (let page = 1; page <= Math.min(pdf.numPages, LANGUAGE_SAMPLE_PAGES) && sample.length < SAMPLE_CHARS; page++) {
        sample += ` ${textContentText(await pageText(page)).replace(/\s+/g, ' ').trim()}`;
      }
      await controller.decideLanguage(sample.trim().slice(0, SAMPLE_CHARS), primaryLanguage(typeof info?.Language === 'string' ? info.Language : undefined), detectLanguage);
      showLanguage(controller.language);
    })();

    const ready = viewer.pagesReady();
    viewer.setDocument(pdf);
    await ready;
    // A notebook link asks for its page (#page=N); otherwise the reader resumes where it was left.
    const resumeAt = pageFromHash(location.hash) ?? (fingerprint ? await lastPage(fingerprint) : undefined);
    if (resumeAt && resumeAt > 1) viewer.goToPage(resumeAt);
    $('viewer-container').focus({ preventScroll: true });

    // "Terms in this document": every page's text, matched in slices after the first pages show.
    $('terms-status').textContent = 'Finding terms…';
    await language;
    await controller.indexDocument(
      pdf.numPages,
      (page) => {
        const text = pageText(page);
        texts.delete(page); // read once: a 300-page file's text is not kept in memory
        return text;
      },
      (done) => {
        $('terms-status').textContent = done < pdf.numPages ? `Finding terms… page ${done} of ${pdf.numPages}` : '';
        refreshTerms();
      },
    );
    if (signal.aborted) return;
    report.termlightMs = String(Math.round(controller.scanMainThreadMs));
    report.termlightLongestTaskMs = String(Math.round(controller.longestTaskMs));
    report.termlightLongestByPhase = JSON.stringify(Object.fromEntries(Object.entries(controller.longestByPhase).map(([k, v]) => [k, Math.round(v)])));
    if (textChars === 0) showError('This PDF has no text Termlight can read: it is probably a scan (images of pages). Termlight cannot explain terms in it.', false);
    const terms = controller.documentTermList();
    const notRead = controller.language?.read === false;
    $('terms-status').textContent = notRead
      ? `No terms: this document is in ${languageName(controller.language!.code!)}, and Termlight explains English terms only.`
      : terms.length === 0
        ? 'No terms from Termlight’s glossary in this document.'
        : `${terms.length} ${terms.length === 1 ? 'term' : 'terms'}`;
    document.documentElement.dataset.indexed = 'true';
  };

  // One popover host and one set of pointer and keyboard listeners, following whichever document is open.
  let current: ReaderController | undefined;
  let currentDocument: { title: string; url: (page: number) => string | undefined; page: () => number } | undefined;
  let openDocument: OpenDocument | undefined;
  const noMatches = new MatchStore();
  let lookupBeforeOpen: TermMatcher | undefined;
  const source: MatchSource = {
    get store() {
      return current?.store ?? noMatches;
    },
    get isActive() {
      return current?.isActive ?? false;
    },
    isVisible: (match) => current?.isVisible(match) ?? false,
    sensesOf: (match) => current?.sensesOf(match) ?? [match.entry],
    contextOf: (match) => (current && currentDocument ? current.contextOf(match, currentDocument.title, currentDocument.url) : undefined),
    selectionContextOf: (range, written) =>
      current && currentDocument ? current.selectionContextOf(range, written, currentDocument.page(), currentDocument.title, currentDocument.url) : undefined,
    termIndex,
    getLookupMatcher: () => current?.getLookupMatcher() ?? (lookupBeforeOpen ??= new TermMatcher(termIndex, { includeEveryday: true })),
  };
  let interactions: Interactions | undefined;
  const popover = new PopoverHost(ctx, {
    onShow: (id) => void interactions?.show(id),
    onKnown: (definition) => void interactions?.markKnown(definition),
    onNavigate: (direction) => void interactions?.step(direction),
    // The same notebook row as on web pages: saves go to the background, the notebook's one writer.
    notebook: pageNotebookBridge(),
  });
  popover.setAppearance(settings);
  interactions = new Interactions(ctx, source, popover);
  interactions.listen();
  // The side panel's "On this page" and the commands reach the reader as they reach a web page.
  answerPageRequests(readerPageRequests(() => openDocument, interactions), ctx.signal);

  wireOpeners(openSource, ctx.signal);
  wireSidebarToggle(ctx.signal);
  const fromUrl = sourceFromLocation(location.search);
  if (fromUrl?.kind === 'invalid') showError('This address is not a web address Termlight can open (it must start with http:// or https://).');
  else if (fromUrl) await openSource(fromUrl);
  else showStart();
}

/**
 * Says plainly why a document in another language has no underlines (a web page's popup says "This
 * page is not in English"); selecting a word and the keyboard path still explain it.
 */
function showLanguage(language: { code: string | undefined; read: boolean } | undefined): void {
  const notice = $('language-notice');
  const notRead = language !== undefined && !language.read && language.code !== undefined;
  notice.hidden = !notRead;
  if (notRead) {
    notice.textContent = `This document is in ${languageName(language.code!)}, not English, so Termlight underlines nothing in it. Select a word and press Alt+Shift+E to look it up.`;
  }
  if (language?.code) document.documentElement.dataset.language = `${language.code}:${language.read ? 'read' : 'not-read'}`;
}

function markTextless(pageDiv: HTMLElement, layer: Element): void {
  if (pageDiv.querySelector('.termlight-no-text')) return;
  if (/\S/.test(layer.textContent ?? '')) return;
  const note = document.createElement('p');
  note.className = 'termlight-no-text';
  note.textContent = NO_TEXT_MESSAGE;
  pageDiv.append(note);
}

function wireOpeners(openSource: (source: PdfSource) => Promise<void>, signal: AbortSignal): void {
  const openFile = (file: File | undefined) => {
    if (file) void openSource({ kind: 'file', file, title: file.name });
  };
  for (const id of ['file-input', 'start-file-input']) {
    $<HTMLInputElement>(id).addEventListener('change', (event) => openFile((event.currentTarget as HTMLInputElement).files?.[0]), { signal });
  }
  $('url-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const url = $<HTMLInputElement>('url-input').value.trim();
    // Navigating keeps the address in the reader's URL, so reload and history work.
    location.search = `?src=${encodeURIComponent(url)}`;
  }, { signal });
  const hint = $('drop-hint');
  const hasFile = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
  window.addEventListener('dragover', (event) => {
    if (!hasFile(event)) return;
    event.preventDefault();
    hint.hidden = false;
  }, { signal });
  window.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) hint.hidden = true;
  }, { signal });
  window.addEventListener('drop', (event) => {
    if (!hasFile(event)) return;
    event.preventDefault();
    hint.hidden = true;
    openFile(event.dataTransfer?.files[0]);
  }, { signal });
}

function askPassword(updatePassword: (password: string) => void, wrong: boolean, signal: AbortSignal): void {
  showError(wrong ? 'That password is not right. Try again.' : 'This PDF is protected by a password. Enter it to open the file (it stays in this tab).', false);
  const form = $<HTMLFormElement>('password-form');
  form.hidden = false;
  const input = $<HTMLInputElement>('password-input');
  input.value = '';
  input.focus();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.hidden = true;
    updatePassword(input.value);
  }, { signal, once: true });
}

function showStart(): void {
  $('start').hidden = false;
  $('viewer-container').hidden = true;
}

function hideMessages(): void {
  $('message').hidden = true;
  $('language-notice').hidden = true;
  $('start').hidden = true;
  $('password-form').hidden = true;
}

function showStatus(text: string): void {
  const message = $('message');
  message.setAttribute('role', 'status');
  message.className = 'status';
  message.textContent = text;
  message.hidden = false;
}

/** A message instead of a blank page; with `offerOpen`, the ways to open another file come with it. */
function showError(text: string, offerOpen = true): void {
  const message = $('message');
  message.setAttribute('role', 'alert');
  message.className = 'error';
  message.textContent = text;
  message.hidden = false;
  if (offerOpen) {
    $('start').hidden = false;
    $('viewer-container').hidden = true;
  }
  document.documentElement.dataset.error = text;
}

/** The Contents sidebar can be hidden to give the pages the whole width. */
export function wireSidebarToggle(signal: AbortSignal): void {
  const toggle = $<HTMLButtonElement>('sidebar-toggle');
  toggle.addEventListener('click', () => {
    const sidebar = $('sidebar');
    sidebar.hidden = !sidebar.hidden;
    toggle.setAttribute('aria-expanded', String(!sidebar.hidden));
  }, { signal });
}
