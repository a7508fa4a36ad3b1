import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/signup-form";
import { authStrings } from "@/components/auth/strings";
import { Card } from "@/components/ui/card";
import { oauthProviderIds } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/");
  const s = await getStrings(authStrings);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-center text-2xl font-semibold">{s.signUpTitle}</h1>
      <Card className="p-6">
        <SignUpForm />
        <OAuthButtons providers={oauthProviderIds()} callbackPath="/" />
      </Card>
    </div>
  );
}
