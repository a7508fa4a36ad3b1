// Client-safe: the user-facing wording of errors, in every locale. Server actions pick the
// visitor's locale; forms and pages may read these directly.

import type { ErrorCode, ErrorReason } from "@/lib/errors";
import { defineStrings, type Locale } from "@/lib/i18n/strings";

type ErrorStrings = {
  /** One generic sentence per code, for readers of a language the specific message is not in. */
  codes: Record<ErrorCode, string>;
  /** Reasons are finer than codes, so their sentence wins over the code's. */
  reasons: Record<ErrorReason, string>;
  sessionEnded: string;
  correctFields: string;
  /** Generic validation sentences; `lib/errors/zod-issues.ts` picks one per zod issue. */
  validation: {
    required: string;
    number: string;
    integer: string;
    invalid: string;
    charactersAtLeast: (n: string) => string;
    charactersAtMost: (n: string) => string;
    charactersExactly: (n: string) => string;
    itemsAtLeast: (n: string) => string;
    itemsAtMost: (n: string) => string;
    bytesAtLeast: (n: string) => string;
    bytesAtMost: (n: string) => string;
    numberAtLeast: (n: string) => string;
    numberAbove: (n: string) => string;
    numberAtMost: (n: string) => string;
    numberBelow: (n: string) => string;
    tooSmall: string;
    tooBig: string;
    email: string;
    url: string;
    startsWith: (prefix: string) => string;
    endsWith: (suffix: string) => string;
    includes: (text: string) => string;
    format: string;
    oneOf: (values: string) => string;
    multipleOf: (divisor: string) => string;
    unknownFields: (keys: string) => string;
  };
};

const plural = (n: string) => (n === "1" ? "" : "s");

export const errorStrings = defineStrings<ErrorStrings>({
  en: {
    codes: {
      bad_request: "Check what you entered and try again.",
      unauthorized: "Sign in to continue.",
      forbidden: "You do not have permission to do this.",
      not_found: "This could not be found.",
      method_not_allowed: "This cannot be done here.",
      conflict: "This conflicts with something that already exists or has just changed.",
      gone: "This is no longer available.",
      payload_too_large: "This is too large.",
      range_not_satisfiable: "The requested part is not available.",
      unprocessable: "This could not be processed.",
      rate_limited: "Too many attempts. Wait a moment and try again.",
      internal: "Something went wrong on our side.",
      unavailable: "The service is temporarily unavailable. Try again later.",
    },
    reasons: {
      not_a_folder: "This path is a file, not a folder.",
      lfs_not_served: "This repository does not serve that large file.",
      file_exists: "A file with this name already exists; choose another name or replace it.",
      invalid_card: "The YAML metadata at the top of README.md cannot be read; correct it.",
    },
    sessionEnded: "Your session has ended. Sign in again to continue.",
    correctFields: "Please correct the highlighted fields.",
    validation: {
      required: "Fill in this field.",
      number: "Enter a number.",
      integer: "Enter a whole number.",
      invalid: "Enter a valid value.",
      charactersAtLeast: (n) => `Use at least ${n} character${plural(n)}.`,
      charactersAtMost: (n) => `Use at most ${n} character${plural(n)}.`,
      charactersExactly: (n) => `Use exactly ${n} character${plural(n)}.`,
      itemsAtLeast: (n) => `Choose at least ${n}.`,
      itemsAtMost: (n) => `Choose at most ${n}.`,
      bytesAtLeast: (n) => `Use a file of at least ${n} byte${plural(n)}.`,
      bytesAtMost: (n) => `Use a file of at most ${n} byte${plural(n)}.`,
      numberAtLeast: (n) => `Enter ${n} or more.`,
      numberAbove: (n) => `Enter more than ${n}.`,
      numberAtMost: (n) => `Enter ${n} or less.`,
      numberBelow: (n) => `Enter less than ${n}.`,
      tooSmall: "This value is too small.",
      tooBig: "This value is too large.",
      email: "Enter a valid email address.",
      url: "Enter a valid URL.",
      startsWith: (prefix) => `Start with "${prefix}".`,
      endsWith: (suffix) => `End with "${suffix}".`,
      includes: (text) => `Include "${text}".`,
      format: "Use the expected format.",
      oneOf: (values) => `Choose one of: ${values}.`,
      multipleOf: (divisor) => `Enter a multiple of ${divisor}.`,
      unknownFields: (keys) => `Unexpected fields: ${keys}.`,
    },
  },
  zh: {
    codes: {
      bad_request: "请检查填写的内容后重试。",
      unauthorized: "请登录后继续。",
      forbidden: "你没有执行此操作的权限。",
      not_found: "找不到该内容。",
      method_not_allowed: "此处不支持该操作。",
      conflict: "与已有内容冲突，或内容刚被修改。",
      gone: "该内容已不再可用。",
      payload_too_large: "内容过大。",
      range_not_satisfiable: "请求的部分不可用。",
      unprocessable: "无法处理该内容。",
      rate_limited: "尝试次数过多，请稍后再试。",
      internal: "服务器出错了。",
      unavailable: "服务暂时不可用，请稍后再试。",
    },
    reasons: {
      not_a_folder: "该路径是文件，不是文件夹。",
      lfs_not_served: "此仓库不提供该大文件。",
      file_exists: "同名文件已存在；请换一个名称，或选择替换它。",
      invalid_card: "README.md 开头的 YAML 元数据无法解析，请更正。",
    },
    sessionEnded: "登录已过期，请重新登录后继续。",
    correctFields: "请更正标出的字段。",
    validation: {
      required: "请填写此项。",
      number: "请输入数字。",
      integer: "请输入整数。",
      invalid: "请输入有效的值。",
      charactersAtLeast: (n) => `至少需要 ${n} 个字符。`,
      charactersAtMost: (n) => `最多 ${n} 个字符。`,
      charactersExactly: (n) => `需要正好 ${n} 个字符。`,
      itemsAtLeast: (n) => `至少选择 ${n} 项。`,
      itemsAtMost: (n) => `最多选择 ${n} 项。`,
      bytesAtLeast: (n) => `文件至少需要 ${n} 字节。`,
      bytesAtMost: (n) => `文件不能超过 ${n} 字节。`,
      numberAtLeast: (n) => `请输入不小于 ${n} 的数。`,
      numberAbove: (n) => `请输入大于 ${n} 的数。`,
      numberAtMost: (n) => `请输入不大于 ${n} 的数。`,
      numberBelow: (n) => `请输入小于 ${n} 的数。`,
      tooSmall: "该值太小。",
      tooBig: "该值太大。",
      email: "请输入有效的邮箱地址。",
      url: "请输入有效的网址。",
      startsWith: (prefix) => `需以“${prefix}”开头。`,
      endsWith: (suffix) => `需以“${suffix}”结尾。`,
      includes: (text) => `需包含“${text}”。`,
      format: "格式不正确。",
      oneOf: (values) => `请选择以下之一：${values}。`,
      multipleOf: (divisor) => `请输入 ${divisor} 的倍数。`,
      unknownFields: (keys) => `包含无法识别的字段：${keys}。`,
    },
  },
});

/** The generic sentence for an error: its reason's when it has one, else its code's. */
export function genericErrorMessage(
  locale: Locale,
  error: { code: ErrorCode; reason?: ErrorReason },
): string {
  const strings = errorStrings[locale];
  return (error.reason && strings.reasons[error.reason]) || strings.codes[error.code];
}
