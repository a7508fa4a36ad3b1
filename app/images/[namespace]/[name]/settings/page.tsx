import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import {
  DeleteImageRepositoryForm,
  ImageDescriptionForm,
  ImageTagsForm,
  ImageVisibilityForm,
} from "@/components/images/settings-forms";
import { imageSettingsStrings } from "@/components/images/settings-strings";
import { pageCaller } from "@/lib/auth/page-caller";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStrings } from "@/lib/i18n/server";
import { loadImageRepositorySettings } from "@/lib/images/catalog/repository-settings";
import { parseRepositoryParams } from "@/lib/images/catalog/route-params";

type Props = { params: Promise<{ namespace: string; name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `Settings · ${namespace}/${name} · Images` };
}

/** Visibility, description, tags and deletion of a pushed image repository; its writers only. */
export default async function ImageRepositorySettingsPage({ params }: Props) {
  const path = parseRepositoryParams(await params) ?? notFound();
  const [s, settings] = await Promise.all([
    getStrings(imageSettingsStrings),
    orNotFound(loadImageRepositorySettings(await pageCaller(), path)),
  ]);
  const id = `${settings.namespace}/${settings.name}`;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <Link href={`/images/${id}`} className="text-muted-foreground text-sm hover:underline">
          ← {s.backToRepository}
        </Link>
        <h1 className="mt-2 font-mono text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
          {s.title(id)}
        </h1>
      </div>
      <ImageVisibilityForm
        path={path}
        isPrivate={settings.isPrivate}
        ownerKind={settings.ownerKind}
      />
      <ImageDescriptionForm path={path} description={settings.description} />
      <ImageTagsForm path={path} tags={settings.tags} />
      <DeleteImageRepositoryForm path={path} />
    </div>
  );
}
