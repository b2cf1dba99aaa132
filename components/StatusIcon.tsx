// One icon per cell state, each a different shape so colour is never the only signal, and the
// icons of the cell's actions.
import type { CellIcon } from '@/lib/content/cell-state';

export type ActionIcon = 'resync' | 'lock' | 'unlock' | 'open';

const paths: Record<CellIcon | ActionIcon, string> = {
  tick: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5V12l3 2',
  warning: 'M12 3.5L22 20.5H2L12 3.5zM12 10v4.5M12 17.5v.5',
  question: 'M9 9a3 3 0 1 1 4.2 2.75c-.75.35-1.2 1.05-1.2 1.85V14.5M12 18v.5',
  offline: 'M3 3l18 18M8.5 8.6A5 5 0 0 0 6.5 18H17M11 6.2A5.5 5.5 0 0 1 17.4 10 4 4 0 0 1 20.2 16',
  dots: 'M6 12h.01M12 12h.01M18 12h.01',
  resync: 'M20 11a8 8 0 0 0-14.5-4.5L4 8M4 4v4h4M4 13a8 8 0 0 0 14.5 4.5L20 16M20 20v-4h-4',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  unlock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 6.8-1.2',
  open: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
};

export function StatusIcon({ icon }: { icon: CellIcon | ActionIcon }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[icon]} />
    </svg>
  );
}
