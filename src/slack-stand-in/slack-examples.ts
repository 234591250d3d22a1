/**
 * Slack's own payload examples, copied from shared/slack/fixtures so that nothing reads outside the
 * project at run time (the playground runs from a clean install). test/playground/payloads.test.ts
 * checks that each copy still equals its file, and that every builder in payloads.ts answers in the
 * same shape. The ids are Slack's, not ours; builders use them where they are not told otherwise.
 */

/** fixtures/slash-command.form, decoded: every value a string, as Bolt's form parsing leaves it. */
export const SLASH_COMMAND = {
  token: 'gIkuvaNzQIHg97ATvDxqgjtO',
  team_id: 'T0001',
  team_domain: 'example',
  enterprise_id: 'E0001',
  enterprise_name: 'Globular Construct Inc',
  channel_id: 'C2147483705',
  channel_name: 'test',
  user_id: 'U2147483697',
  user_name: 'Steve',
  command: '/weather',
  text: '94070',
  response_url: 'https://hooks.slack.com/commands/1234/5678',
  trigger_id: '13345224609.738474920.8088930838d88f008e0',
  api_app_id: 'A123456',
} as const;

/** fixtures/app-mention.json: an `event_callback` envelope around an `app_mention`. */
export const APP_MENTION = {
  token: 'ZZZZZZWSxiZZZ2yIvs3peJ',
  team_id: 'T061EG9R6',
  api_app_id: 'A0MDYCDME',
  event: {
    type: 'app_mention',
    user: 'W021FGA1Z',
    text: 'You can count on <@U0LAN0Z89> for an honorable mention.',
    ts: '1515449483.000108',
    channel: 'C0LAN2Q65',
    event_ts: '1515449483.000108',
  },
  type: 'event_callback',
  event_id: 'Ev0MDYHUEL',
  event_time: 1515449483,
  authed_users: ['U0LAN0Z89'],
} as const;

/** fixtures/block-actions.json: a button clicked in an ephemeral message. */
export const BLOCK_ACTIONS = {
  type: 'block_actions',
  team: { id: 'T9TK3CUKW', domain: 'example' },
  user: { id: 'UA8RXUSPL', username: 'jtorrance', team_id: 'T9TK3CUKW' },
  api_app_id: 'AABA1ABCD',
  token: '9s8d9as89d8as9d8as989',
  container: { type: 'message', message_ts: '1548261231.000200', channel_id: 'CBR2V3XEX', is_ephemeral: true },
  trigger_id: '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
  channel: { id: 'CBR2V3XEX', name: 'review-updates' },
  message: { bot_id: 'BAH5CA16Z', type: 'message', text: "This content can't be displayed.", user: 'UAJ2RU415', ts: '1548261231.000200' },
  response_url: 'https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209',
  actions: [
    {
      action_id: 'WaXA',
      block_id: '=qXel',
      text: { type: 'plain_text', text: 'View', emoji: true },
      value: 'click_me_123',
      type: 'button',
      action_ts: '1548426417.840180',
    },
  ],
} as const;

/** fixtures/message-action.json: a message shortcut (it has no `api_app_id`, and so has ours). */
export const MESSAGE_ACTION = {
  token: 'Nj2rfC2hU8mAfgaJLemZgO7H',
  callback_id: 'chirp_message',
  type: 'message_action',
  trigger_id: '13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536',
  response_url: 'https://hooks.slack.com/app-actions/T0MJR11A4/21974584944/yk1S9ndf35Q1flupVG5JbpM6',
  team: { id: 'T0MJRM1A7', domain: 'pandamonium' },
  channel: { id: 'D0LFFBKLZ', name: 'cats' },
  user: { id: 'U0D15K92L', name: 'dr_maomao' },
  message: { type: 'message', user: 'U0MJRG1AL', ts: '1516229207.000133', text: "World's smallest big cat! <https://youtube.com/watch?v=W86cTIoMv2U>" },
} as const;

/** fixtures/url-verification.json: the Events API URL challenge. */
export const URL_VERIFICATION = {
  token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
  challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
  type: 'url_verification',
} as const;
