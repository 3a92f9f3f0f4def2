// Ctrl+Shift+C copies the link and Ctrl+Shift+K the code (Cmd on a Mac). Shift keeps plain
// Ctrl+C free for copying a selection; the physical key (event.code) makes the shortcuts work
// in any keyboard layout, Russian included.
import { useEffect } from 'react';

export interface ShareShortcuts {
  copyLink(): void;
  copyCode(): void;
}

export function shortcutFor(event: KeyboardEvent): keyof ShareShortcuts | null {
  if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.repeat) return null;
  if (event.code === 'KeyC') return 'copyLink';
  if (event.code === 'KeyK') return 'copyCode';
  return null;
}

export function useShareShortcuts(shortcuts: ShareShortcuts): void {
  const { copyLink, copyCode } = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'copyLink') copyLink();
      else copyCode();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [copyLink, copyCode]);
}
