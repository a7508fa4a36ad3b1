import type { Metadata } from "next";

import { CreateOrgForm } from "@/components/orgs/create-org-form";
import { orgStrings } from "@/components/orgs/strings";
import { Card, PageHeading } from "@/components/ui/card";
import { requireSessionUser } from "@/lib/auth/require-user";
import { getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganizationPage() {
  await requireSessionUser("/organizations/new");
  const s = await getStrings(orgStrings);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeading title={s.newOrgTitle} description={s.newOrgLead} />
      <Card className="p-6">
        <CreateOrgForm />
      </Card>
    </div>
  );
}
