import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';

/**
 * Every default Paperbot has lives here, so there is one place to read what it does.
 * NOTE: environment settings (tokens, port, log level) are read by `readConfig` in env-config.ts.
 */

export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

/** Defaults of the settings read from the environment (env-config.ts). */
export const ENV_DEFAULTS = {
  port: 3000,
  logLevel: 'info',
} as const;

export const CORPUS = {
  sourcesDir: 'sources',
  metadataFile: 'paper-metadata.tsv',
  papersFile: 'papers.json',
  /** Source files ingest reads, by extension. */
  sourceExtensions: ['.txt'],
} as const;

export const TLDR = {
  minChars: 40,
  maxChars: 280,
} as const;

export const CLI = {
  defaultLimit: 10,
  maxLimit: 100,
} as const;

// ---------------------------------------------------------------------------------------------
// Slack: limits, page sizes, Web API client policy, and the environment (readConfig).
// ---------------------------------------------------------------------------------------------

/**
 * Block Kit's limits (Slack docs; checked in shared/slack/README.md). `src/render/blocks.ts`
 * applies them once, so no handler has to think about them.
 */
export const BLOCK_KIT = {
  maxBlocks: 50,
  /** Home tabs and modals allow more blocks than messages. */
  maxViewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  /** A menu's placeholder (plain text). */
  placeholderText: 150,
  /** `action_id` and `block_id`. */
  id: 255,
  contextElements: 10,
  actionsElements: 25,
  /** NOTE: undocumented; messages with more than ~11–13k characters of block text fail with `msg_blocks_too_long`. */
  messageTextBudget: 10_000,
  /** The notification fallback `text`; Slack's own ceiling is 4,000. */
  fallbackText: 3_000,
} as const;

/** How results are shown. */
export const RESULTS = {
  /** `/paper`: ephemeral results, with a "More results" button. */
  commandPageSize: 5,
  /** Threads (mentions, DMs, the message shortcut): fewer results, nobody wants a wall of cards. */
  threadPageSize: 3,
  titleChars: 250,
  tldrChars: 400,
  /** Authors named before "et al.". */
  authorsShown: 3,
  /** How much of a user's query we echo back ("No papers match …"). */
  queryEchoChars: 120,
  /** Shown as buttons on the App Home tab and as examples in help. */
  exampleQueries: ['diffusion models', '"large language models"', 'speech year:2024', 'has:code segmentation'],
} as const;

/** Each person's reading list (`/paper saved`, the App Home tab). */
export const READING_LIST = {
  /** Papers listed by `/paper saved` (three blocks each, inside a message's 50). */
  shown: 12,
  /** Papers listed at the top of the App Home tab. */
  homeShown: 8,
} as const;

/** The team's view: `/paper shared [week|month|all]` and `/paper top [week|month]`. */
export const TEAM_VIEW = {
  /** Days in each period. */
  periodDays: { week: 7, month: 30 },
  /** The period when none is named. */
  sharedPeriod: 'month',
  topPeriod: 'week',
  /** Shares listed by `/paper shared` (one block each). */
  sharedShown: 20,
  /** Papers in each of `/paper top`'s two lists. */
  topShown: 5,
} as const;

/** Who Slack sees us as: the command, shortcut and routes that `manifest.yml` declares too. */
export const SLACK_APP = {
  command: '/paper',
  shortcutCallbackId: 'find_papers',
  eventsPath: '/slack/events',
  healthPath: '/healthz',
  /** For load balancers: 200 when the index is loaded and the store answers, else 503. */
  readyPath: '/readyz',
  /** The store must answer `/readyz`'s check within this. */
  readyTimeoutMs: 2_000,
} as const;

/**
 * Installing into any workspace: OAuth v2 through Bolt's installer, on when SLACK_CLIENT_ID,
 * SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set (env-config.ts). Each workspace's bot token
 * is then kept in the store, encrypted with PAPERBOT_ENCRYPTION_KEY (src/store/installations.ts).
 */
