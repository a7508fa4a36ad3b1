import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { authStrings } from "@/components/auth/strings";
import { Card } from "@/components/ui/card";
import { oauthProviderIds } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(firstParam(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackPath);
  const s = await getStrings(authStrings);
  // next-auth redirects here with ?error=… when an OAuth round trip fails.
  const error = firstParam(params.error) ? s.oauthFailed : undefined;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-6 text-center text-2xl font-semibold">{s.signInTitle}</h1>
      <Card className="p-6">
        <LoginForm callbackPath={callbackPath} initialError={error} />
        <OAuthButtons providers={oauthProviderIds()} callbackPath={callbackPath} />
      </Card>
    </div>
  );
}
