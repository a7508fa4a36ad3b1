import "server-only";

import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/request-body";
import { commitChanges } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { refOf } from "@/lib/repos/access";
import { createRepo } from "@/lib/repos/create";
import { commitIdentity } from "@/lib/repos/identity";
import { deleteRepo, moveRepo, updateRepo } from "@/lib/repos/manage";
import { repoPathSchema } from "@/lib/validation/repo-paths";

import { hfObjectId } from "./repo-json";
import { hfRepoUrl, renderHfError } from "./responses";

const repoType = z.enum(repoTypes).default("model");

/** `name` may carry the namespace ("ns/name") when `organization` is not given (older clients). */
function address(
  caller: Caller,
  body: { name: string; organization?: string | null; type: RepoRef["type"] },
) {
  const slash = body.name.indexOf("/");
  const owner = body.organization || (slash >= 0 ? body.name.slice(0, slash) : caller.name);
  const name = slash >= 0 && !body.organization ? body.name.slice(slash + 1) : body.name;
  return { type: body.type, owner, name };
}

function requireCaller(caller: Caller | null): Caller {
  if (!caller)
    throw new AppError("unauthorized", "Send an access token (Authorization: Bearer hf_…).");
  return caller;
}

const createSchema = z.object({
  name: z.string().min(1).max(200),
  organization: z.string().max(100).nullish(),
  type: repoType,
  private: z.boolean().nullish(),
  visibility: z.enum(["public", "private", "protected"]).nullish(),
  license: z.string().max(64).nullish(),
  sdk: z.string().max(32).nullish(),
  /** huggingface_hub sends `hardware` for `space_hardware`; this hub offers cpu-basic and npu-basic. */
  hardware: z.string().max(32).nullish(),
  files: z
    .array(
      z.object({
        // Checked here, before the repository exists, so a bad path leaves nothing behind.
        path: repoPathSchema,
        content: z.string(),
        encoding: z.enum(["base64", "utf-8"]).default("base64"),
      }),
    )
    .max(100)
    .nullish(),
});

/** `POST /api/repos/create` → `{url, name, id}`; 409 when the name is taken. */
export async function createRepoHf(request: Request, caller: Caller | null): Promise<Response> {
  const who = requireCaller(caller);
  const body = createSchema.parse(await readJsonBody(request, 16 * 1024 * 1024));
  if (body.visibility === "protected") {
    throw new AppError(
      "bad_request",
      'Visibility "protected" is not supported; use "public" or "private".',
    );
  }
  const sdk = body.type === "space" ? (body.sdk ?? "static") : undefined;
  if (sdk !== undefined && sdk !== "gradio" && sdk !== "static" && sdk !== "docker") {
    throw new AppError(
      "bad_request",
      `Space SDK "${sdk}" is not supported; use gradio, static or docker.`,
    );
  }
  const target = address(who, body);
  let record: Awaited<ReturnType<typeof createRepo>>;
  try {
    record = await createRepo(who, {
      type: target.type,
      owner: target.owner,
      name: target.name,
      isPrivate: body.visibility ? body.visibility === "private" : (body.private ?? false),
      card: body.license ? { license: body.license } : {},
      space: sdk
        ? { sdk, hardware: body.hardware === "npu-basic" ? "npu-basic" : "cpu-basic" }
        : undefined,
    });
  } catch (error) {
    // Python's create_repo(exist_ok=True) reads `url` from the 409 body, as the Hub sends it; the
    // URL is only the name the caller sent, so it tells nothing about the repository.
    if (error instanceof AppError && error.code === "conflict")
      return renderHfError(error, { url: hfRepoUrl(target) });
    throw error;
  }
  const ref = refOf(record);
  if (body.files?.length) {
    await commitChanges({
      repo: ref,
      branch: "main",
      message: "Add files",
      author: commitIdentity(who),
      source: "api",
      operations: body.files.map((file) => ({
        kind: "file" as const,
        path: file.path,
        source: {
          content: Buffer.from(file.content, file.encoding === "base64" ? "base64" : "utf8"),
        },
      })),
    });
  }
  return Response.json({
    url: hfRepoUrl(ref),
    name: `${ref.owner}/${ref.name}`,
    id: hfObjectId(record.id),
  });
}

const deleteSchema = z.object({
  name: z.string().min(1).max(200),
  organization: z.string().max(100).nullish(),
  type: repoType,
});

/** `DELETE /api/repos/delete` with a JSON body. */
export async function deleteRepoHf(request: Request, caller: Caller | null): Promise<Response> {
  const who = requireCaller(caller);
  const body = deleteSchema.parse(await readJsonBody(request));
  await deleteRepo(who, address(who, body));
  return Response.json({});
}

const repoId = z.string().regex(/^[^/]+\/[^/]+$/, 'Use "namespace/name".');
const moveSchema = z.object({ fromRepo: repoId, toRepo: repoId, type: repoType });

/** `POST /api/repos/move` `{fromRepo, toRepo, type}`: rename or transfer. */
export async function moveRepoHf(request: Request, caller: Caller | null): Promise<Response> {
  const who = requireCaller(caller);
  const body = moveSchema.parse(await readJsonBody(request));
  const [fromOwner, fromName] = body.fromRepo.split("/") as [string, string];
  const [toOwner, toName] = body.toRepo.split("/") as [string, string];
  const record = await moveRepo(
    who,
    { type: body.type, owner: fromOwner, name: fromName },
    { owner: toOwner, name: toName },
  );
  return Response.json({ url: hfRepoUrl(refOf(record)) });
}

const settingsSchema = z.object({
  private: z.boolean().nullish(),
  visibility: z.enum(["public", "private"]).nullish(),
  gated: z.union([z.literal(false), z.enum(["auto", "manual"])]).nullish(),
});

/** `PUT /api/{type}s/{id}/settings`: visibility (gating is not supported). */
export async function updateSettingsHf(
  request: Request,
  caller: Caller | null,
  repo: RepoRef,
): Promise<Response> {
  const who = requireCaller(caller);
  const body = settingsSchema.parse(await readJsonBody(request));
  if (body.gated) throw new AppError("bad_request", "Gated repositories are not supported.");
  const isPrivate = body.visibility ? body.visibility === "private" : (body.private ?? undefined);
  await updateRepo(who, repo, { isPrivate });
  return Response.json({});
}
