/** How the rest of the extension opens a document in the reader (toolbar popup, link context menu). */

/** Link patterns the "Open in Termlight reader" context menu item appears on. */
export const PDF_LINK_PATTERNS = ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.PDF?*', '*://*/*.pdf#*'];

/** The reader page's address for a document address. */
export function readerUrl(extensionUrl: (path: '/reader.html') => string, pdfUrl: string): string {
  return `${extensionUrl('/reader.html')}?src=${encodeURIComponent(pdfUrl)}`;
}

/** Whether a tab's address looks like a PDF document (what the browser's own viewer would show). */
export function looksLikePdfUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && /\.pdf$/i.test(parsed.pathname);
  } catch {
    return false;
  }
}
