import { notFound } from "next/navigation";

import { kindOfSection, type HostedRepoType } from "@/lib/repos/kinds";

/** A page's params under `app/[section]/`: its own plus the section (`models`, `datasets`, …). */
export type WithSection<P> = P extends Promise<infer T> ? Promise<T & { section: string }> : never;

/** The kind of repository a page's section names; any other section is a 404. */
export async function pageKind(params: Promise<{ section: string }>): Promise<HostedRepoType> {
  const kind = kindOfSection((await params).section);
  if (!kind) notFound();
  return kind.type;
}
