// Driving a code-server workbench from playwright-core with Debian's chromium:
// the browser launch and the DOM locators the e2e test shares. The selectors
// are VS Code 1.100's workbench classes (explorer, editor, hover, markers
// panel, action widget, suggest widget, outline pane).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// No GPU, no network side traffic: the workbench only talks to 127.0.0.1.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh Chromium profile per run (Playwright refuses --user-data-dir in args). */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
}

export function workbenchUrl(base: string, folder: string): string {
  return `${base}?folder=${encodeURIComponent(folder)}`;
}

export class Workbench {
  constructor(readonly page: Page, private readonly shotsDir: string) {
    mkdirSync(shotsDir, { recursive: true });
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.shotsDir, `${name}.png`) });
  }

  explorerRow(file: string): Locator {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: file });
  }

  /** The active editor (the visible text editor of the editor group). */
  editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  /** One rendered line of the active editor, by its text. */
  line(text: string): Locator {
    return this.editor().locator('.view-line', { hasText: text }).first();
  }

  /** The text of the active editor as rendered (every line must be on screen). */
  async editorText(): Promise<string> {
    const lines = await this.editor().locator('.view-lines .view-line').evaluateAll((els) =>
      els.map((e) => ({ top: e.getBoundingClientRect().top, text: e.textContent ?? '' })));
    // Monaco renders lines out of order and spaces as U+00A0.
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  /** The token span of `word` on the line containing `lineText`. */
  token(lineText: string, word: string): Locator {
    return this.line(lineText).locator('span > span', { hasText: new RegExp(`^${word}$`) }).first();
  }

  squiggles(severity: 'error' | 'warning' | 'info'): Locator {
    return this.editor().locator(`.squiggly-${severity}`);
  }

  /** The hover widget that is showing, by part of its text. */
  hover(text: string | RegExp): Locator {
    return this.page.locator('.monaco-hover:visible', { hasText: text }).first();
  }

  async openFile(file: string, firstLineText: string): Promise<void> {
    await this.explorerRow(file).click();
    await this.page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
    await this.line(firstLineText).waitFor();
  }

  async openProblems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.locator('#status\\.problems').click();
    await panel.waitFor();
    return panel;
  }

  problemRows(text: string | RegExp): Locator {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: text });
  }

  /** Rows of the code action menu (lightbulb or Ctrl+.). */
  codeActions(): Locator {
    return this.page.locator('.action-widget .monaco-list-row');
  }

  /** The lightbulb of the cursor's line (in the gutter since VS Code 1.88, else beside the text). */
  lightbulb(): Locator {
    return this.editor().locator('.lightBulbWidget:visible, [class*="gutter-lightbulb"]:visible').first();
  }

  /** Clicks a row of a menu. The action widget blocks the pointer until the mouse moves over it. */
  async pick(row: Locator): Promise<void> {
    const box = await row.boundingBox();
    assert.ok(box, 'the menu row is on screen');
    await this.page.mouse.move(box.x + 10, box.y + box.height / 2);
    await this.page.mouse.move(box.x + 20, box.y + box.height / 2);
    await row.click();
  }

  suggestions(): Locator {
    return this.page.locator('.editor-widget.suggest-widget .monaco-list-row');
  }

  async expandOutline(): Promise<Locator> {
    const pane = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: /^Outline/i }) });
    const header = pane.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return pane;
  }

  async moveMouseAway(): Promise<void> {
    await this.page.mouse.move(2, 2);
    await this.page.keyboard.press('Escape');
  }
}
