import { CopyButton } from "@/components/ui/copy-button";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStrings } from "@/lib/i18n/server";
import { loadModelCiView } from "@/lib/model-ci/page-view";
import { segmentText } from "@/lib/repos/http/params";

import type { RepoParams } from "../repos/pages/repo-layout";
import { CiRunRow } from "./run-row";
import { StartCiForm } from "./start-form";
import { modelCiStrings } from "./strings";

const example = `# examples/inference.py – run as: python examples/inference.py --model_name_or_path <dir>
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--model_name_or_path", required=True)
args = parser.parse_args()

# Load the model from args.model_name_or_path and run one inference; exit code 0 passes.
with open(f"{args.model_name_or_path}/config.json") as f:
    print("config:", f.read()[:200])
`;

/** The CI tab of a model: the contract, whether the head meets it, a start form, the runs. */
export async function ModelCiPage({ params }: { params: RepoParams }) {
  const p = await params;
  const owner = segmentText(p.owner);
  const name = segmentText(p.name);
  const [s, view] = await Promise.all([
    getStrings(modelCiStrings),
    orNotFound(loadModelCiView(owner, name)),
  ]);
  const runs = new Map<number, typeof view.records>();
  for (const record of view.records)
    runs.set(record.run_id, [...(runs.get(record.run_id) ?? []), record]);
  return (
    <div className="space-y-8">
      <section className="max-w-3xl space-y-2">
        <h2 className="text-base font-semibold">{s.contractTitle}</h2>
        <p className="text-sm">{s.contract}</p>
        <p className="text-sm" data-testid="ci-contract-state">
          {view.headHasScript === null
            ? s.empty
            : view.headHasScript
              ? `✓ ${s.satisfied}`
              : `✗ ${s.missing}`}
        </p>
        <div className="space-y-1">
          <p className="text-muted-foreground text-xs">{s.example}</p>
          <div className="flex items-start gap-2">
            <pre className="bg-muted min-w-0 flex-1 overflow-x-auto rounded-md px-3 py-2 text-xs">
              <code>{example}</code>
            </pre>
            <CopyButton text={example} label={s.copyExample} />
          </div>
        </div>
      </section>
      {view.canWrite ? (
        <section className="max-w-3xl space-y-2">
          <h2 className="text-base font-semibold">{s.startTitle}</h2>
          <StartCiForm
            owner={owner}
            name={name}
            environments={view.environments.map((e) => ({ id: e.id, title: e.title }))}
          />
        </section>
      ) : null}
      <section className="space-y-3">
        <h2 className="text-base font-semibold">{s.runs}</h2>
        {runs.size === 0 ? <p className="text-muted-foreground text-sm">{s.noRuns}</p> : null}
        {[...runs].map(([runId, records]) => (
          <article key={runId} className="rounded-md border px-4 py-2" data-testid="ci-run">
            <h3 className="text-sm font-medium">
              {s.run(runId)}
              {records[0]?.created_by ? (
                <span className="text-muted-foreground font-normal">
                  {" "}
                  · {s.startedBy(records[0].created_by)}
                </span>
              ) : null}
            </h3>
            <ul>
              {records.map((record) => (
                <CiRunRow
                  key={record.id}
                  record={record}
                  model={{ owner, name }}
                  canWrite={view.canWrite}
                />
              ))}
            </ul>
          </article>
        ))}
      </section>
    </div>
  );
}
