import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * After a route change, focus moves to <main> so screen readers start at the new page instead
 * of staying on the link that was clicked. The first render keeps the browser's own focus.
 */
export function useFocusMainOnNavigation(path: string): RefObject<HTMLElement | null> {
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
    window.scrollTo?.(0, 0);
  }, [path]);
  return mainRef;
}

/** "Pular para o conteúdo": a plain #anchor would change the hash route, so focus is moved by hand. */
export function SkipLink({ mainRef }: { mainRef: RefObject<HTMLElement | null> }) {
  return (
    <a
      class="skip-link"
      href="#conteudo"
      onClick={(e) => {
        e.preventDefault();
        mainRef.current?.focus();
      }}
    >
      Pular para o conteúdo
    </a>
  );
}
