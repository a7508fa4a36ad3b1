import { defineStrings } from "@/lib/i18n/strings";

/** What the Space proxy itself says, in place of an app that does not answer. */
export const spaceProxyStrings = defineStrings({
  en: {
    appNotRunning:
      "This Space's app is not running right now. This page reloads itself when it starts.",
  },
  zh: { appNotRunning: "此 Space 的应用当前未运行。应用启动后，本页面会自动刷新。" },
});
