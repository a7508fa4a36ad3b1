import { parseArgs, type ParseArgsConfig } from "node:util";

/** One CLI command: its usage line, its flags, and what it does with them. */
export type Command = {
  name: string;
  usage: string;
  description: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run: (values: Record<string, string | boolean | undefined>) => Promise<void>;
};

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: command.options,
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: npm run cli -- ${command.usage}`);
  }
}

export function requireString(
  values: Record<string, unknown>,
  key: string,
  command: Command,
): string {
  const value = values[key];
  if (typeof value !== "string" || value === "") {
    throw new UsageError(`Missing --${key}.\nUsage: npm run cli -- ${command.usage}`);
  }
  return value;
}
