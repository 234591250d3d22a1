import { EMOJI_CODE, emojiFor } from './emoji.js';
import { decodeSlackEntities, escapeHtml, safeUrl } from './html.js';

/** Names the renderer can show instead of raw ids. */
export interface RenderContext {
  /** User id → display name, for `<@U123>`. */
  users?: Readonly<Record<string, string>>;
  /** Channel id → name, for `<#C123>` without a label. */
  channels?: Readonly<Record<string, string>>;
  /** The conversations a conversation menu offers (`im`: the viewer's DM with the app). */
  conversations?: readonly { id: string; name: string; kind: 'channel' | 'im' }[];
}

/** A name from a context map; own keys only, so an id like `constructor` finds nothing. */
export function lookupName(names: Readonly<Record<string, string>> | undefined, id: string): string | undefined {
  const name = names && Object.hasOwn(names, id) ? names[id] : undefined;
  return typeof name === 'string' ? name : undefined;
}

// NOTE: finished HTML is parked in "slots" behind private-use placeholders while the rest of the
// line is escaped and formatted. That way `*` or `_` inside a URL never turns into emphasis, and
// formatting can still wrap a link (`*<url|title>*`, which is how bots bold a linked title).
const OPEN = '\uE000';
const CLOSE = '\uE001';

class Slots {
  private readonly html: string[] = [];
  hold(html: string): string {
    return `${OPEN}${this.html.push(html) - 1}${CLOSE}`;
  }
  restore(text: string): string {
    return text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => this.html[Number(i)] ?? '');
  }
}

/**
 * Renders Slack mrkdwn, as Slack sends it (already escaped), to safe HTML.
 *
 * @example
 * mrkdwnToHtml('*<https://arxiv.org/abs/2307.03172|Lost in the Middle>* &amp; more')
 * // '<strong><a class="mk-link" href="https://arxiv.org/abs/2307.03172" …>Lost in the Middle</a></strong> &amp; more'
 */
export function mrkdwnToHtml(text: string, ctx: RenderContext = {}): string {
  // Placeholders must only ever come from us.
  const parts = text.replace(/[\uE000\uE001]/g, '\uFFFD').split('```');
  // An unclosed fence is literal text, as in Slack.
  if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]}\`\`\`${parts[parts.length - 1]}`);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return `<pre class="mk-pre">${codeToHtml(part.replace(/^\n/, '').replace(/\n$/, ''), ctx)}</pre>`;
      // A code block is a block of its own: the newlines around its fences are not line breaks.
      let trimmed = part;
      if (i > 0) trimmed = trimmed.replace(/^\n/, '');
      if (i < parts.length - 1) trimmed = trimmed.replace(/\n$/, '');
      return linesToHtml(trimmed, ctx);
    })
    .join('');
}

const QUOTE_LINE = /^(?:&gt;|>) ?/;
const QUOTE_REST = /^(?:&gt;|>){3} ?/;

/** Line breaks and `>` quotes: consecutive quoted lines share one blockquote. */
function linesToHtml(text: string, ctx: RenderContext): string {
  if (text === '') return '';
  const out: string[] = [];
  let plain: string[] = [];
  let quote: string[] = [];
  const flushPlain = () => {
    if (plain.length > 0) out.push(plain.join('<br>'));
    plain = [];
  };
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote class="mk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (QUOTE_REST.test(line)) {
      // `>>>` quotes everything after it.
      flushPlain();
      quote.push(...[line.replace(QUOTE_REST, ''), ...lines.slice(i + 1)].map((l) => inlineToHtml(l, ctx)));
      break;
    }
    if (QUOTE_LINE.test(line)) {
      flushPlain();
      quote.push(inlineToHtml(line.replace(QUOTE_LINE, ''), ctx));
    } else {
      flushQuote();
      plain.push(inlineToHtml(line, ctx));
    }
  }
  flushPlain();
  flushQuote();
  return out.join('');
}

const STYLES: ReadonlyArray<[marker: string, tag: string]> = [
  ['*', 'strong'],
  ['_', 'em'],
  ['~', 'del'],
];

// Slack only formats when the marker hugs a word from outside: `*bold*` yes, `2*3*4` and
// `snake_case_name` no, `* not bold *` no.
const STYLE_PATTERNS = STYLES.map(([marker, tag]) => {
  const m = `\\${marker}`;
  return [new RegExp(`(?<![\\w${m}])${m}(?!\\s)([^${m}\\n]+?)(?<!\\s)${m}(?![\\w${m}])`, 'g'), tag] as const;
});

/** One line: inline code, `<…>` tokens, emoji, then bold/italic/strike on what is left. */
function inlineToHtml(line: string, ctx: RenderContext): string {
  const slots = new Slots();
  let s = line.replace(/`([^`\n]+)`/g, (_, code: string) => slots.hold(`<code class="mk-code">${codeToHtml(code, ctx)}</code>`));
  s = s.replace(/<([^<>\n]+)>/g, (_, body: string) => slots.hold(tokenToHtml(body, ctx)));
  s = s.replace(EMOJI_CODE, (whole, name: string, tone: string | undefined) => {
    const emoji = emojiFor(name, tone);
    return emoji ? slots.hold(`<span class="mk-emoji" title=":${name}:">${emoji}</span>`) : whole;
  });
  s = escapeHtml(decodeSlackEntities(s));
  for (const [pattern, tag] of STYLE_PATTERNS) s = s.replace(pattern, `<${tag}>$1</${tag}>`);
  return slots.restore(s);
}

/** Code keeps its text as typed, but links and mentions inside it still render. */
function codeToHtml(code: string, ctx: RenderContext): string {
  const slots = new Slots();
  const s = code.replace(/<([^<>\n]+)>/g, (_, body: string) => slots.hold(tokenToHtml(body, ctx)));
  return slots.restore(escapeHtml(decodeSlackEntities(s)).replace(/\n/g, '<br>'));
}

/** The inside of a `<…>` token: a mention, a special command, a link, or literal text. */
function tokenToHtml(body: string, ctx: RenderContext): string {
  const bar = body.indexOf('|');
  const target = bar < 0 ? body : body.slice(0, bar);
  const label = bar < 0 ? undefined : decodeSlackEntities(body.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = lookupName(ctx.users, id) ?? label?.replace(/^@/, '') ?? id;
    return `<span class="mk-mention" data-user-id="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = label ?? lookupName(ctx.channels, id) ?? id;
    return `<span class="mk-channel" data-channel-id="${escapeHtml(id)}">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('!')) return specialToHtml(target.slice(1), label);
  const url = decodeSlackEntities(target);
  const href = safeUrl(url);
  // Not a link Slack would draw (e.g. a stray unescaped `<b>`): show it as the text it is.
  if (!href) return escapeHtml(`<${decodeSlackEntities(body)}>`);
  return `<a class="mk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? url)}</a>`;
}

const BROADCASTS = new Set(['here', 'channel', 'everyone']);

/** `<!here>`, `<!channel>`, `<!subteam^ID|@group>`, `<!date^…|fallback>`. */
function specialToHtml(command: string, label: string | undefined): string {
  if (BROADCASTS.has(command)) return `<span class="mk-mention mk-broadcast">@${command}</span>`;
  if (command.startsWith('subteam^')) return `<span class="mk-mention">${escapeHtml(label ?? '@group')}</span>`;
  return escapeHtml(label ?? `<!${command}>`);
}
