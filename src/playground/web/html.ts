/**
 * The three string transforms every renderer in the page relies on. Nothing here touches the
 * DOM, so the renderers can be unit-tested in Node and the page can trust `innerHTML`.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SLACK_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * Undoes Slack's message escaping: exactly `&amp;`, `&lt;` and `&gt;`, in one pass so `&amp;lt;`
 * becomes the text `&lt;`, not `<`. Any other entity is left as typed, as Slack shows it.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => SLACK_ENTITIES[name] ?? '');
}

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns the URL if it is absolute and of a protocol a link may safely carry, else undefined.
 * NOTE: this is what keeps `javascript:` out of an href, since the page renders with innerHTML.
 */
export function safeUrl(url: string): string | undefined {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Image sources are fetched without a click, so only web URLs qualify. */
export function safeImageUrl(url: string): string | undefined {
  const safe = safeUrl(url);
  return safe && /^https?:/i.test(safe) ? safe : undefined;
}
