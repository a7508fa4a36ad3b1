import { cn } from "./cn";

/** A grey placeholder block for content that is on its way. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("bg-muted animate-pulse rounded-md", className)} />;
}