export const SLACK_OAUTH = {
  /** Bolt's default paths: the page that starts an install, and where Slack sends the browser back (the redirect URL to register). */
  installPath: '/slack/install',
  redirectPath: '/slack/oauth_redirect',
  /** The bot scopes an install asks for: exactly manifest.yml's `oauth_config.scopes.bot` (test/manifest.test.ts checks). */
  botScopes: [
    'commands',
    'app_mentions:read',
    'chat:write',
    'chat:write.public',
    'im:history',
    'channels:history',
    'groups:history',
    'links:read',
    'links:write',
  ],
  /** A started install must come back within this (Bolt's default): its state cookie and signed state expire. */
  stateTtlSec: 600,
  /** PAPERBOT_ENCRYPTION_KEY: an AES-256 key, this many random bytes (base64 or hex). */
  encryptionKeyBytes: 32,
} as const;

/**
 * How the Web API client behaves, set on purpose. NOTE: the client's own default retries 10
 * times over about 30 minutes, far past the point where a reply still makes sense in a
 * conversation. Ours: a few quick tries on 5xx and network errors, all within about 10 s
 * (`maxRetryTime`), then we give up and tell the user. Tests pass a faster policy.
 * `respond()` (response_url posts) follows the same policy (src/slack/outbound/response-url-fetch.ts).
 */
export const SLACK_WEB_API = {
  /**
   * p-retry / node-retry options: waits of 0.5–1 s, 1–2 s, 2–4 s between tries. NOTE: posts
   * (chat.postMessage, chat.postEphemeral, response_urls that add a message) are not retried
   * after a timeout or a 5xx, only after a 429 or a refused connection: Slack may have posted
   * them already (src/slack/outbound/post-once-fetch.ts, src/slack/outbound/response-url-fetch.ts).
   */
  retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4_000, randomize: true, maxRetryTime: 10_000 },
  /** Per-request timeout (ms): Slack answers in well under a second; a hung call must not eat the retry budget alone. */
  timeoutMs: 5_000,
  /**
   * On 429 the client waits as long as `Retry-After` says (pausing every call on this token, as
   * Slack asks) and tries again. A wait that outlasts `maxRetryTime` ends in giving up.
   */
  rejectRateLimitedCalls: false,
} as const;

/** What Paperbot accepts over HTTP, before Bolt sees a request (src/slack/http/request-guard.ts). */
export const SLACK_HTTP = {
  /** Slack's payloads are a few kB; anything near this is not from Slack. Refused with 413 before reading. */
  maxBodyBytes: 1_000_000,
  /** Slack's rule: a request timestamp within 5 minutes of our clock. Bolt checks the past only; we check both ways. */
  maxClockSkewSec: 300,
  /** A whole request (headers and body) must arrive within this: Slack sends at once; a trickle is an attack. */
  requestTimeoutMs: 10_000,
  /** SIGTERM: how long requests in flight may take to finish before their connections are cut. */
  drainTimeoutMs: 15_000,
} as const;

/** Events API deliveries (src/slack/middleware/event-dedupe.ts). */
export const SLACK_EVENTS = {
  /** Slack retries at once, after 1 minute and after 5: an id is remembered well past the last try. */
  seenTtlMs: 15 * 60_000,
  /** A bound on remembered ids (the oldest go first); a busy workspace sends far fewer in 15 minutes. */
  seenMaxIds: 50_000,
} as const;

/** Share clicks (handlers/actions/share-paper.ts). */
export const SLACK_SHARES = {
  /**
   * A second click on the same Share button (a double-click, or Slack delivering the click
   * twice) within this long posts nothing: it is one action. After a share the button is gone
   * from the redrawn results, so a real second share of the same card cannot come this soon.
   */
  repeatWindowMs: 60_000,
  /** A bound on remembered clicks (the oldest go first); far more than a minute of shares. */
  maxRemembered: 10_000,
  /**
   * Sharing a paper already shared in the same channel this recently posts nothing: the sharer
   * is pointed at the existing thread, with a "Share again anyway" button.
   */
  againWindowDays: 90,
} as const;

