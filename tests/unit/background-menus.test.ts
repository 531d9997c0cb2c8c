import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_IDS, onCommand, onMenuClicked } from '../../src/background/menus';

/**
 * The context menu's and the keyboard command's ways to the notebook. Headless Chromium delivers neither
 * a menu click nor an extension shortcut to an end-to-end test, so their handlers are tested here, with
 * the browser's side panel APIs stubbed: Chrome's sidePanel, Firefox's sidebarAction, and neither.
 */
type Api = { sidePanel?: { open: ReturnType<typeof vi.fn> }; sidebarAction?: { open: ReturnType<typeof vi.fn> } };
const api = fakeBrowser as unknown as Api;
const TAB = { id: 5, windowId: 2, index: 3 };

describe('opening the notebook from the context menu and the command', () => {
  let created: Array<{ url?: string; index?: number }>;
  beforeEach(() => {
    fakeBrowser.reset();
    created = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (options) => {
      created.push(options);
      return { id: 99 } as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>;
    });
  });
  afterEach(() => {
    delete api.sidePanel;
    delete api.sidebarAction;
    vi.restoreAllMocks();
  });

  it('Chrome: the menu item and Alt+Shift+N open the side panel for the tab, at once (inside the user action)', async () => {
    api.sidePanel = { open: vi.fn().mockResolvedValue(undefined) };
    const menu = onMenuClicked({ menuItemId: MENU_IDS.notebook }, TAB);
    // Called before the handler awaited anything: Chrome counts only that as the user's action.
    expect(api.sidePanel.open).toHaveBeenCalledWith({ tabId: 5 });
    await menu;
    const command = onCommand('open-notebook', TAB);
    expect(api.sidePanel.open).toHaveBeenCalledTimes(2);
    await command;
    expect(created).toEqual([]);
  });

  it('Firefox: they open the sidebar (sidebar_action)', async () => {
    api.sidebarAction = { open: vi.fn().mockResolvedValue(undefined) };
    await onMenuClicked({ menuItemId: MENU_IDS.notebook }, TAB);
    await onCommand('open-notebook', TAB);
    expect(api.sidebarAction.open).toHaveBeenCalledTimes(2);
    expect(created).toEqual([]);
  });

  it('where the browser refuses, the notebook opens in a tab that speaks for the page', async () => {
    api.sidePanel = { open: vi.fn().mockRejectedValue(new Error('may only be called in response to a user gesture')) };
    await onCommand('open-notebook', TAB);
    expect(created).toHaveLength(1);
    expect(created[0]!.url).toMatch(/\/sidepanel\.html\?tab=5$/);
  });

  it('"Open in Termlight reader" on a PDF link opens the reader beside the tab', async () => {
    await onMenuClicked({ menuItemId: MENU_IDS.openPdf, linkUrl: 'https://example.org/a leaflet.pdf' }, TAB);
    expect(created).toEqual([{ url: expect.stringMatching(/\/reader\.html\?src=https%3A%2F%2Fexample\.org%2Fa%20leaflet\.pdf$/), index: 4 }]);
  });
});
