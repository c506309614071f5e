import { useEffect, useState } from 'preact/hooks';

/** The current path; the server answers every non-API path with the app, so deep links work. */
export function useRoute(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => {
      setPath(location.pathname);
    };
    addEventListener('popstate', update);
    return () => {
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** Moves to `path` without a reload. */
export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** Keeps plain left clicks on in-app links inside the app; modified clicks open as usual. */
export function linkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(path);
}
