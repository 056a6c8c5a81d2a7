/**
 * The few icons the UI needs, drawn inline so they follow `currentColor` and
 * need no image requests. All are decorative: the control around each one
 * carries the accessible name.
 */
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function BookmarkIcon({ filled = false }: { filled?: boolean }) {
  return (
    <Icon className={filled ? 'icon--filled' : undefined}>
      <path
        d="M6.5 3.5h11a1 1 0 0 1 1 1v16l-6.5-4-6.5 4v-16a1 1 0 0 1 1-1z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function InboxIcon() {
  return (
    <Icon>
      <path
        d="M3.5 13.5 6 5h12l2.5 8.5M3.5 13.5V19h17v-5.5M3.5 13.5h5l1.5 2.5h4l1.5-2.5h5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function UnreadIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="7.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="12" cy="12" r="3.5" fill="currentColor" />
    </Icon>
  );
}

/** An icon drawn as one stroked outline. */
function OutlineIcon({ d }: { d: string }) {
  return (
    <Icon>
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function ImportIcon() {
  return <OutlineIcon d="M12 3.5v11m0 0-4-4m4 4 4-4M4.5 15v4.5h15V15" />;
}

/** Export: a page with an arrow down into it. */
export function ExportIcon() {
  return (
    <OutlineIcon d="M14 3.5H7a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V7.5zM12 9.5v7M9 13.5l3 3 3-3" />
  );
}

/** Share: an arrow leaving a tray. */
export function ShareIcon() {
  return <OutlineIcon d="M12 15V3.5M7.5 8 12 3.5 16.5 8M5 12.5v7a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-7" />;
}

export function SearchIcon() {
  return (
    <Icon>
      <circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="m15 15 5 5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </Icon>
  );
}

export function CloseIcon() {
  return (
    <Icon>
      <path d="m6 6 12 12M18 6 6 18" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </Icon>
  );
}

/** Points "out of the app"; mirrored in right-to-left layouts by CSS. */
export function ExternalIcon() {
  return (
    <Icon className="icon--mirror">
      <path
        d="M13.5 4.5h6v6m0-6-8.5 8.5M10 6H5.5a1 1 0 0 0-1 1v11.5a1 1 0 0 0 1 1H17a1 1 0 0 0 1-1V14"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function FolderIcon() {
  return (
    <Icon>
      <path
        d="M3.5 6.5a1 1 0 0 1 1-1h5l2 2h8a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function PlusIcon() {
  return (
    <Icon>
      <path d="M12 5v14M5 12h14" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </Icon>
  );
}

/** "⋯": a menu of an item's actions. */
export function MoreIcon() {
  return (
    <Icon>
      <circle cx="5" cy="12" r="1.8" fill="currentColor" />
      <circle cx="12" cy="12" r="1.8" fill="currentColor" />
      <circle cx="19" cy="12" r="1.8" fill="currentColor" />
    </Icon>
  );
}

export function PencilIcon() {
  return (
    <Icon>
      <path
        d="M15.5 4.5l4 4L9 19H5v-4z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </Icon>
  );
}

export function NoteIcon() {
  return (
    <Icon>
      <path
        d="M5.5 3.5h9l4 4v13h-13zM8.5 11h7M8.5 14.5h7M8.5 18h4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </Icon>
  );
}

export function TrashIcon() {
  return (
    <Icon>
      <path
        d="M4.5 6.5h15M9.5 6.5V4.5h5v2M6.5 6.5l1 13h9l1-13M10.5 10.5v6M13.5 10.5v6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </Icon>
  );
}

/** The sidebar's button in a narrow window: a panel at the inline start (mirrored right to left). */
export function SidebarIcon() {
  return (
    <Icon className="icon--mirror">
      <path
        d="M4.5 4.5h15a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1zM9.5 4.5v15M6 8h1.5M6 11h1.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Icon>
  );
}
