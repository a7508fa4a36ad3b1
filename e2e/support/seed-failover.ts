// Prepares a throw-away data dir for the runner failover test in one process (each CLI call costs
// a tsx start): migrates it, creates an admin with a write token and a registration token for two
// runners, and queues a job of a kind that may run again — as the feature owning that kind (model
// CI) will; only diagnostic jobs can be queued by hand, and those are never repeated on their own.
//   STRATA_DATA_DIR=… tsx --conditions=react-server e2e/support/seed-failover.ts '<script>' '<labels JSON>'
// Prints JSON: { token, registrationToken, jobId }.
import { closeDatabase, migrateDatabase } from "@/db/client";
import { createUserAccount } from "@/lib/accounts/users";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { createRegistrationToken } from "@/lib/jobs/registration-tokens";

const [script = "true", labels = "{}"] = process.argv.slice(2);
migrateDatabase();
const admin = await createUserAccount({
  username: "failoveradmin",
  password: "pw-failover-1234",
  isAdmin: true,
});
const { token } = await createAccessToken(admin.id, { name: "failover", scope: "write" });
const registration = await createRegistrationToken({ maxUses: 2 });
const job = await enqueueJob({
  kind: "model-ci",
  spec: { steps: [{ type: "script", script }] },
  labels: JSON.parse(labels) as Record<string, string>,
  resource: { type: "system" },
  createdBy: admin.id,
});
closeDatabase();
console.log(JSON.stringify({ token, registrationToken: registration.token, jobId: job.id }));
