// GET/POST /api/auth/* – next-auth: sign-in, sign-out, session, CSRF and OAuth callbacks
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built on first request, not at import, so `next build` needs no secret or data dir.
function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
