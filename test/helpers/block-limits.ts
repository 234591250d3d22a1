/**
 * Slack's Block Kit limits, checked independently of the renderer (the numbers are Slack's, from
 * shared/slack/README.md, not imported from our config). Every end-to-end test runs every
 * message it sees through `messageProblems`.
 */
const LIMIT = {
  messageBlocks: 50,
  viewBlocks: 100,
  section: 3000,
  field: 2000,
  fields: 10,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  fallback: 4000,
  // Undocumented ~11-13k; we promise to stay well under.
  totalText: 11_000,
};

type Json = Record<string, any>;

/** Problems with a message (`{ text, blocks }`) or a view (`{ type: 'home', blocks }`); empty when Slack would accept it. */
export function messageProblems(message: Json, where = 'message'): string[] {
  const problems: string[] = [];
  const isView = message.type === 'home' || message.type === 'modal';
  const blocks: Json[] | undefined = typeof message.blocks === 'string' ? JSON.parse(message.blocks) : message.blocks;
  if (!isView) {
    if (typeof message.text !== 'string' || message.text.trim() === '') problems.push(`${where}: no fallback text`);
    else {
      if (message.text.length >= LIMIT.fallback) problems.push(`${where}: fallback text ${message.text.length} chars`);
      problems.push(...mrkdwnProblems(message.text, `${where}.text`));
    }
  }
  if (!blocks) return problems;
  const maxBlocks = isView ? LIMIT.viewBlocks : LIMIT.messageBlocks;
  if (blocks.length > maxBlocks) problems.push(`${where}: ${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  let total = 0;
  blocks.forEach((block, i) => {
    const at = `${where}.blocks[${i}](${block.type})`;
    if (block.block_id !== undefined) {
      if (block.block_id.length > LIMIT.id) problems.push(`${at}: block_id ${block.block_id.length} chars`);
      if (blockIds.has(block.block_id)) problems.push(`${at}: duplicate block_id ${block.block_id}`);
      blockIds.add(block.block_id);
    }
    const text = (t: Json | undefined, max: number, label: string) => {
      if (!t) return;
      if (typeof t.text !== 'string' || t.text.length === 0) problems.push(`${at}.${label}: empty text`);
      else if (t.text.length > max) problems.push(`${at}.${label}: ${t.text.length} chars > ${max}`);
      if (t.type === 'mrkdwn') problems.push(...mrkdwnProblems(t.text ?? '', `${at}.${label}`));
      total += t.text?.length ?? 0;
    };
    switch (block.type) {
      case 'section':
        if (!block.text && !block.fields) problems.push(`${at}: neither text nor fields`);
        text(block.text, LIMIT.section, 'text');
        if ((block.fields ?? []).length > LIMIT.fields) problems.push(`${at}: too many fields`);
        (block.fields ?? []).forEach((f: Json, j: number) => text(f, LIMIT.field, `fields[${j}]`));
        break;
      case 'header':
        if (block.text?.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
        text(block.text, LIMIT.header, 'text');
        break;
      case 'context':
        if (!block.elements?.length) problems.push(`${at}: no elements`);
        if (block.elements?.length > LIMIT.contextElements) problems.push(`${at}: ${block.elements.length} elements`);
        (block.elements ?? []).forEach((e: Json, j: number) => text(e, LIMIT.section, `elements[${j}]`));
        break;
      case 'actions': {
        if (!block.elements?.length) problems.push(`${at}: no elements`);
        if (block.elements?.length > LIMIT.actionsElements) problems.push(`${at}: ${block.elements.length} elements`);
        const actionIds = new Set<string>();
        (block.elements ?? []).forEach((e: Json, j: number) => {
          const el = `elements[${j}]`;
          if (e.type === 'button') {
            if (e.text?.type !== 'plain_text') problems.push(`${at}.${el}: button text must be plain_text`);
            text(e.text, LIMIT.buttonText, `${el}.text`);
            if (e.value !== undefined && e.value.length > LIMIT.buttonValue) problems.push(`${at}.${el}: value ${e.value.length} chars`);
            if (e.url !== undefined && e.url.length > LIMIT.url) problems.push(`${at}.${el}: url too long`);
          }
          if (!e.action_id || e.action_id.length > LIMIT.id) problems.push(`${at}.${el}: bad action_id`);
          if (actionIds.has(e.action_id)) problems.push(`${at}.${el}: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
        });
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  if (total > LIMIT.totalText) problems.push(`${where}: ${total} chars of block text > ${LIMIT.totalText}`);
  return problems;
}

/**
 * Problems with mrkdwn: every `<…>` must be a link we made (`<http(s)://…|label>`), a user
 * mention or a channel mention (`<#C…>`, `<#C…|name>`); nothing may broadcast; `&` only as one of Slack's three entities.
 */
export function mrkdwnProblems(text: string, where: string): string[] {
  const problems: string[] = [];
  for (const [token] of text.matchAll(/<[^>]*>?/g)) {
    if (/^<https?:\/\/[^\s<>|]+\|[^<>|]+>$/.test(token) || /^<@[UW][A-Z0-9]+>$/.test(token) || /^<#[CG][A-Z0-9]+(\|[^<>|]+)?>$/.test(token)) continue;
    problems.push(`${where}: unexpected control sequence ${token.slice(0, 60)}`);
  }
  if (/<!(channel|here|everyone)/i.test(text)) problems.push(`${where}: broadcast`);
  for (const [amp] of text.matchAll(/&[^\s;]{0,6};?/g)) {
    if (!/^&(amp|lt|gt);$/.test(amp)) problems.push(`${where}: bare & in "${amp}"`);
  }
  return problems;
}
