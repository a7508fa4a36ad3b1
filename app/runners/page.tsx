import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { CreateRunnerTokenForm } from "@/components/jobs/create-runner-token-form";
import { DiagnosticForm } from "@/components/jobs/diagnostic-form";
import { JobTable } from "@/components/jobs/job-table";
import { RegistrationTokenTable } from "@/components/jobs/registration-token-table";
import { RunnerTable } from "@/components/jobs/runner-table";
import { RunningSpaceTable } from "@/components/jobs/running-space-table";
import { jobStrings } from "@/components/jobs/strings";
import { Card, PageHeading } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { finalJobStates } from "@/db/schema/job-enums";
import { requireSessionUser } from "@/lib/auth/require-user";
import { getStrings } from "@/lib/i18n/server";
import { listJobsOverview, listRunnersOverview } from "@/lib/jobs/overview";
import { listRegistrationTokens } from "@/lib/jobs/registration-tokens";
import { listRunningSpaces } from "@/lib/spaces/running-spaces";

export const metadata: Metadata = { title: "Runners" };

function Section({
  id,
  title,
  lead,
  aside,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {aside}
      </div>
      {lead ? <p className="text-muted-foreground -mt-2 text-sm">{lead}</p> : null}
      {children}
    </section>
  );
}

// Administrators only: everyone else gets the same 404 as for a page that does not exist (the
// API behind it refuses them too).
export default async function RunnersPage() {
  const user = await requireSessionUser("/runners");
  if (!user.isAdmin) notFound();
  const caller = { ...user, auth: { type: "session" as const } };
  const [s, runners, spaces, queue, recent, tokens] = await Promise.all([
    getStrings(jobStrings),
    listRunnersOverview(),
    listRunningSpaces(caller),
    listJobsOverview({ states: ["queued", "running"], limit: 100 }),
    listJobsOverview({ states: finalJobStates, limit: 20 }),
    listRegistrationTokens(),
  ]);
  const online = runners.filter((r) => r.status === "online").length;
  return (
    <div className="space-y-10">
      <AutoRefresh seconds={5} />
      <PageHeading title={s.runners} description={s.runnersLead} />

      <Section
        id="runners-heading"
        title={s.runnersHeading}
        aside={
          runners.length ? (
            <span className="text-muted-foreground text-sm">
              {s.runnersSummary(online, runners.length)}
            </span>
          ) : null
        }
      >
        {runners.length ? (
          <RunnerTable runners={runners} />
        ) : (
          <EmptyState title={s.noRunners} description={s.noRunnersHint} />
        )}
      </Section>

      <Section
        id="spaces-heading"
        title={s.spacesHeading}
        lead={s.spacesLead}
        aside={
          spaces.length ? (
            <span className="text-muted-foreground text-sm">
              {s.spacesSummary(
                spaces.length,
                spaces.reduce((n, space) => n + space.npuDevices.length, 0),
              )}
            </span>
          ) : null
        }
      >
        {spaces.length ? (
          <RunningSpaceTable spaces={spaces} />
        ) : (
          <EmptyState title={s.noSpaces} description={s.noSpacesHint} />
        )}
      </Section>

      <Section id="queue-heading" title={s.queueHeading} lead={s.queueLead}>
        {queue.length ? (
          <JobTable jobs={queue} mode="queue" />
        ) : (
          <p className="text-muted-foreground text-sm">{s.queueEmpty}</p>
        )}
      </Section>

      <Section id="diagnostic-heading" title={s.diagnosticHeading} lead={s.diagnosticLead}>
        <Card className="p-5">
          <DiagnosticForm />
        </Card>
      </Section>

      <Section id="tokens-heading" title={s.tokensHeading} lead={s.tokensLead}>
        <Card className="p-5">
          <CreateRunnerTokenForm />
        </Card>
        <RegistrationTokenTable tokens={tokens} />
      </Section>

      <Section id="recent-heading" title={s.recentHeading}>
        {recent.length ? (
          <JobTable jobs={recent} mode="recent" />
        ) : (
          <p className="text-muted-foreground text-sm">{s.recentEmpty}</p>
        )}
      </Section>
    </div>
  );
}
