"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

import type { ActionResult } from "@/lib/actions/result";

type Action<T> = (previous: ActionResult<T>, input: FormData) => Promise<ActionResult<T>>;

/**
 * Runs a server action from a form's submit event. Unlike `<form action={…}>`, React does not
 * reset the fields afterwards, so a user who gets a validation error keeps what they typed;
 * `resetOnSuccess` clears them once the action succeeded (an "add" form, a password field).
 * `confirm` may veto the submit (e.g. a "Revoke this token?" dialog).
 */
export function useFormAction<T>(
  action: Action<T>,
  options: { confirm?: () => boolean; resetOnSuccess?: boolean } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult<T>, FormData>(action, {
    status: "idle",
  });
  const submitted = useRef<HTMLFormElement | null>(null);
  const { resetOnSuccess } = options;
  useEffect(() => {
    if (resetOnSuccess && state.status === "success") submitted.current?.reset();
  }, [resetOnSuccess, state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (options.confirm && !options.confirm()) return;
    submitted.current = event.currentTarget;
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}
