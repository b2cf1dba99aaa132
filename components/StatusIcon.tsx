// One icon per cell state, each a different shape so colour is never the only signal.
import type { CellIcon } from '@/lib/content/cell-state';

const paths: Record<CellIcon, string> = {
  tick: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7.5V12l3 2',
  warning: 'M12 3.5L22 20.5H2L12 3.5zM12 10v4.5M12 17.5v.5',
  question: 'M9 9a3 3 0 1 1 4.2 2.75c-.75.35-1.2 1.05-1.2 1.85V14.5M12 18v.5',
  offline: 'M3 3l18 18M8.5 8.6A5 5 0 0 0 6.5 18H17M11 6.2A5.5 5.5 0 0 1 17.4 10 4 4 0 0 1 20.2 16',
  dots: 'M6 12h.01M12 12h.01M18 12h.01',
};

export function StatusIcon({ icon }: { icon: CellIcon }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[icon]} />
    </svg>
  );
}
