// Prepares a throw-away data dir for bench/hub-transfer.sh: a user, a write token and an empty
// model repository. Prints the token. Run with STRATA_DATA_DIR set to the bench data dir.
import { closeDatabase, migrateDatabase } from "@/db/client";
import { createUserAccount } from "@/lib/accounts/users";
import { createAccessToken } from "@/lib/auth/access-tokens";
import { createRepo } from "@/lib/repos/create";
import { registerRepoIndexer } from "@/lib/repos/register-indexer";

migrateDatabase();
registerRepoIndexer();
const user = await createUserAccount({
  username: "bench",
  password: "bench-password-1",
  email: "bench@example.com",
  isAdmin: false,
});
await createRepo(
  { ...user, auth: { type: "session" } },
  { type: "model", owner: "bench", name: "transfer" },
);
const { token } = await createAccessToken(user.id, { name: "bench", scope: "write" });
closeDatabase();
console.log(token);
