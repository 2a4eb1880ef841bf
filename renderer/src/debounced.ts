/** A value that follows `value` once it has stopped changing for `ms`: what a live check asks about while the user types. */
import { useEffect, useState } from 'react';

export function useDebounced<V>(value: V, ms: number): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
