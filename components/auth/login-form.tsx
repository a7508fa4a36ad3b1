"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, formText, Input } from "@/components/ui/field";

import { authStrings } from "./strings";

export function LoginForm({
  callbackPath,
  initialError,
}: {
  callbackPath: string;
  initialError?: string;
}) {
  const s = useStrings(authStrings);
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      redirect: false,
      username: formText(form, "username"),
      password: formText(form, "password"),
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error ?? s.oauthFailed);
      return;
    }
    router.push(callbackPath);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="username" label={s.usernameOrEmail}>
        <Input
          {...fieldAria("username")}
          name="username"
          autoComplete="username"
          required
          autoFocus
        />
      </Field>
      <Field id="password" label={s.password}>
        <Input
          {...fieldAria("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </Field>
      <p role="alert" aria-live="assertive" className="text-danger min-h-5 text-sm">
        {error}
      </p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? s.signingIn : s.signIn}
      </Button>
      <p className="text-muted-foreground text-center text-sm">
        {s.noAccount}{" "}
        <Link href="/signup" className="text-brand font-medium hover:underline">
          {s.createOne}
        </Link>
      </p>
    </form>
  );
}
