import { defineStrings } from "@/lib/i18n/strings";

/** What the Space proxy itself says, in place of an app that does not answer. */
export const spaceProxyStrings = defineStrings({
  en: {
    appNotRunning:
      "This Space's app is not running right now. This page reloads itself when it starts.",
    appStarting: "This Space's app is starting. This page reloads itself until it answers.",
    wakingUp:
      "This Space was asleep after a while without visitors and is waking up. This page reloads itself until it answers.",
    paused: "This Space has been paused by its owner.",
  },
  zh: {
    appNotRunning: "此 Space 的应用当前未运行。应用启动后，本页面会自动刷新。",
    appStarting: "此 Space 的应用正在启动。本页面会自动刷新，直到应用响应。",
    wakingUp: "此 Space 因一段时间无人访问而休眠，正在唤醒。本页面会自动刷新，直到应用响应。",
    paused: "此 Space 已被其所有者暂停。",
  },
});
