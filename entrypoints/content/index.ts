import termIndex from 'virtual:termlight/term-index';
import '../../src/page/highlights.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { answerMessages, sendToBackground } from '../../src/messaging/runtime';
import { PageController } from '../../src/page/controller';
import { startWhenReadable } from '../../src/page/frame-gate';
import { Interactions } from '../../src/page/interactions';
import { loadSettings, watchSettings } from '../../src/settings/store';
import { PopoverHost, UI_HOST_NAME } from '../../src/ui/popover-host';

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
      const controller = new PageController(ctx, new CompactTermIndex(termIndex), UI_HOST_NAME, () => {}, detectLanguage);
      let interactions: Interactions | undefined;
      const popover = new PopoverHost(ctx, {
        onShow: (id) => void interactions?.show(id),
        onKnown: (definition) => void interactions?.markKnown(definition),
      });
      interactions = new Interactions(ctx, controller, popover);
      interactions.listen();
      answerMessages(
        {
          'page-terms': () => controller.pageTerms(),
          'explain-selection': (message) => interactions.explainSelection(message.text),
        },
        lifetime.signal,
      );
      watchSettings((settings) => controller.applySettings(settings), lifetime.signal);
      controller.applySettings(await loadSettings());
    }
  },
});
