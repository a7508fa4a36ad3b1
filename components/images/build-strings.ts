import type { ImageBuildStepState } from "@/db/schema/image-builds";
import { defineStrings } from "@/lib/i18n/strings";

type Strings = {
  builds: string;
  buildsLead: string;
  startHeading: string;
  fieldSelection: string;
  selectTag: string;
  selectUnder: string;
  selectAll: string;
  fieldImage: string;
  fieldImageHint: string;
  fieldArches: string;
  fieldArchesHint: string;
  start: string;
  starting: string;
  noBuilds: string;
  noBuildsHint: string;
  build: (id: number) => string;
  buildStates: Record<"running" | "succeeded" | "failed", string>;
  states: Record<ImageBuildStepState, string>;
  columnBuild: string;
  columnSelection: string;
  columnState: string;
  columnStarted: string;
  pipeline: string;
  pipelineLead: string;
  fromUpstream: (image: string) => string;
  blockedBy: (image: string) => string;
  duration: (seconds: number) => string;
  log: string;
  showLog: string;
  noLog: string;
  job: string;
  builtHere: string;
  builtHereLead: string;
  cacheKey: string;
  digest: string;
  size: string;
  arch: string;
  viewBuild: (id: number) => string;
};

export const buildStrings = defineStrings<Strings>({
  en: {
    builds: "Image builds",
    buildsLead:
      "The stack built here: each layer on a runner with a builder, parents first, FROM the parent's digest in this registry, then published as a multi-arch tag.",
    startHeading: "Start a build",
    fieldSelection: "What to build",
    selectTag: "One tag (with the ancestors it needs)",
    selectUnder: "Everything under a tag",
    selectAll: "The whole stack",
    fieldImage: "Image",
    fieldImageHint: "e.g. cann:openeuler-python3.9-cann8.0.rc2.beta1",
    fieldArches: "Architectures",
    fieldArchesHint: "Comma-separated; empty: each image's own",
    start: "Start build",
    starting: "Starting…",
    noBuilds: "No builds yet",
    noBuildsHint: "Start one above, or with npm run cli -- images:build.",
    build: (id) => `Build ${id}`,
    buildStates: { running: "Running", succeeded: "Succeeded", failed: "Failed" },
    states: {
      waiting: "Waiting",
      queued: "Queued",
      building: "Building",
      pushed: "Pushed",
      reused: "Reused",
      failed: "Failed",
      blocked: "Blocked",
    },
    columnBuild: "Build",
    columnSelection: "Selection",
    columnState: "State",
    columnStarted: "Started",
    pipeline: "Pipeline",
    pipelineLead: "Bottom-up, like the stack: each layer is built once its parent is pushed.",
    fromUpstream: (image) => `FROM ${image} (upstream)`,
    blockedBy: (image) => `blocked by ${image}`,
    duration: (seconds) =>
      seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`,
    log: "Log",
    showLog: "Show log",
    noLog: "Choose an architecture job to see its log.",
    job: "Job",
    builtHere: "Built here",
    builtHereLead: "This hub built this image itself; each architecture was pushed by digest.",
    cacheKey: "Cache key",
    digest: "Digest",
    size: "Compressed size",
    arch: "Architecture",
    viewBuild: (id) => `Build ${id}`,
  },
  zh: {
    builds: "镜像构建",
    buildsLead:
      "在本站构建镜像栈：每一层在带构建器的执行器上构建，先父后子，FROM 本站仓库中父镜像的摘要，最后发布为多架构标签。",
    startHeading: "开始构建",
    fieldSelection: "构建内容",
    selectTag: "单个标签（及其所需的父镜像）",
    selectUnder: "某标签下的全部镜像",
    selectAll: "整个镜像栈",
    fieldImage: "镜像",
    fieldImageHint: "例如 cann:openeuler-python3.9-cann8.0.rc2.beta1",
    fieldArches: "架构",
    fieldArchesHint: "以逗号分隔；留空则使用各镜像自身的架构",
    start: "开始构建",
    starting: "正在开始…",
    noBuilds: "暂无构建",
    noBuildsHint: "在上方开始构建，或使用 npm run cli -- images:build。",
    build: (id) => `构建 ${id}`,
    buildStates: { running: "进行中", succeeded: "成功", failed: "失败" },
    states: {
      waiting: "等待中",
      queued: "排队中",
      building: "构建中",
      pushed: "已推送",
      reused: "已复用",
      failed: "失败",
      blocked: "已阻塞",
    },
    columnBuild: "构建",
    columnSelection: "范围",
    columnState: "状态",
    columnStarted: "开始时间",
    pipeline: "流水线",
    pipelineLead: "自下而上，与镜像栈一致：父镜像推送后才构建子镜像。",
    fromUpstream: (image) => `FROM ${image}（上游）`,
    blockedBy: (image) => `被 ${image} 阻塞`,
    duration: (seconds) =>
      seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`,
    log: "日志",
    showLog: "查看日志",
    noLog: "选择一个架构任务以查看其日志。",
    job: "任务",
    builtHere: "本站构建",
    builtHereLead: "此镜像由本站自行构建；每个架构均按摘要推送。",
    cacheKey: "缓存键",
    digest: "摘要",
    size: "压缩大小",
    arch: "架构",
    viewBuild: (id) => `构建 ${id}`,
  },
});
