import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { looksLikePdfUrl, readerUrl } from '../../reader/open';

/** "Open in Termlight reader" when the tab shows a PDF (the browser's viewer cannot be scripted). */
export function OpenPdfButton({ tabUrl }: { tabUrl: () => Promise<string | undefined> }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    void tabUrl().then((found) => setUrl(looksLikePdfUrl(found) ? found : undefined));
  }, []);
  if (!url) return null;
  return (
    <p class="open-pdf">
      <button type="button" data-testid="open-in-reader" onClick={() => void browser.tabs.create({ url: readerUrl(browser.runtime.getURL, url) }).then(() => window.close())}>
        Open in Termlight reader
      </button>
      <span class="muted"> Explains the terms in this PDF.</span>
    </p>
  );
}
