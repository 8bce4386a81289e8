/** Writes text to the clipboard; falls back to a hidden textarea where the async API is refused. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      // The deprecated command is the only synchronous fallback left for plain http origins.
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
