import termIndex from 'virtual:termlight/term-index';
import '../../src/page/highlights.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { TermIndexSectionSchema } from '../../src/messaging/messages';
import { sendToBackground } from '../../src/messaging/runtime';
import { PageController } from '../../src/page/controller';
import { claimPageScript } from '../../src/page/page-script';
import { Interactions } from '../../src/page/interactions';
import { answerPageRequests } from '../../src/page/page-requests';
import type { Settings } from '../../src/settings/schema';
import { pageNotebookBridge } from '../../src/page/notebook-bridge';
import { loadSettings, watchSettings } from '../../src/settings/store';
import { PopoverHost, UI_HOST_NAME } from '../../src/ui/popover-host';

/** How long the page must be quiet before the side panel is told its terms changed. */
const PAGE_CHANGED_DELAY_MS = 400;

/**
 * The main script: injected by the background (src/background/inject.ts) into one frame, when the
 * page gate (entrypoints/gate.content.ts) found a possible term there or the reader asked for
 * Termlight there (popup, side panel, context menu, shortcuts).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main(ctx) {
    if (!claimPageScript()) return;
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    void start();

    async function start(): Promise<void> {
      // The full language detector lives in the background: only pages that neither their words nor their
      // lang attribute decide send it a sample of their text (it never leaves the browser).
      const detectLanguage = async (sample: string) => (await sendToBackground({ type: 'detect-language', sample: sample.slice(0, 4000) })) ?? undefined;
      // The term index's entries and near-English words stay in the background (this script runs in every
      // frame, so its size counts many times): the entries come now, the near words once a page is about
      // health (src/page/reading.ts).
      const index = new CompactTermIndex(termIndex, {
        loadSection: async (name) => {
          const parsed = TermIndexSectionSchema.safeParse(await sendToBackground({ type: 'term-index-section', name }));
          return parsed.success ? parsed.data : undefined;
        },
      });
      const entriesHere = index.prepareEntries();
      const controller = new PageController(ctx, index, UI_HOST_NAME, () => notifyPageChanged(), detectLanguage);
      let interactions: Interactions | undefined;
      const popover = new PopoverHost(ctx, {
        onShow: (id) => void interactions?.show(id),
        onKnown: (definition) => void interactions?.markKnown(definition),
        onNavigate: (direction) => void interactions?.step(direction),
        notebook: pageNotebookBridge(),
      });
      interactions = new Interactions(ctx, controller, popover, UI_HOST_NAME);
      interactions.listen();

      // The side panel follows the page: it is told (once the page settles) when the visible terms
      // change. A page that never has a term never sends anything.
      let lastSignature = '0:0';
      let timer: number | undefined;
      function notifyPageChanged(): void {
        clearTimeout(timer);
        timer = ctx.setTimeout(() => {
          const signature = controller.visibleSignature();
          if (signature === lastSignature) return;
          lastSignature = signature;
          if (window === window.top) void sendToBackground({ type: 'page-changed' });
        }, PAGE_CHANGED_DELAY_MS);
      }

      // Every answer reads entries (ids, headwords): asked before they are here, it waits for them.
      answerPageRequests(
        {
          terms: async () => {
            await entriesHere;
            return controller.pageTerms();
          },
          matches: async () => {
            await entriesHere;
            return controller.pageMatches();
          },
          reveal: async (id) => {
            await entriesHere;
            return interactions.reveal(id);
          },
          explainSelection: async (text) => {
            await entriesHere;
            return interactions.explainSelection(text);
          },
          explainNext: async () => {
            await entriesHere;
            return interactions.explainNext();
          },
        },
        lifetime.signal,
      );
      const apply = (settings: Settings) => {
        controller.applySettings(settings);
        popover.setAppearance(settings);
      };
      // Settings are applied once the entries are here (known terms are kept by id); a change that
      // arrives after the settings loaded and before the entries is applied in place of the loaded ones.
      let started = false;
      let loaded = false;
      let changed: Settings | undefined;
      watchSettings((settings) => {
        if (started) apply(settings);
        else if (loaded) changed = settings;
      }, lifetime.signal);
      const [settings, hasEntries] = await Promise.all([loadSettings().then((s) => ((loaded = true), s)), entriesHere]);
      // Only a content script the extension no longer answers (updated or reloaded) cannot have them.
      if (!hasEntries || lifetime.signal.aborted) return;
      started = true;
      apply(changed ?? settings);
    }
  },
});
