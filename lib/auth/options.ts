import "server-only";

import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { z } from "zod";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

import { clientIp } from "./client-ip";
import { userIdForOAuth } from "./oauth";
import { authenticateWithPassword } from "./sign-in";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

function providers(): Provider[] {
  const { oauth } = getConfig();
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Username and password",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error("Enter your username and password.");
        try {
          const user = await authenticateWithPassword({
            ...parsed.data,
            ip: clientIp(new Headers(req.headers as Record<string, string>)),
          });
          return { id: String(user.id), name: user.name };
        } catch (error) {
          // next-auth hands the message of a thrown Error to the sign-in form.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  if (oauth.github) list.push(GitHubProvider(oauth.github));
  if (oauth.gitee) {
    list.push({
      id: "gitee",
      name: "Gitee",
      type: "oauth",
      authorization: { url: "https://gitee.com/oauth/authorize", params: { scope: "user_info" } },
      token: "https://gitee.com/oauth/token",
      userinfo: "https://gitee.com/api/v5/user",
      clientId: oauth.gitee.clientId,
      clientSecret: oauth.gitee.clientSecret,
      profile: (p: { id: number; login: string; name?: string; avatar_url?: string }) => ({
        id: String(p.id),
        name: p.name ?? p.login,
        image: p.avatar_url,
      }),
    });
  }
  return list;
}

export function oauthProviderIds(): string[] {
  const { oauth } = getConfig();
  return Object.entries(oauth)
    .filter(([, value]) => value)
    .map(([id]) => id);
}

let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  return (cached ??= {
    secret: getConfig().authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: providers(),
    callbacks: {
      async jwt({ token, account, profile }) {
        // On an OAuth sign-in, replace the provider's user id with the local one.
        if (account && account.provider !== "credentials") {
          const login = (profile as { login?: string } | undefined)?.login ?? token.name ?? "user";
          token.sub = String(
            await userIdForOAuth({
              provider: account.provider,
              providerAccountId: account.providerAccountId,
              login,
            }),
          );
        }
        return token;
      },
      session({ session, token }) {
        // Only the id travels; everything else is read fresh from the database per request.
        return { expires: session.expires, user: { id: token.sub } };
      },
    },
  });
}
