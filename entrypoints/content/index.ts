import termIndex from 'virtual:termlight/term-index';
import '../../src/page/highlights.css';
import { answerMessages, sendToBackground } from '../../src/messaging/runtime';
import { PageController } from '../../src/page/controller';
import { Interactions } from '../../src/page/interactions';
import { loadSettings, watchSettings } from '../../src/settings/store';
import { PopoverHost, UI_HOST_NAME } from '../../src/ui/popover-host';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    // The full language detector lives in the background: only pages that neither their words nor their
    // lang attribute decide send it a sample of their text (it never leaves the browser).
    const detectLanguage = async (sample: string) => (await sendToBackground({ type: 'detect-language', sample: sample.slice(0, 4000) })) ?? undefined;
    const controller = new PageController(ctx, termIndex, UI_HOST_NAME, () => {}, detectLanguage);
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
  },
});
