// `npm run cli -- <command> [flags]` – operator commands on the data under STRATA_DATA_DIR.
import { ZodError } from "zod";

import { closeDatabase, migrateDatabase } from "@/db/client";
import { ConfigError, getConfig } from "@/lib/config";
import { AppError, describeZodError } from "@/lib/errors";
import { registerRepoIndexer } from "@/lib/repos/register-indexer";

import { parseCommandArgs, UsageError, type Command } from "./command";
import { catalogSeed } from "./commands/catalog";
import { imagesBuild, imagesPlan } from "./commands/images";
import { jobsRun, runnersToken } from "./commands/jobs";
import { orgsCreate } from "./commands/orgs";
import { registryGc } from "./commands/registry";
import { tokensCreate } from "./commands/tokens";
import { usersCreate, usersList } from "./commands/users";

const commands: Command[] = [
  usersCreate,
  usersList,
  tokensCreate,
  orgsCreate,
  catalogSeed,
  imagesPlan,
  imagesBuild,
  runnersToken,
  jobsRun,
  registryGc,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    "Usage: npm run cli -- <command> [flags]",
    "",
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`),
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  const values = parseCommandArgs(command, rest);
  getConfig();
  migrateDatabase();
  registerRepoIndexer();
  await command.run(values);
  return 0;
}

main(process.argv.slice(2))
  .then((code) => {
    closeDatabase();
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    closeDatabase();
    if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
    else if (error instanceof ZodError) console.error(`Invalid input: ${describeZodError(error)}`);
    else if (error instanceof AppError) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  });
