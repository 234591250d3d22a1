/** The `action_id`s our buttons carry; handlers register on the same names. */
export const ACTION = {
  share: 'paper_share',
  /** The channel picker Share offers in a DM: the block_id names the paper, the pick the channel. */
  shareTo: 'paper_share_to',
  /** "Share again anyway", offered when the paper was shared in that channel recently: the value is the paper id. */
  shareAgain: 'paper_share_again',
  abstract: 'paper_abstract',
  /** `/paper forget me`'s confirmation: forgets the clicker (the value names nobody). */
  forgetMe: 'paper_forget_me',
  /** Save to the clicker's reading list: the value is the paper id. */
  save: 'paper_save',
  /** Remove from the clicker's reading list: the value is the paper id. */
  unsave: 'paper_unsave',
  /** Mark as read on the clicker's reading list: the value is the paper id. */
  markRead: 'paper_mark_read',
  similar: 'paper_similar',
  /** "More results": the value is the next page's view. */
  more: 'results_more',
  /** "Did you mean …" and the help's examples: the value is a search view. */
  suggestion: 'results_suggestion',
  /** The App Home tab's example searches. */
  example: 'home_example',
} as const;

/** Matches `id` and its numbered variants (`id-0`, `id-1`, …) used where one block has several. */
export const actionPattern = (id: string): RegExp => new RegExp(`^${id}(-\\d+)?$`);
