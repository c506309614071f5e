import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Calls `load` now and every `intervalMs` while the page is shown, one call at a time, and
 * again whenever `key` changes. Returns the latest value and a function to reload at once.
 */
export function usePoll<T>(
  load: () => Promise<T>,
  intervalMs: number,
  key: string,
): { readonly value: T | null; readonly reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const next = await loadRef.current();
      if (stopped) return;
      setValue(next);
      timer = setTimeout(() => void run(), intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, tick, intervalMs]);
  return {
    value,
    reload: () => {
      setTick((n) => n + 1);
    },
  };
}
