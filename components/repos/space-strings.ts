import { defineStrings } from "@/lib/i18n/strings";

/** "15 min", "6 h", "45 s": an idle time as the sleep setting shows it. */
function duration(seconds: number, units: { h: string; min: string; s: string }): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} ${units.h}`;
  if (seconds % 60 === 0) return `${seconds / 60} ${units.min}`;
  return `${seconds} ${units.s}`;
}

export const spaceAppStrings = defineStrings({
  en: {
    appFrame: (title: string) => `${title}: the Space's app`,
    openApp: "Open in a new tab",
    noAppTitle: "This Space has no SDK in its card",
    noAppHint: "Set `sdk: static`, `gradio` or `docker` in the README's front matter.",
    buildTitle: (sdk: string) => `A ${sdk} Space runs from an image built from its files`,
    files: "Browse files",
    buildStates: {
      none: "Not built",
      queued: "Build queued",
      building: "Building",
      succeeded: "Built",
      failed: "Build failed",
      cancelled: "Build cancelled",
      config_error: "Cannot be built",
    },
    buildOf: (commit: string) => `Build of ${commit}`,
    took: (duration: string) => `took ${duration}`,
    buildLog: "Build log",
    waiting:
      "Builds run on a runner with an image builder (docker or buildah); the build starts when one is free.",
    builtImage: (commit: string) => `Image of ${commit}`,
    offline: "Offline experience",
    offlineHint: "Run this Space on your own machine with docker:",
    offlineOpen: (url: string) => `Then open ${url}.`,
    login: "Sign in to the registry (a private Space's image is as private as the Space)",
    pull: "Pull the image",
    run: "Run it",
    offlineSecrets: (names: string) =>
      `The Space's secrets are passed by name only: set ${names} in your shell first (export NAME=…); their values are never shown.`,
    size: (size: string) => `Image size: ${size}`,
    spacesUsing: "Spaces using this model",
    rebuild: "Rebuild",
    factoryRebuild: "Factory rebuild",
    sleepTitle: "Sleep time",
    sleepHint:
      "An app nobody visits is stopped after this long, and the next visit starts it again. NPU apps sleep sooner by default, so that idle apps do not hold the NPUs.",
    sleepAfter: "Sleep after",
    sleepChoice: (value: string, defaultHours: number) =>
      value === ""
        ? `the default for its hardware (${defaultHours} h without visitors)`
        : value === "-1"
          ? "never"
          : `${duration(Number(value), { h: "h", min: "min", s: "s" })} without visitors`,
    save: "Save",
    saved: "Saved.",
    logs: "Logs",
    buildLogTab: "Build",
    appLogTab: "App",
    noLog: "Nothing has been logged here yet.",
    rebuilding: "Queueing…",
    runStates: {
      none: "Not started",
      starting: "Starting",
      running: "Running",
      start_failed: "Failed to start",
      runtime_error: "Runtime error",
      paused: "Paused",
      sleeping: "Sleeping",
      stopped: "Stopped",
    },
    runLog: "Run log",
    runProblem: (message: string) => `The last start failed: ${message}`,
    waitingRun: "The app runs on a runner labelled for its hardware; it starts when one has room.",
    sleepingRun: "The app sleeps after a while without visitors; this visit wakes it up.",
    restart: "Restart",
    resume: "Resume",
    pause: "Pause",
    working: "Working…",
  },
  zh: {
    appFrame: (title: string) => `${title}：体验空间应用`,
    openApp: "在新标签页打开",
    noAppTitle: "此体验空间的卡片未指定 SDK",
    noAppHint: "在 README 头信息中设置 `sdk: static`、`gradio` 或 `docker`。",
    buildTitle: (sdk: string) => `${sdk} 体验空间从其文件构建的镜像运行`,
    files: "浏览文件",
    buildStates: {
      none: "未构建",
      queued: "构建排队中",
      building: "构建中",
      succeeded: "已构建",
      failed: "构建失败",
      cancelled: "构建已取消",
      config_error: "无法构建",
    },
    buildOf: (commit: string) => `构建提交 ${commit}`,
    took: (duration: string) => `耗时 ${duration}`,
    buildLog: "构建日志",
    waiting: "构建在带镜像构建器（docker 或 buildah）的运行器上进行；有空闲运行器时开始。",
    builtImage: (commit: string) => `提交 ${commit} 的镜像`,
    offline: "离线体验",
    offlineHint: "用 docker 在自己的机器上运行此体验空间：",
    offlineOpen: (url: string) => `然后打开 ${url}。`,
    login: "登录镜像仓库（私有体验空间的镜像与其同样私有）",
    pull: "拉取镜像",
    run: "运行",
    offlineSecrets: (names: string) =>
      `体验空间的密钥只按名称传入：请先在 shell 中设置 ${names}（export NAME=…）；密钥的值从不显示。`,
    size: (size: string) => `镜像大小：${size}`,
    spacesUsing: "使用此模型的体验空间",
    rebuild: "重新构建",
    factoryRebuild: "完全重建",
    sleepTitle: "休眠时间",
    sleepHint:
      "应用在无人访问达到该时长后停止，下次访问时重新启动。NPU 应用默认更早休眠，以免空闲应用占用 NPU。",
    sleepAfter: "休眠时间",
    sleepChoice: (value: string, defaultHours: number) =>
      value === ""
        ? `硬件默认值（无人访问 ${defaultHours} 小时）`
        : value === "-1"
          ? "从不休眠"
          : `无人访问 ${duration(Number(value), { h: "小时", min: "分钟", s: "秒" })}`,
    save: "保存",
    saved: "已保存。",
    logs: "日志",
    buildLogTab: "构建",
    appLogTab: "应用",
    noLog: "这里还没有日志。",
    rebuilding: "排队中…",
    runStates: {
      none: "未启动",
      starting: "启动中",
      running: "运行中",
      start_failed: "启动失败",
      runtime_error: "运行出错",
      paused: "已暂停",
      sleeping: "休眠中",
      stopped: "已停止",
    },
    runLog: "运行日志",
    runProblem: (message: string) => `上次启动失败：${message}`,
    waitingRun: "应用在带有相应硬件标签的运行器上运行；有运行器空闲时即会启动。",
    sleepingRun: "应用在一段时间无人访问后休眠；本次访问会将其唤醒。",
    restart: "重启",
    resume: "恢复运行",
    pause: "暂停",
    working: "处理中…",
  },
});
