import { describe, expect, it } from "vitest";
import { z } from "zod";

import type { Locale } from "@/lib/i18n/strings";
import { ownerNameSchema } from "@/lib/validation/names";

import { localizeZodIssue, zodErrorMap } from "./zod-issues";

/** The messages a value gets from a schema parsed the way server actions parse. */
function messages(schema: z.ZodType, value: unknown, locale: Locale): string[] {
  const result = schema.safeParse(value, { error: zodErrorMap(locale) });
  return result.error?.issues.map((issue) => localizeZodIssue(issue, locale)) ?? [];
}

describe("zod issues in the reader's language", () => {
  it.each([
    [z.string(), undefined, "Fill in this field.", "请填写此项。"],
    [z.number(), "7", "Enter a number.", "请输入数字。"],
    [z.int(), 1.5, "Enter a whole number.", "请输入整数。"],
    [z.string().min(3), "ab", "Use at least 3 characters.", "至少需要 3 个字符。"],
    [z.string().max(2), "abc", "Use at most 2 characters.", "最多 2 个字符。"],
    [z.string().min(1), "", "Fill in this field.", "请填写此项。"],
    [z.string().max(1), "ab", "Use at most 1 character.", "最多 1 个字符。"],
    [z.string().length(4), "abc", "Use exactly 4 characters.", "需要正好 4 个字符。"],
    [z.array(z.string()).min(1), [], "Choose at least 1.", "至少选择 1 项。"],
    [z.number().min(1), 0, "Enter 1 or more.", "请输入不小于 1 的数。"],
    [z.number().lt(10), 10, "Enter less than 10.", "请输入小于 10 的数。"],
    [z.number().multipleOf(5), 7, "Enter a multiple of 5.", "请输入 5 的倍数。"],
    [z.email(), "nope", "Enter a valid email address.", "请输入有效的邮箱地址。"],
    [z.url(), "nope", "Enter a valid URL.", "请输入有效的网址。"],
    [z.string().startsWith("hf_"), "x", 'Start with "hf_".', "需以“hf_”开头。"],
    [z.string().regex(/^a/), "b", "Use the expected format.", "格式不正确。"],
    [
      z.enum(["read", "write"]),
      "own",
      "Choose one of: read, write.",
      "请选择以下之一：read, write。",
    ],
    [z.strictObject({}), { extra: 1 }, "Unexpected fields: extra.", "包含无法识别的字段：extra。"],
    [z.string().refine(() => false), "x", "Enter a valid value.", "请输入有效的值。"],
  ])("%# localizes zod's default message", (schema, value, en, zh) => {
    expect(messages(schema, value, "en")).toEqual([en]);
    expect(messages(schema, value, "zh")).toEqual([zh]);
  });

  it("translates an author's message only when it is the generic English sentence", () => {
    expect(messages(ownerNameSchema, "a", "zh")).toEqual(["至少需要 2 个字符。"]);
    expect(messages(ownerNameSchema, "1a", "zh")).toEqual(["Start with a letter."]);
    expect(messages(ownerNameSchema, "a", "en")).toEqual(["Use at least 2 characters."]);
    expect(messages(z.string().min(1, "Enter a name."), "", "zh")).toEqual(["Enter a name."]);
  });
});
