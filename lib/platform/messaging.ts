import { browser } from 'wxt/browser';
import type { Message, Reply } from '@/lib/core/schema/messages';
import type { SenderKind } from '@/entrypoints/background/handlers';

// Typed sending for the content script and extension pages; sender classification for the
// background. Imports only types from the schemas, so zod stays out of the content script.

export async function send<T = unknown>(message: Message): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'no answer from SmartPick (is the extension reloading?)' };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Who sent a message: one of our pages, our content script in a web page, or anyone else. */
export interface SenderInfo { id?: string; url?: string; tab?: unknown }

export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return 'foreign';
}
