// Small inline icons (emoji fonts are not everywhere).

export function FolderIcon({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      width="16"
      height="16"
      className={className}
      fill="currentColor"
    >
      <path d="M1.75 2.5h4.1c.46 0 .9.2 1.2.55l.8.95h6.4c.69 0 1.25.56 1.25 1.25v7.5c0 .69-.56 1.25-1.25 1.25H1.75C1.06 14 .5 13.44.5 12.75v-9c0-.69.56-1.25 1.25-1.25Z" />
    </svg>
  );
}

export function FileIcon({ className }: { className?: string }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      width="16"
      height="16"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.2"
    >
      <path d="M3.5 1.5h5.8l3.2 3.2v9.3a.5.5 0 0 1-.5.5h-8.5a.5.5 0 0 1-.5-.5V2a.5.5 0 0 1 .5-.5Z" />
      <path d="M9.2 1.6v3.2h3.2" />
    </svg>
  );
}
