import { defineStrings } from "@/lib/i18n/strings";

export const uiStrings = defineStrings({
  en: { copy: "Copy", copied: "Copied", copyFailed: "Copy failed — select the text and copy it" },
  zh: { copy: "复制", copied: "已复制", copyFailed: "复制失败，请手动选择文本复制" },
});
