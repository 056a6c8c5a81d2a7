/** Share: an arrow leaving a tray. Decorative: the button around it carries the name. */
export function ShareIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M12 15V3.5M7.5 8 12 3.5 16.5 8M5 12.5v7a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