/** What we read from a payload's free text (queries, messages). */
export const SLACK_INPUT = {
  /** Longer text is cut before anything else looks at it, so a 100 kB paste answers as fast as a word. */
  maxTextChars: 4_000,
  /** Ids, timestamps, action ids: Slack's own are short; Block Kit caps ids at 255. */
  maxIdChars: 255,
} as const;

/** Link previews (`link_shared` → `chat.unfurl`, handlers/events/link-shared.ts). */
export const SLACK_UNFURLS = {
  /**
   * Paper links previewed from one message; more are left alone (and logged). Slack sends one
   * event per message, so a forged or pasted list of 100 links costs at most this many cards.
   */
  maxLinks: 5,
  /** Links longer than this are not read (Slack's own URLs are far shorter; a button url may be 3000). */
  maxUrlChars: 2_000,
} as const;

/** Answers to `/paper`, mentions and DMs (src/answers/answer-cache.ts). */
export const SLACK_ANSWERS = {
  /**
   * Rendered answers kept, most recently used first. NOTE: an answer is a pure function of the
   * text and the surface while the corpus is loaded (only `random` is not), and searching plus
   * rendering costs about a millisecond, several times what Bolt spends on a request; people
   * repeat queries (examples, Home tab buttons, colleagues). About 10 kB each.
   */
  cacheEntries: 500,
  /**
   * A workspace's team-memory version (what remembered answers are keyed under) is read from the
   * store at most this often per workspace; this process's own shares, replies and forgets renew
   * it at once. NOTE: the read was a SQL query on every /paper (about a tenth of a request's CPU);
   * another instance's share shows in this one's answers within this long, as its papers do
   * within LIBRARY.followIntervalMs.
   */
  memoryVersionTtlMs: 1_000,
} as const;

/** How search analyses, ranks and bounds a query: the defaults live beside the engine (src/search/options.ts), re-exported here. */
export { defaultSearchOptions as SEARCH } from './search/options.js';

// ---------------------------------------------------------------------------------------------
// Playground: `npm start` with no Slack settings (src/playground).
// ---------------------------------------------------------------------------------------------

/**
 * The local playground: the real app behind a stand-in for Slack, in a browser. Its workspace is
 * made up; the timings and limits are Slack's, so the app meets what it will meet in Slack.
 * NOTE: the port is PORT (readConfig), as in the other modes.
 */
