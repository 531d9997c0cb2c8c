import termIndex from 'virtual:termlight/term-index';
import '../../src/page/highlights.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { NearWordsSectionSchema } from '../../src/messaging/messages';
import { answerMessages, sendToBackground } from '../../src/messaging/runtime';
import { PageController } from '../../src/page/controller';
import { startWhenReadable } from '../../src/page/frame-gate';
import { Interactions } from '../../src/page/interactions';
import type { Settings } from '../../src/settings/schema';
import { pageNotebookBridge } from '../../src/page/notebook-bridge';
import { loadSettings, watchSettings } from '../../src/settings/store';
import { PopoverHost, UI_HOST_NAME } from '../../src/ui/popover-host';

/** How long the page must be quiet before the side panel is told its terms changed. */
const PAGE_CHANGED_DELAY_MS = 400;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    // Ad, tracking and other frames with nothing to read are turned away before anything starts.
    startWhenReadable(window, () => void start(), lifetime.signal);

    async function start(): Promise<void> {
      // The full language detector lives in the background: only pages that neither their words nor their
      // lang attribute decide send it a sample of their text (it never leaves the browser).
      const detectLanguage = async (sample: string) => (await sendToBackground({ type: 'detect-language', sample: sample.slice(0, 4000) })) ?? undefined;
      // Misspelling checks need the index's near-English words, which the background keeps: this
      // script stays small, and only a page about health asks for them (src/page/reading.ts).
      const loadNearWords = async () => {
        const parsed = NearWordsSectionSchema.safeParse(await sendToBackground({ type: 'near-words' }));
        return parsed.success ? parsed.data : undefined;
      };
      const index = new CompactTermIndex(termIndex, { loadNearWords });
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

      answerMessages(
        {
          'page-terms': () => controller.pageTerms(),
          'page-matches': () => controller.pageMatches(),
          'reveal-term': (message) => interactions.reveal(message.id),
          'explain-selection': (message) => interactions.explainSelection(message.text),
          'explain-next-term': () => interactions.explainNext(),
        },
        lifetime.signal,
      );
      const apply = (settings: Settings) => {
        controller.applySettings(settings);
        popover.setAppearance(settings);
      };
      watchSettings(apply, lifetime.signal);
      apply(await loadSettings());
    }
  },
});
