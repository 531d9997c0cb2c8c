import { sendToBackground } from '../messaging/runtime';
import { cardText } from '../notebook/card';
import type { PopoverActions } from '../ui/popover-host';

/** The popover's notebook row on a web page: every change goes to the background, the notebook's one writer. */
export function pageNotebookBridge(): NonNullable<PopoverActions['notebook']> {
  return {
    status: (entryId) => sendToBackground({ type: 'notebook-get', entryId }),
    save: (definition, context, extra) =>
      sendToBackground({
        type: 'notebook-save',
        input: { entryId: definition.id, headword: definition.headword, ...(context ? { context: context() } : {}), ...extra },
      }),
    update: (entryId, change) => sendToBackground({ type: 'notebook-update', entryId, ...change }),
    openNotebook: () => void sendToBackground({ type: 'open-notebook' }),
    copyCard: (definition, context) => copyText(cardText(definition, context?.())),
  };
}

/**
 * Writes text to the clipboard from a click in the popover. The async Clipboard API needs a secure
 * page; on plain http pages the older copy command does it, from a textarea inside our own shadow
 * root (the page's DOM is not touched).
 */
export async function copyText(text: string, scratchParent?: Node): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  const parent = scratchParent ?? document.querySelector('termlight-ui')?.shadowRoot;
  if (!parent) return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;left:0;top:0';
  parent.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    area.remove();
  }
  return ok;
}
