import { useEffect, useRef, useState } from 'preact/hooks';
import type { Definition } from '../glossary/types';
import { listenTexts, localEnglishVoice, onSpeakingChange, speak, stopSpeaking, watchVoices } from './listen';

/** The keys a popover answers (also listed in README's "Keys"). */
export const POPOVER_KEYS: ReadonlyArray<[keys: string, does: string]> = [
  ['N or ]', 'next highlighted term on the page'],
  ['P or [', 'previous highlighted term'],
  ['S', 'save to your notebook'],
  ['L', 'listen (with an English voice on this device)'],
  ['Tab', 'move between the buttons'],
  ['Esc', 'close (and release a pin)'],
  ['Alt+Shift+J', 'anywhere on the page (the default shortcut): explain the next term from where you are reading'],
];

export interface PopoverToolsProps {
  /** The entry to read aloud (only a single definition is read). */
  definition?: Definition;
  pinned: boolean;
  onTogglePin: () => void;
  /** Term to term works where the popover explains a term of the page. */
  canNavigate: boolean;
}

/** The popover's footer: Listen, Pin and the Keys help. Its own component so the popover barely changes. */
export function PopoverTools({ definition, pinned, onTogglePin, canNavigate }: PopoverToolsProps) {
  const [showKeys, setShowKeys] = useState(false);
  return (
    <div class="tools" data-testid="popover-tools">
      <div class="tool-row">
        {definition && <ListenButton definition={definition} />}
        <button
          type="button"
          class="tool"
          aria-pressed={pinned}
          title={pinned ? 'Release: the popover closes again when you move on' : 'Keep this open while you read on'}
          onClick={onTogglePin}
          data-testid="pin"
        >
          {pinned ? 'Pinned' : 'Pin'}
        </button>
        <button type="button" class="tool" aria-expanded={showKeys} aria-controls="termlight-keys" onClick={() => setShowKeys(!showKeys)} data-testid="keys-toggle">
          Keys
        </button>
        <span class="brand" aria-hidden="true">
          Termlight
        </span>
      </div>
      {showKeys && (
        <dl id="termlight-keys" class="keys" data-testid="keys-help">
          {POPOVER_KEYS.filter(([keys]) => canNavigate || !/^[NP] /.test(keys)).map(([keys, does]) => (
            <div key={keys}>
              <dt>{keys}</dt>
              <dd>{does}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

const LISTEN_KEY = 'l';

/** Present only while an on-device English voice exists; reads the headword, then the definition. */
function ListenButton({ definition }: { definition: Definition }) {
  const [voice, setVoice] = useState(localEnglishVoice);
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    setVoice(localEnglishVoice());
    const unwatch = watchVoices(() => setVoice(localEnglishVoice()));
    const unfollow = onSpeakingChange(setSpeaking);
    return () => {
      unwatch();
      unfollow();
    };
  }, []);
  // Another entry shown in the same popover: what was being read no longer matches it.
  useEffect(() => () => stopSpeaking(), [definition.id]);
  const button = useRef<HTMLButtonElement>(null);
  const toggle = () => {
    if (!voice) return;
    if (speaking) stopSpeaking();
    else speak(listenTexts(definition), voice);
  };
  // L listens while focus is anywhere in the popover (not while typing in the note).
  useEffect(() => {
    const dialog = button.current?.closest('[role="dialog"]');
    if (!dialog) return;
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      const target = key.composedPath()[0];
      if (key.key.toLowerCase() !== LISTEN_KEY || key.ctrlKey || key.metaKey || key.altKey) return;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.localName))) return;
      key.preventDefault();
      toggle();
    };
    dialog.addEventListener('keydown', onKey);
    return () => dialog.removeEventListener('keydown', onKey);
  });
  if (!voice) return null;
  return (
    <button
      ref={button}
      type="button"
      class="tool"
      aria-keyshortcuts="L"
      onClick={toggle}
      title={`Read aloud by ${voice.name}, on this device`}
      data-testid="listen"
    >
      {speaking ? 'Stop' : 'Listen'}
    </button>
  );
}
