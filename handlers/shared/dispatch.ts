/**
 * One listener per Slack surface that hands each request to the listener for its id. NOTE:
 * Bolt runs the middleware chain of every registered listener for every request (each its own
 * promises and matchers); with a dozen registrations that was the largest part of what a
 * request cost. A table read top to bottom keeps the routing as plain to see.
 */
export interface Route<A> {
  matches: (id: string) => boolean;
  listener: (args: A) => Promise<void>;
}

export const route = <A>(id: string | RegExp, listener: (args: A) => Promise<void>): Route<A> => ({
  matches: typeof id === 'string' ? (candidate) => candidate === id : (candidate) => id.test(candidate),
  listener,
});

/** The listener that tries `routes` in order by the id `idOf` reads, and `fallback` when none matches. */
export function dispatch<A>(routes: Route<A>[], idOf: (args: A) => unknown, fallback: (args: A) => Promise<void>): (args: A) => Promise<void> {
  return async (args) => {
    const id = idOf(args);
    const found = typeof id === 'string' ? routes.find((r) => r.matches(id)) : undefined;
    await (found ? found.listener(args) : fallback(args));
  };
}
