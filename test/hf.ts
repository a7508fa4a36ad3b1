// Helpers for tests of the HF API, git HTTP and LFS routes: users with tokens, repositories, and
// requests to the route handlers as Next would make them.
import { createAccessToken } from "@/lib/auth/access-tokens";
import { getConfig } from "@/lib/config";
import { hfRoute } from "@/lib/protocols/hf/route";
import { createRepo } from "@/lib/repos/create";

import { makeUser, sessionCaller, uniqueName } from "./factories";

export type TestAccount = Awaited<ReturnType<typeof makeUser>> & { write: string; read: string };

export async function makeAccount(): Promise<TestAccount> {
  const user = await makeUser();
  const write = (await createAccessToken(user.id, { name: "w", scope: "write" })).token;
  const read = (await createAccessToken(user.id, { name: "r", scope: "read" })).token;
  return { ...user, write, read };
}

export async function makeHubRepo(
  owner: TestAccount,
  options: { type?: "model" | "dataset" | "space"; isPrivate?: boolean } = {},
) {
  const record = await createRepo(sessionCaller(owner), {
    type: options.type ?? "model",
    owner: owner.name,
    name: uniqueName("r"),
    isPrivate: options.isPrivate ?? false,
  });
  return {
    record,
    address: { type: record.type, owner: record.ownerName, name: record.name },
    id: `${record.ownerName}/${record.name}`,
  };
}

type Init = { token?: string; body?: BodyInit; headers?: Record<string, string>; json?: unknown };

/** A request to `/hf{path}` (or to an absolute URL the API handed out) through the real route. */
export function hf(method: string, path: string, init: Init = {}): Promise<Response> {
  const url = path.startsWith("http") ? path : `${getConfig().publicUrl}/hf${path}`;
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body = init.body;
  if (init.json !== undefined) {
    headers["Content-Type"] ??= "application/json";
    body = JSON.stringify(init.json);
  }
  const request = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
  return hfRoute(request, { params: Promise.resolve({ path: [] }) });
}
