/**
 * Only the newest request's reply counts. Replies can arrive out of order (a big file's
 * preview after the small one chosen next, a slow policy check after a faster later one);
 * each `begin()` returns a check that is true only while no later `begin()` was made, so a
 * superseded reply is dropped instead of overwriting a newer answer.
 */
export type Latest = () => () => boolean;

export function latestOnly(): Latest {
  let seq = 0;
  return () => {
    const mine = ++seq;
    return () => mine === seq;
  };
}
