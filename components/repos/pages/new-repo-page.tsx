import { PageHeading } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page-caller";
import { requireSessionUser } from "@/lib/auth/require-user";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { repoKinds, type CreateField, type HostedRepoType } from "@/lib/repos/kinds";
import { writableOwners } from "@/lib/repos/owners";
import { listSpaceBaseImages } from "@/lib/repos/space-base-images";
import { newRepoHref } from "@/lib/repos/urls";

import { CreateRepoForm } from "../create-repo-form";
import { createStrings } from "../create-strings";

/** `/models/new`, `/datasets/new`: signed-in users; owners are themselves and orgs where they can write. */
export async function NewRepoPage({
  type,
  searchParams,
}: {
  type: HostedRepoType;
  searchParams: SearchParams;
}) {
  const user = await requireSessionUser(newRepoHref(type));
  const [s, owners, baseImages] = await Promise.all([
    getStrings(createStrings),
    writableOwners(user),
    (repoKinds[type].createFields as readonly CreateField[]).includes("space")
      ? pageCaller().then(listSpaceBaseImages)
      : [],
  ]);
  const wanted = firstParam((await searchParams).owner);
  return (
    <div className="max-w-2xl">
      <PageHeading title={s.title[type]} description={s.lead[type]} />
      <CreateRepoForm
        type={type}
        owners={owners}
        defaultOwner={wanted && owners.includes(wanted) ? wanted : user.name}
        baseImages={baseImages}
      />
    </div>
  );
}
