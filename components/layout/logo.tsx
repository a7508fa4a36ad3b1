import Link from "next/link";

/** Three offset layers: the stack an environment is built from. */
export function Logo() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 font-semibold tracking-tight"
      aria-label="Strata home"
    >
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden>
        <path d="M12 3 21 7.5 12 12 3 7.5Z" fill="currentColor" className="text-brand" />
        <path
          d="M3 12l9 4.5 9-4.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className="text-brand/70"
        />
        <path
          d="M3 16.5 12 21l9-4.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className="text-brand/40"
        />
      </svg>
      <span>Strata</span>
    </Link>
  );
}
