import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { JobDetails } from "@/components/jobs/job-details";
import { jobStrings } from "@/components/jobs/strings";
import { requireSessionUser } from "@/lib/auth/require-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStrings } from "@/lib/i18n/server";
import { loadJobForPage, parseId } from "@/lib/jobs/job-access";
import { jobDetailView } from "@/lib/jobs/overview";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `Job #${/^\d+$/.test(id) ? id : "?"}` };
}

// Every job is private to what it works on (diagnostics: administrators), so signing in comes
// first; after that, a job the user may not read is as missing as one that does not exist.
export default async function JobPage({ params }: Props) {
  const { id } = await params;
  const user = await requireSessionUser(`/jobs/${encodeURIComponent(id)}`);
  const caller = { ...user, auth: { type: "session" as const } };
  const jobId = (() => {
    try {
      return parseId(id);
    } catch {
      notFound();
    }
  })();
  const [{ job, canControl }, s] = await Promise.all([
    orNotFound(loadJobForPage(caller, jobId)),
    getStrings(jobStrings),
  ]);
  return (
    <div className="space-y-4">
      {user.isAdmin ? (
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/runners" className="text-muted-foreground hover:text-foreground">
            ← {s.backToRunners}
          </Link>
        </nav>
      ) : null}
      <JobDetails key={job.id} initial={await jobDetailView(job)} canControl={canControl} />
    </div>
  );
}
