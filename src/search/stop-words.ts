/**
 * Words that carry no topic. `STOP_WORDS` are dropped from documents and queries alike;
 * `QUERY_FILLER` only from queries, where people write questions ("anything on quantization?",
 * "what papers talk about long context?"): in an abstract "work" or "paper" may matter, in a
 * Slack question they never do.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each either else etc few for from further ' +
    'had has have having he her here hers herself him himself his how however i if in into is it its itself ' +
    'just let may me might more most must my myself neither no nor not now of off on once only or other ' +
    'ought our ours ourselves out over own per same shall she should so some such than that the their theirs ' +
    'them themselves then there these they this those through thus to too under until up upon us very via ' +
    'was we were what when where whether which while who whom whose why will with within without would yet ' +
    'you your yours yourself yourselves'
  ).split(' '),
);

export const QUERY_FILLER: ReadonlySet<string> = new Set(
  (
    'anything anyone anybody something someone article articles paper papers preprint preprints publication ' +
    'publications work works research talk talks talking discuss discusses discussing discussed mention ' +
    'mentions mentioning cover covers covering regarding related relating find finding show showing give ' +
    'list looking look search searching got know tell need want please hey hi thanks thank recent latest ' +
    'good interesting stuff things thing topic topics anybody'
  ).split(' '),
);
