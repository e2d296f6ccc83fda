// Saving a file from an extension page (the popup, the full list) without the downloads permission:
// a Blob, an <a download> in the page's own document, a click. The browser reads the blob after the
// click returns, so the object URL is freed a minute later (or when the page closes).

export function downloadText(filename: string, text: string, type: string, doc: Document = document): void {
  const view = doc.defaultView ?? globalThis;
  const url = view.URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
  }
}

/** "2026-11-25" (UTC) for file names. */
export const fileDate = (d: Date): string => d.toISOString().slice(0, 10);
