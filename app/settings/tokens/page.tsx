import type { Metadata } from "next";

import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { settingsStrings } from "@/components/settings/strings";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeading } from "@/components/ui/card";
import { CodeText } from "@/components/ui/code-text";
import { EmptyState } from "@/components/ui/empty-state";
import { listAccessTokens } from "@/lib/auth/access-tokens";
import { requireSessionUser } from "@/lib/auth/require-user";
import { formatDate, formatRelative } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Access tokens" };

export default async function TokensPage() {
  const user = await requireSessionUser("/settings/tokens");
  const [s, locale, tokens] = await Promise.all([
    getStrings(settingsStrings),
    getLocale(),
    listAccessTokens(user.id),
  ]);
  return (
    <div className="space-y-8">
      <PageHeading title={s.tokens} description={<CodeText text={s.tokensLead} />} />
      <Card className="p-5">
        <h2 className="mb-4 font-medium">{s.newToken}</h2>
        <CreateTokenForm />
      </Card>
      {tokens.length === 0 ? (
        <EmptyState title={s.noTokens} description={s.noTokensHint} />
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <thead className="bg-subtle text-muted-foreground text-left">
              <tr>
                <th className="px-4 py-2 font-medium">{s.columnName}</th>
                <th className="px-4 py-2 font-medium">{s.columnScope}</th>
                <th className="px-4 py-2 font-medium">{s.columnToken}</th>
                <th className="px-4 py-2 font-medium">{s.columnCreated}</th>
                <th className="px-4 py-2 font-medium">{s.columnLastUsed}</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t" data-testid="token-row">
                  <td className="px-4 py-2 font-medium">{token.name}</td>
                  <td className="px-4 py-2">
                    <Badge tone={token.scope === "write" ? "warning" : "neutral"}>
                      {token.scope}
                    </Badge>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">{token.displayPrefix}…</td>
                  <td className="px-4 py-2">{formatDate(token.createdAt, locale)}</td>
                  <td className="px-4 py-2">
                    {token.lastUsedAt ? formatRelative(token.lastUsedAt, locale) : s.never}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <RevokeTokenButton tokenId={token.id} tokenName={token.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