export const PLAYGROUND = {
  /** This machine only: the playground has no login, and anyone who reaches it can post as you. */
  host: '127.0.0.1',
  /** Where the stand-in Web API and response_urls live. No server answers there: requests never leave the process. */
  origin: 'http://playground.local',
  /** `GET /api/state?after=<version>` waits this long for a change before answering anyway. */
  longPollMs: 25_000,
  /** Slack gives a command or a button this long to be acknowledged. */
  ackTimeoutMs: 3_000,
  /** A response_url takes up to 5 posts within 30 minutes. */
  responseUrl: { maxUses: 5, ttlMs: 30 * 60_000 },
  /** The largest JSON body the page may post. */
  maxBodyBytes: 64 * 1024,
  /** Who and where: Slack-shaped ids, so anything that checks their shape is satisfied. */
  workspace: {
    teamId: 'T0PLAYGRND',
    teamName: 'Paperbot playground',
    domain: 'paperbot-playground',
    appId: 'A0PLAYGRND',
    bot: { userId: 'U0PAPERBOT', botId: 'B0PAPERBOT', name: 'Paperbot' },
    me: { id: 'U0PLAYUSER', name: 'Alice' },
    others: [{ id: 'U0BOBCHEN1', name: 'Bob Chen' }],
    channels: [
      { id: 'C0PAPERS01', name: 'papers' },
      { id: 'C0GENERAL1', name: 'general' },
    ],
    /** The viewer's direct messages with the bot (its Messages tab). */
    dmId: 'D0PAPERBOT',
    /** Slack's own user, who explains a command that failed. */
    slackbot: { id: 'USLACKBOT', name: 'Slackbot' },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// The paper library: the store and the search index kept in step, live sources (src/library).
// ---------------------------------------------------------------------------------------------

export const LIBRARY = {
  /** Changed papers the index takes from the store per query while catching up. */
  syncBatch: 5_000,
  /** Papers upserted into the index between two turns of the event loop while catching up. */
  upsertSlice: 100,
  /** PAPERBOT_FETCH_INTERVAL_MINUTES: how often each source is fetched after the one at start-up. */
  fetchIntervalMinutes: 60,
  /**
   * After a failed fetch the next try waits this long, doubling with each failure in a row and
   * never past the fetch interval (or sooner than a `Retry-After` allows).
   */
  retryAfterFailureMs: 60_000,
  /**
   * An on-demand lookup (`/paper 1706.03762`, a paper not yet stored) gives up after this: the
   * person is waiting, and arXiv's one-request-every-3-seconds queue may be long.
   */
  lookupTimeoutMs: 20_000,
  /**
   * How often the search index asks the store whether another process stored papers (one
   * indexed query that usually finds nothing): a paper stored by one instance is searchable on
   * every other within this. NOTE: polling a change number rather than Postgres LISTEN/NOTIFY:
   * it works the same on SQLite (the CLI writing beside the app), needs no dedicated connection,
   * and a missed notification can never leave an index behind.
   */
  followIntervalMs: 1_000,
  /**
   * Several instances on one Postgres: one of them (holding the `jobs` lease) fetches sources and
   * posts digests. It renews the lease every `leaseRenewMs`; the others try as often. A leader
   * that dies is replaced within `leaseTtlMs + leaseRenewMs` (under a minute); one that stops
   * cleanly gives the lease up, and another leads within `leaseRenewMs`.
   */
  leaseTtlMs: 30_000,
  leaseRenewMs: 5_000,
  /** How often an instance waiting for the deployment's arXiv turn asks again. */
  arxivTurnPollMs: 250,
} as const;

// ---------------------------------------------------------------------------------------------
// Paper sources: Hugging Face and arXiv clients (src/sources). HF_API_URL, ARXIV_API_URL and
// ARXIV_MIN_INTERVAL_MS override some of these (env-config.ts).
// ---------------------------------------------------------------------------------------------

export const SOURCES = {
  /**
   * Sent on every request. arXiv and Hugging Face ask API clients to say who they are and how to
   * reach whoever runs them. NOTE: point the URL at the real repository before deploying.
   */
  userAgent: 'Paperbot/0.1 (+https://github.com/paperbot/paperbot; research paper Slack bot)',
  /** The largest answer read; arXiv's 100-entry pages are about 300 kB, Hugging Face's days about 100 kB. */
  maxBodyBytes: 5_000_000,
  /** A 429 without Retry-After or RateLimit header: wait this long before asking again. */
  defaultRetryAfterMs: 60_000,
  /** At most this many skipped-entry reasons are kept in a fetch result (the count is always exact). */
  maxProblems: 20,

  hf: {
    apiUrl: 'https://huggingface.co',
    /** Per request, body included. Hugging Face answers in well under a second. */
    timeoutMs: 10_000,
    /** `limit` of a daily-papers request; Hugging Face's own tools cap it at 100, a featured day holds 10–60. */
    dailyLimit: 100,
    /** First run (no `since`): today and the days before it, this many days in all. Also the most a catch-up fetches. */
    backfillDays: 7,
  },

  arxiv: {
    apiUrl: 'https://export.arxiv.org/api/query',
    /** arXiv's terms: at most one request every three seconds, one connection at a time. */
    minIntervalMs: 3_000,
    /** Per request, body included. arXiv's API is slow at times (10 s is not rare for a 100-entry page). */
    timeoutMs: 30_000,
    /** `max_results` of a category fetch. */
    categoryPageSize: 100,
    /** A catch-up (`since`) reads at most this many pages of a category, newest first. */
    categoryMaxPages: 3,
    /** `max_results` of an exact-title query: exact matches are few; more only costs arXiv. */
    titleResults: 10,
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Watches and digests (src/digests): PAPERBOT_DIGEST_HOUR and PAPERBOT_DIGEST_TZ override the time.
// ---------------------------------------------------------------------------------------------

export const DIGESTS = {
  /** PAPERBOT_DIGEST_HOUR: daily digests go out at this hour (weekly ones on Mondays at it). */
  hour: 9,
  /** PAPERBOT_DIGEST_TZ: the IANA time zone the hour is read in. */
  timeZone: 'UTC',
  /**
   * When the scheduler looks for digests due (croner, in the digest time zone): every hour on the
   * hour, so a digest goes out at its hour and a period missed while the app was down goes out at
   * the next look (and at start-up). Looking costs one query when nothing is due.
   */
  tickPattern: '0 * * * *',
  /** Papers in one digest; more are counted, not listed. */
  maxPapers: 10,
  /** A watch's first digest covers the papers stored since it was set, or this long before the digest if earlier; later ones, since the last. */
  firstWindowDays: { daily: 1, weekly: 7 },
  /**
   * The relevance floor: a new paper is listed only when it matches the whole query (every word
   * in some form, one as typed) and scores at least this share of the best such paper in the
   * whole library for the query. NOTE: BM25 scores have no absolute scale; the
   * best match for the same query does, and a paper far below it matched only a side word.
   */
  relevanceFloor: 0.3,
  /** A watch query longer than this is refused (a topic is a few words; a pasted abstract is not). */
  maxQueryChars: 300,
  /** Watches one channel may have. */
  maxWatchesPerChannel: 25,
  /**
   * Slack's answers to `chat.postMessage` that mean Paperbot cannot post in the channel any more:
   * the watch is paused (not retried) until someone sets it again.
   */
  channelGoneErrors: [
    'not_in_channel',
    'channel_not_found',
    'is_archived',
    'restricted_action',
    'ekm_access_denied',
    'team_access_not_granted',
    // The workspace's token is gone (uninstalled, revoked): nothing will post there until it is installed again.
    'not_installed',
    'invalid_auth',
    'token_revoked',
    'account_inactive',
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// The store (src/store): DATABASE_URL unset means the SQLite file below.
// ---------------------------------------------------------------------------------------------

export const STORE = {
  /** DATABASE_URL unset: a SQLite file here. `.paperbot/` is git-ignored. */
  defaultSqlitePath: join(PROJECT_ROOT, '.paperbot', 'paperbot.sqlite'),
  sqlite: {
    /** How long a writer waits for another process's write lock before SQLITE_BUSY. */
    busyTimeoutMs: 5_000,
  },
  postgres: {
    /** Connections per instance: fetches write one transaction at a time, reads are short. */
    poolSize: 4,
    /** A server that does not answer within this fails start-up with a message naming DATABASE_URL. */
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 30_000,
    /** Shown in `pg_stat_activity`, so an operator can tell our connections apart. */
    applicationName: 'paperbot',
  },
  /**
   * Rows per INSERT or `IN (…)` list. A papers row binds 25 parameters: 500 rows stay well
   * under SQLite's 32,766 and Postgres's 65,535 bound parameters per statement.
   */
  rowsPerStatement: 500,
  /** A source's last error is kept to this many characters. */
  maxErrorChars: 2_000,
} as const;
