import { useEffect, useState } from 'preact/hooks';
import type { Definition } from '../glossary/types';
import { listenTexts, localEnglishVoice, onSpeakingChange, speak, stopSpeaking, watchVoices } from './listen';

/** The keys a popover answers (also listed in README's "Keys"). */
export const POPOVER_KEYS: ReadonlyArray<[keys: string, does: string]> = [
  ['N or ]', 'next highlighted term on the page'],
  ['P or [', 'previous highlighted term'],
  ['S', 'save to your notebook'],
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
  if (!voice) return null;
  return (
    <button
      type="button"
      class="tool"
      onClick={() => (speaking ? stopSpeaking() : speak(listenTexts(definition), voice))}
      title={`Read aloud by ${voice.name}, on this device`}
      data-testid="listen"
    >
      {speaking ? 'Stop' : 'Listen'}
    </button>
  );
}
