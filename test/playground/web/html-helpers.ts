/**
 * Reading the renderers' HTML in Node without a DOM. Good enough for HTML we generate ourselves:
 * attribute values are always escaped, so no `>` hides inside a tag.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The text a browser would show: line breaks as "\n", tags gone, entities decoded. */
export function visibleText(html: string): string {
  return decodeHtml(html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));
}

/** Opening tags carrying `name="value"` (value as the browser reads it). */
export function tagsWith(html: string, name: string, value: string): string[] {
  return (html.match(/<[a-z][^>]*>/g) ?? []).filter((tag) => attr(tag, name) === value);
}

/** One attribute of an opening tag, decoded; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>])`).exec(tag);
  if (!match) return undefined;
  return decodeHtml(match[1] ?? '');
}
