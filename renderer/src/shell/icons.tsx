/** Small line icons for the toolbar (inline SVG: no icon font, nothing fetched). */
const PATHS = {
  import: 'M12 3v12m0 0l-4-4m4 4l4-4M4 17v3h16v-3',
  draw: 'M4 20l3-1 11-11-2-2L5 17l-1 3zM14 6l2 2M4 4h6M4 4v6',
  edit: 'M5 5h4v4H5zM15 15h4v4h-4zM9 7h6a2 2 0 012 2v6M7 9v6a2 2 0 002 2h6',
  pick: 'M4 4h7v7H4zM13 13h7v7h-7zM13 4h7v7h-7z',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3',
  check: 'M5 12l5 5 9-10',
  close: 'M6 6l12 12M18 6L6 18',
  trash: 'M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  run: 'M7 5l12 7-12 7z',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 110 6 3 3 0 010-6z',
  eyeOff: 'M3 3l18 18M10.6 6.1A10 10 0 0112 6c6 0 10 6 10 6a17 17 0 01-3 3.6M6.6 6.6C3.9 8.3 2 12 2 12s4 7 10 7a9 9 0 004.4-1.2',
  up: 'M12 19V5M6 11l6-6 6 6',
  down: 'M12 5v14M6 13l6 6 6-6',
  zoom: 'M11 4a7 7 0 110 14 7 7 0 010-14zM20 20l-4-4',
  globe: 'M12 3a9 9 0 110 18 9 9 0 010-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  folder: 'M3 6h6l2 2h10v11H3z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  copy: 'M8 8h12v12H8zM4 16V4h12',
  save: 'M5 4h11l3 3v13H5zM8 4v5h7V4M8 20v-6h8v6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
