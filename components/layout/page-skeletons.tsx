import { Skeleton } from "@/components/ui/skeleton";

type Props = { label: string };

/** Announces the label once for the whole placeholder; the blocks are hidden from readers. */
function Loading({
  label,
  testId,
  children,
}: Props & { testId: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-label={label} aria-busy data-testid={testId}>
      {children}
    </div>
  );
}

/** Where a list of repositories or images is coming: a filter column and a grid of cards. */
export function ListSkeleton({ label }: Props) {
  return (
    <Loading label={label} testId="list-skeleton">
      <Skeleton className="mb-6 h-8 w-48" />
      <div className="grid gap-8 md:grid-cols-[240px_1fr]">
        <div className="hidden space-y-3 md:block">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
      </div>
    </Loading>
  );
}

/** A repository or image page: title, tabs, then some lines of its body. */
export function RepoSkeleton({ label }: Props) {
  return (
    <Loading label={label} testId="repo-skeleton">
      <Skeleton className="mb-3 h-7 w-72 max-w-full" />
      <Skeleton className="mb-6 h-9 w-96 max-w-full" />
      <div className="space-y-2.5">
        {["w-3/4", "w-full", "w-5/6", "w-2/3", "w-full", "w-1/2"].map((width, i) => (
          <Skeleton key={i} className={`h-4 ${width}`} />
        ))}
      </div>
    </Loading>
  );
}
