"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { signUpAction } from "@/app/(auth)/signup/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, formText, Input } from "@/components/ui/field";
import { fieldErrors, FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";

import { authStrings } from "./strings";

export function SignUpForm() {
  const s = useStrings(authStrings);
  const router = useRouter();
  const { state, onSubmit, pending } = useFormAction(signUpAction);
  const formRef = useRef<HTMLFormElement>(null);

  // The account exists: sign in with the same credentials (still in the form) and go home.
  useEffect(() => {
    if (state.status !== "success" || !formRef.current) return;
    const form = new FormData(formRef.current);
    void signIn("credentials", {
      redirect: false,
      username: formText(form, "username"),
      password: formText(form, "password"),
    }).then((result) => {
      router.push(result?.ok ? "/" : "/login");
      router.refresh();
    });
  }, [state, router]);

  const errors = (field: string) => fieldErrors(state, field);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="username" label={s.username} hint={s.usernameHint} errors={errors("username")}>
        <Input
          {...fieldAria("username", errors("username"))}
          name="username"
          autoComplete="username"
          required
          autoFocus
        />
      </Field>
      <Field id="email" label={s.email} errors={errors("email")}>
        <Input
          {...fieldAria("email", errors("email"))}
          name="email"
          type="email"
          autoComplete="email"
        />
      </Field>
      <Field id="password" label={s.password} hint={s.passwordHint} errors={errors("password")}>
        <Input
          {...fieldAria("password", errors("password"))}
          name="password"
          type="password"
          autoComplete="new-password"
          required
        />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending || state.status === "success"}>
        {pending || state.status === "success" ? s.signingUp : s.signUp}
      </Button>
      <p className="text-muted-foreground text-center text-sm">
        {s.haveAccount}{" "}
        <Link href="/login" className="text-brand font-medium hover:underline">
          {s.signInInstead}
        </Link>
      </p>
    </form>
  );
}
