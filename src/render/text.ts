/**
 * Slack's text format, both ways: making corpus and user text safe to show in mrkdwn, cutting it
 * to fit, and turning what Slack sends us (mentions, `<url|label>` links, entities) back into a
 * plain query.
 */

const ELLIPSIS = '…';

// NOTE: `@channel` typed as plain text is not a mention unless a message is posted with
// `link_names`, which we never do; the word joiner is a second lock on that door.
const BROADCAST = /@(channel|here|everyone)\b/gi;

/**
 * Makes any text safe inside mrkdwn: escapes the three control characters Slack reads (`&`, `<`,
 * `>`) so nothing can become a link, `<!channel>` or `<@U…>`, and defangs plain `@channel`.
 *
 * @example escapeText('a <projektor> & <!here>') // 'a &lt;projektor&gt; &amp; &lt;!here&gt;'
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(BROADCAST, '@\u2060$1');
}

/**
 * A mrkdwn link `<url|label>`. The label is escaped (and `|`, which would end it, replaced); a
 * URL that is not http(s) or cannot be made safe gives the plain label.
 */
export function link(url: string, label: string): string {
  const safeLabel = escapeText(label).replace(/\|/g, '¦');
  const safeUrl = safeHref(url);
  return safeUrl ? `<${safeUrl}|${safeLabel}>` : safeLabel;
}

function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // URL serialisation percent-encodes spaces, `<` and `>`; `|` and `&` are left to us.
  return parsed.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;');
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** A user mention `<@U…>`, only for something shaped like a Slack user id. */
export function mentionUser(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : 'someone';
}

/**
 * Cuts plain text to at most `max` characters at a word boundary, ending with an ellipsis.
 *
 * @example truncate('one two three', 9) // 'one two…'
 */
export function truncate(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  return cutAt(clean, max - ELLIPSIS.length) + ELLIPSIS;
}

/** The longest prefix of `text` of at most `max` characters that ends at a word boundary. */
function cutAt(text: string, max: number, safe: (cut: number) => number = (cut) => cut): string {
  let cut = text.lastIndexOf(' ', max);
  // A single long word (a URL, a chemical name): cut inside it rather than lose most of the text.
  if (cut < max * 0.6) cut = max;
  cut = safe(cut);
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  // Not `;`: it may end an entity (`&amp;`) that must stay whole.
  return text.slice(0, cut).replace(/[\s,:.\-–—(]+$/u, '');
}

/**
 * Escapes `text` for mrkdwn and truncates it so the escaped result fits in `max` characters
 * (escaping lengthens text, so this cuts the raw text, never an entity).
 */
export function escapeFit(text: string, max: number): string {
  let budget = max;
  for (;;) {
    const escaped = escapeText(truncate(text, budget));
    if (escaped.length <= max) return escaped;
    budget -= escaped.length - max;
  }
}

/**
 * Truncates text that is already mrkdwn without breaking a `<…>` link or an `&…;` entity: the
 * safety net behind every section, so an over-long piece can never make Slack reject a message.
 */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const safe = (cut: number) => {
    const open = text.lastIndexOf('<', cut - 1);
    if (open > text.lastIndexOf('>', cut - 1)) cut = open;
    const amp = text.lastIndexOf('&', cut - 1);
    if (amp >= 0 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
    return cut;
  };
  return cutAt(text, max - ELLIPSIS.length, safe) + ELLIPSIS;
}

/**
 * Splits plain text into pieces of at most `max` characters, at sentence ends where possible,
 * else at spaces. For abstracts longer than one section allows.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! ')) + 1;
    if (cut < max * 0.5) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Turns text as Slack sends it (a mention, a DM, a slash command, a message) into a plain query:
 * mentions and broadcasts dropped, `<url|label>` links back to their URL (so arXiv links work),
 * entities decoded, typographic quotes straightened (so `"quoted phrases"` typed on a phone still
 * count as phrases), whitespace collapsed.
 *
 * @example toPlainQuery('<@U0LAN0Z89> papers on &lt;diffusion&gt;') // 'papers on <diffusion>'
 */
export function toPlainQuery(slackText: string): string {
  return slackText
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (/^[@!#]/.test(target)) return ' ';
      if (/^mailto:/i.test(target)) return label ?? target.slice('mailto:'.length);
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
