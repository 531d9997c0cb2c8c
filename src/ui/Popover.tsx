import { useEffect, useRef } from 'preact/hooks';
import type { Definition } from '../glossary/types';
import type { PageContext } from '../page/page-context';
import { DefinitionCard } from './DefinitionCard';
import { NotebookActions, type NotebookBridge } from './NotebookActions';
import { PageWordNote } from './PageWordNote';
import { PopoverTools } from './PopoverTools';
import type { Direction } from '../page/term-navigation';
import { SensesCard } from './SensesCard';

export type PopoverContent =
  | { kind: 'loading' }
  | {
      kind: 'definition';
      definition: Definition;
      misspelledAs?: string;
      /** The page's word, when known. */
      pageWord?: string;
      /** Where the term was met on the page, read only when the reader saves it. */
      pageContext?: () => PageContext;
    }
  | { kind: 'senses'; pageWord: string; definitions: Definition[] }
  | { kind: 'unknown'; text: string; suggestions: Definition[] }
  | { kind: 'empty-selection' };

export interface Toast {
  message: string;
  onUndo: () => void;
}

export interface PopoverProps {
  content: PopoverContent | null;
  toast: Toast | null;
  /** Move keyboard focus into the popover (it was opened from the keyboard). */
  takeFocus: boolean;
  onClose: () => void;
  onShow: (id: string) => void;
  onKnown: (definition: Definition) => void;
  notebook?: NotebookBridge;
  /** Beside its term, docked to a corner (pinned), or a bottom sheet (narrow screens). */
  layout: 'anchored' | 'pinned' | 'sheet';
  pinned: boolean;
  onTogglePin: () => void;
  /** Term to term (N / ] and P / [); absent where the popover does not explain a term of the page. */
  onNavigate?: (direction: Direction) => void;
}

const NAVIGATION_KEYS: Record<string, Direction> = { n: 'next', ']': 'next', p: 'previous', '[': 'previous' };

/**
 * The popover: a non-modal dialog (no aria-modal: the page stays usable) labelled by its headword.
 * It takes focus only when opened from the keyboard; it never announces itself on hover.
 */
export function Popover({ content, toast, takeFocus, onClose, onShow, onKnown, notebook, layout, pinned, onTogglePin, onNavigate }: PopoverProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (content && takeFocus) dialog.current?.focus();
  }, [content, takeFocus]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    const target = event.composedPath()[0];
    if (event.ctrlKey || event.metaKey || event.altKey || (target instanceof HTMLElement && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName)))) return;
    const direction = NAVIGATION_KEYS[event.key.toLowerCase()];
    if (direction && onNavigate) {
      event.preventDefault();
      event.stopPropagation();
      onNavigate(direction);
    }
  };
  return (
    <>
      {content && (
        <div
          ref={dialog}
          class="popover"
          role="dialog"
          aria-labelledby="termlight-heading"
          tabIndex={-1}
          onKeyDown={onKeyDown}
          data-layout={layout}
          data-testid="popover"
        >
          {layout === 'sheet' && <div class="grabber" aria-hidden="true" />}
          <button type="button" class="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
          <PopoverBody content={content} onShow={onShow} onKnown={onKnown} notebook={notebook} />
          <PopoverTools
            definition={content.kind === 'definition' ? content.definition : undefined}
            pinned={pinned}
            onTogglePin={onTogglePin}
            canNavigate={onNavigate !== undefined}
          />
        </div>
      )}
      {toast && (
        <div class="toast" role="status" data-testid="toast">
          <span>{toast.message}</span>
          <button type="button" class="link-button" onClick={toast.onUndo}>
            Undo
          </button>
        </div>
      )}
    </>
  );
}

function PopoverBody({ content, onShow, onKnown, notebook }: Pick<PopoverProps, 'onShow' | 'onKnown' | 'notebook'> & { content: PopoverContent }) {
  switch (content.kind) {
    case 'loading':
      return <p id="termlight-heading">Looking up…</p>;
    case 'empty-selection':
      return (
        <p id="termlight-heading">Select a word or phrase on the page first, then ask Termlight to explain it.</p>
      );
    case 'unknown':
      return <UnknownTerm text={content.text} suggestions={content.suggestions} onShow={onShow} />;
    case 'senses':
      return <SensesCard pageWord={content.pageWord} definitions={content.definitions} headingId="termlight-heading" onShow={onShow} />;
    case 'definition':
      return (
        <>
          {content.pageWord !== undefined && content.misspelledAs === undefined && <PageWordNote pageWord={content.pageWord} definition={content.definition} />}
          <DefinitionCard
            definition={content.definition}
            misspelledAs={content.misspelledAs}
            headingId="termlight-heading"
            onRelated={onShow}
          />
          {notebook && <NotebookActions definition={content.definition} notebook={notebook} />}
          {!content.definition.searchOnly && (
            <button type="button" class="secondary" onClick={() => onKnown(content.definition)} data-testid="known">
              I know this word: stop highlighting it
            </button>
          )}
        </>
      );
  }
}

function UnknownTerm({ text, suggestions, onShow }: { text: string; suggestions: Definition[]; onShow: (id: string) => void }) {
  return (
    <div data-testid="unknown">
      <h2 id="termlight-heading" class="headword">
        Not in the Termlight glossary
      </h2>
      <p>“{text.length > 60 ? `${text.slice(0, 60)}…` : text}” is not a term Termlight knows.</p>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul class="suggestions">
            {suggestions.map((s) => (
              <li key={s.id}>
                <button type="button" class="link-button" onClick={() => onShow(s.id)}>
                  {s.headword}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No close matches either.</p>
      )}
    </div>
  );
}
