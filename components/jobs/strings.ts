import type { JobKind, JobState } from "@/db/schema/job-enums";
import { defineStrings } from "@/lib/i18n/strings";

type Strings = {
  runners: string;
  runnersLead: string;
  states: Record<JobState, string>;
  kinds: Record<JobKind, string>;
  // Runners
  runnersHeading: string;
  runnersSummary: (online: number, total: number) => string;
  noRunners: string;
  noRunnersHint: string;
  columnRunner: string;
  columnStatus: string;
  columnLabels: string;
  columnExecutor: string;
  columnNpus: string;
  columnCurrentJobs: string;
  columnLastSeen: string;
  columnVersion: string;
  online: string;
  offline: string;
  embedded: string;
  slots: (running: number, capacity: number) => string;
  noNpus: string;
  npusUsedFree: (used: number, free: number) => string;
  npuUsed: string;
  npuFree: string;
  idle: string;
  remove: string;
  removing: string;
  confirmRemove: (name: string) => string;
  // Space apps on runners
  spacesHeading: string;
  spacesLead: string;
  spacesSummary: (count: number, npus: number) => string;
  noSpaces: string;
  noSpacesHint: string;
  columnSpace: string;
  columnHardware: string;
  columnStarted: string;
  columnEndpoint: string;
  spaceStates: Record<"starting" | "running" | "stopping", string>;
  hardwareNames: (hardware: string | null) => string;
  // Queue and jobs
  queueHeading: string;
  queueLead: string;
  queueEmpty: string;
  recentHeading: string;
  recentEmpty: string;
  columnJob: string;
  columnKind: string;
  columnState: string;
  columnNeeds: string;
  columnQueued: string;
  columnWhy: string;
  columnFinished: string;
  columnDuration: string;
  onRunner: (name: string) => string;
  npuCount: (n: number) => string;
  // Diagnostic form
  diagnosticHeading: string;
  diagnosticLead: string;
  fieldLabels: string;
  fieldLabelsHint: string;
  fieldScript: string;
  fieldScriptHint: string;
  fieldImage: string;
  fieldImageHint: string;
  fieldNpus: string;
  fieldTimeout: string;
  fieldTimeoutHint: string;
  runJob: string;
  queueing: string;
  // Registration tokens
  tokensHeading: string;
  tokensLead: string;
  fieldDescription: string;
  fieldDescriptionHint: string;
  fieldUses: string;
  usesOne: string;
  usesTen: string;
  usesUnlimited: string;
  fieldExpires: string;
  expiresHour: string;
  expiresDay: string;
  expiresWeek: string;
  expiresNever: string;
  createToken: string;
  creatingToken: string;
  tokenCreated: string;
  tokenLabel: string;
  registerCommand: string;
  registerCommandNpu: string;
  registerThenRun: string;
  noTokens: string;
  columnToken: string;
  columnDescription: string;
  columnUses: string;
  columnExpires: string;
  columnCreated: string;
  uses: (count: number, max: number | null) => string;
  never: string;
  tokenStatus: Record<"active" | "expired" | "revoked" | "used_up", string>;
  revoke: string;
  revoking: string;
  confirmRevoke: string;
  // Job page
  jobTitle: (id: number) => string;
  backToRunners: string;
  factKind: string;
  factState: string;
  factRunner: string;
  factAttempt: string;
  attemptOf: (attempt: number, max: number) => string;
  factQueued: string;
  factStarted: string;
  factFinished: string;
  factDuration: string;
  factExitCode: string;
  factLabels: string;
  factNpus: string;
  factTimeout: string;
  factCreatedBy: string;
  factRetryOf: string;
  factReason: string;
  steps: string;
  notYet: string;
  none: string;
  system: string;
  cancel: string;
  cancelling: string;
  cancelRequested: string;
  waiting: string;
  confirmCancel: string;
  retry: string;
  retrying: string;
  log: string;
  logLive: string;
  logReconnecting: string;
  logEnded: string;
  logFailed: string;
  logLost: string;
  logEmpty: string;
  logWaiting: string;
  logHidden: (n: number) => string;
  follow: string;
  download: string;
  raw: string;
  duration: (ms: number) => string;
  seconds: (n: number) => string;
};

function durationEn(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 60)} h`;
}

function durationZh(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分钟`;
  return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${Math.floor(m / 60)} 小时`;
}

export const jobStrings = defineStrings<Strings>({
  en: {
    runners: "Runners",
    runnersLead:
      "Machines that run Space builds, model CI, image builds and diagnostics. Jobs go to an online runner that has all of their labels and enough free NPUs.",
    states: {
      queued: "queued",
      running: "running",
      succeeded: "succeeded",
      failed: "failed",
      cancelled: "cancelled",
      timed_out: "timed out",
      runner_lost: "runner lost",
    },
    kinds: {
      "space-build": "Space build",
      "space-run": "Space app",
      "model-ci": "model CI",
      "image-build": "image build",
      diagnostic: "diagnostic",
    },
    runnersHeading: "Runners",
    runnersSummary: (online, total) => `${online} of ${total} online`,
    noRunners: "No runners yet",
    noRunnersHint:
      "Create a registration token below and register a runner on a machine with NPUs (or any machine, for CPU work).",
    columnRunner: "Runner",
    columnStatus: "Status",
    columnLabels: "Labels",
    columnExecutor: "Executor",
    columnNpus: "NPUs",
    columnCurrentJobs: "Current jobs",
    columnLastSeen: "Last seen",
    columnVersion: "Version",
    online: "online",
    offline: "offline",
    embedded: "embedded",
    slots: (running, capacity) => `${running} of ${capacity} slots busy`,
    noNpus: "none",
    npusUsedFree: (used, free) => `${used} used · ${free} free`,
    npuUsed: "in use",
    npuFree: "free",
    idle: "idle",
    remove: "Remove",
    removing: "Removing…",
    confirmRemove: (name) =>
      `Remove runner ${name}? Its token stops working; jobs it is running are requeued or fail when their lease runs out.`,
    spacesHeading: "Space apps",
    spacesLead:
      "Every Space app a runner holds now, starting, serving or stopping, with the NPUs it holds. Paused and sleeping Spaces hold nothing.",
    spacesSummary: (count, npus) =>
      `${count} ${count === 1 ? "app" : "apps"} · ${npus} ${npus === 1 ? "NPU" : "NPUs"} held`,
    noSpaces: "No Space app is running",
    noSpacesHint:
      "A Space's app starts on a runner of its hardware after a successful build. NPU Spaces need a runner registered with --npus; an app that nobody visits goes to sleep and frees its runner.",
    columnSpace: "Space",
    columnHardware: "Hardware",
    columnStarted: "Started",
    columnEndpoint: "Endpoint",
    spaceStates: { starting: "starting", running: "running", stopping: "stopping" },
    hardwareNames: (hardware) =>
      hardware === "npu" ? "NPU" : hardware === "cpu" ? "CPU" : (hardware ?? "any"),
    queueHeading: "Queue",
    queueLead: "Jobs waiting for a runner and jobs running now.",
    queueEmpty: "Nothing is queued or running.",
    recentHeading: "Recent jobs",
    recentEmpty: "No job has finished yet.",
    columnJob: "Job",
    columnKind: "Kind",
    columnState: "State",
    columnNeeds: "Needs",
    columnQueued: "Queued",
    columnWhy: "Waiting because / runner",
    columnFinished: "Finished",
    columnDuration: "Duration",
    onRunner: (name) => `on ${name}`,
    npuCount: (n) => `${n} NPU${n === 1 ? "" : "s"}`,
    diagnosticHeading: "Run a diagnostic job",
    diagnosticLead:
      "Run a script on a runner that matches the labels, e.g. npu-smi info as a health check. Only administrators can see its log.",
    fieldLabels: "Labels",
    fieldLabelsHint: "key=value pairs, comma-separated, e.g. hardware=npu,npu=910b.",
    fieldScript: "Script",
    fieldScriptHint: "Runs with bash -eo pipefail; the first failing command fails the job.",
    fieldImage: "Image (optional)",
    fieldImageHint: "Run the script in this image on a docker runner instead of on the host.",
    fieldNpus: "NPUs",
    fieldTimeout: "Timeout (seconds)",
    fieldTimeoutHint: "Up to 86400 (a day).",
    runJob: "Run job",
    queueing: "Queueing…",
    tokensHeading: "Registration tokens",
    tokensLead:
      "A runner trades a registration token for its own runner token once. Tokens expire and have a number of uses.",
    fieldDescription: "Description",
    fieldDescriptionHint: 'Where the runner goes, e.g. "ascend rack 3".',
    fieldUses: "Runners it may register",
    usesOne: "1",
    usesTen: "10",
    usesUnlimited: "unlimited",
    fieldExpires: "Expires after",
    expiresHour: "1 hour",
    expiresDay: "1 day",
    expiresWeek: "7 days",
    expiresNever: "never",
    createToken: "Create token",
    creatingToken: "Creating…",
    tokenCreated: "Token created. Copy it now: it will not be shown again.",
    tokenLabel: "Registration token",
    registerCommand: "Register a CPU runner (shell executor), on the runner host:",
    registerCommandNpu: "Or an Ascend NPU runner (docker executor; list its devices and chip):",
    registerThenRun: "Then start it, on the same host:",
    noTokens: "No registration tokens.",
    columnToken: "Token",
    columnDescription: "Description",
    columnUses: "Uses",
    columnExpires: "Expires",
    columnCreated: "Created",
    uses: (count, max) => (max === null ? `${count} (unlimited)` : `${count} of ${max}`),
    never: "never",
    tokenStatus: { active: "active", expired: "expired", revoked: "revoked", used_up: "used up" },
    revoke: "Revoke",
    revoking: "Revoking…",
    confirmRevoke: "Revoke this registration token? Runners already registered keep working.",
    jobTitle: (id) => `Job #${id}`,
    backToRunners: "Runners",
    factKind: "Kind",
    factState: "State",
    factRunner: "Runner",
    factAttempt: "Attempt",
    attemptOf: (attempt, max) => `${attempt} of ${max}`,
    factQueued: "Queued",
    factStarted: "Started",
    factFinished: "Finished",
    factDuration: "Duration",
    factExitCode: "Exit code",
    factLabels: "Labels",
    factNpus: "NPUs",
    factTimeout: "Timeout",
    factCreatedBy: "Started by",
    factRetryOf: "Retry of",
    factReason: "Why it ended",
    steps: "Steps",
    notYet: "not yet",
    none: "none",
    system: "the system",
    cancel: "Cancel",
    cancelling: "Cancelling…",
    cancelRequested: "Cancel requested; the runner stops the job at its next check-in.",
    waiting: "Waiting for a runner:",
    confirmCancel: "Cancel this job? A running job is stopped, processes and all.",
    retry: "Retry",
    retrying: "Queueing…",
    log: "Log",
    logLive: "live",
    logReconnecting: "reconnecting…",
    logEnded: "complete",
    logFailed: "The log stream was lost. Reload the page to see the rest.",
    logLost: "disconnected",
    logEmpty: "The job wrote no output.",
    logWaiting: "Waiting for output…",
    logHidden: (n) => `${n} earlier lines are not shown here; download the log to see everything.`,
    follow: "Follow",
    download: "Download",
    raw: "Raw",
    duration: durationEn,
    seconds: (n) => `${n} s`,
  },
  zh: {
    runners: "执行器",
    runnersLead:
      "执行器负责运行体验空间构建、模型 CI、镜像构建和诊断任务。任务会分配给在线、具备其全部标签且有足够空闲 NPU 的执行器。",
    states: {
      queued: "排队中",
      running: "运行中",
      succeeded: "成功",
      failed: "失败",
      cancelled: "已取消",
      timed_out: "超时",
      runner_lost: "执行器失联",
    },
    kinds: {
      "space-build": "体验空间构建",
      "space-run": "体验空间应用",
      "model-ci": "模型 CI",
      "image-build": "镜像构建",
      diagnostic: "诊断",
    },
    runnersHeading: "执行器",
    runnersSummary: (online, total) => `${total} 个中 ${online} 个在线`,
    noRunners: "暂无执行器",
    noRunnersHint:
      "请在下方创建注册令牌，然后在带 NPU 的机器（CPU 任务可用任意机器）上注册执行器。",
    columnRunner: "执行器",
    columnStatus: "状态",
    columnLabels: "标签",
    columnExecutor: "执行方式",
    columnNpus: "NPU",
    columnCurrentJobs: "当前任务",
    columnLastSeen: "最近在线",
    columnVersion: "版本",
    online: "在线",
    offline: "离线",
    embedded: "内置",
    slots: (running, capacity) => `${capacity} 个槽位中 ${running} 个在用`,
    noNpus: "无",
    npusUsedFree: (used, free) => `已用 ${used} · 空闲 ${free}`,
    npuUsed: "在用",
    npuFree: "空闲",
    idle: "空闲",
    remove: "移除",
    removing: "正在移除…",
    confirmRemove: (name) =>
      `确定移除执行器 ${name}？其令牌将立即失效；它正在运行的任务会在租约到期后重新排队或失败。`,
    spacesHeading: "体验空间应用",
    spacesLead:
      "执行器当前承载的每个体验空间应用（启动中、运行中或停止中）及其占用的 NPU。已暂停或休眠的体验空间不占用任何资源。",
    spacesSummary: (count, npus) => `${count} 个应用 · 占用 ${npus} 个 NPU`,
    noSpaces: "没有正在运行的体验空间应用",
    noSpacesHint:
      "体验空间构建成功后，其应用会在相应硬件的执行器上启动。NPU 体验空间需要使用 --npus 注册的执行器；无人访问的应用会休眠并释放执行器。",
    columnSpace: "体验空间",
    columnHardware: "硬件",
    columnStarted: "启动时间",
    columnEndpoint: "访问地址",
    spaceStates: { starting: "启动中", running: "运行中", stopping: "停止中" },
    hardwareNames: (hardware) =>
      hardware === "npu" ? "NPU" : hardware === "cpu" ? "CPU" : (hardware ?? "任意"),
    queueHeading: "队列",
    queueLead: "等待执行器的任务和正在运行的任务。",
    queueEmpty: "没有排队或运行中的任务。",
    recentHeading: "最近的任务",
    recentEmpty: "还没有已结束的任务。",
    columnJob: "任务",
    columnKind: "类型",
    columnState: "状态",
    columnNeeds: "需求",
    columnQueued: "排队时间",
    columnWhy: "等待原因 / 执行器",
    columnFinished: "结束时间",
    columnDuration: "耗时",
    onRunner: (name) => `运行于 ${name}`,
    npuCount: (n) => `${n} 个 NPU`,
    diagnosticHeading: "运行诊断任务",
    diagnosticLead:
      "在匹配标签的执行器上运行脚本，例如用 npu-smi info 做健康检查。只有管理员可以查看其日志。",
    fieldLabels: "标签",
    fieldLabelsHint: "以逗号分隔的 key=value，例如 hardware=npu,npu=910b。",
    fieldScript: "脚本",
    fieldScriptHint: "以 bash -eo pipefail 运行；任一命令失败即任务失败。",
    fieldImage: "镜像（可选）",
    fieldImageHint: "在 docker 执行器上于该镜像中运行脚本，而不是直接在主机上运行。",
    fieldNpus: "NPU 数量",
    fieldTimeout: "超时（秒）",
    fieldTimeoutHint: "最多 86400（一天）。",
    runJob: "运行任务",
    queueing: "正在排队…",
    tokensHeading: "注册令牌",
    tokensLead: "执行器用注册令牌换取自己的执行器令牌（仅一次）。注册令牌有有效期和使用次数。",
    fieldDescription: "说明",
    fieldDescriptionHint: "执行器所在位置，例如“昇腾 3 号机柜”。",
    fieldUses: "可注册的执行器数",
    usesOne: "1",
    usesTen: "10",
    usesUnlimited: "不限",
    fieldExpires: "有效期",
    expiresHour: "1 小时",
    expiresDay: "1 天",
    expiresWeek: "7 天",
    expiresNever: "永久",
    createToken: "创建令牌",
    creatingToken: "正在创建…",
    tokenCreated: "令牌已创建。请立即复制：它不会再次显示。",
    tokenLabel: "注册令牌",
    registerCommand: "在执行器主机上注册 CPU 执行器（shell 方式）：",
    registerCommandNpu: "或注册昇腾 NPU 执行器（docker 方式；按实际填写设备号和芯片）：",
    registerThenRun: "然后在同一台主机上启动它：",
    noTokens: "暂无注册令牌。",
    columnToken: "令牌",
    columnDescription: "说明",
    columnUses: "使用次数",
    columnExpires: "到期",
    columnCreated: "创建时间",
    uses: (count, max) => (max === null ? `${count}（不限）` : `${count} / ${max}`),
    never: "永不",
    tokenStatus: { active: "有效", expired: "已过期", revoked: "已撤销", used_up: "已用完" },
    revoke: "撤销",
    revoking: "正在撤销…",
    confirmRevoke: "确定撤销该注册令牌？已注册的执行器不受影响。",
    jobTitle: (id) => `任务 #${id}`,
    backToRunners: "执行器",
    factKind: "类型",
    factState: "状态",
    factRunner: "执行器",
    factAttempt: "尝试",
    attemptOf: (attempt, max) => `第 ${attempt} 次，共 ${max} 次`,
    factQueued: "排队时间",
    factStarted: "开始时间",
    factFinished: "结束时间",
    factDuration: "耗时",
    factExitCode: "退出码",
    factLabels: "标签",
    factNpus: "NPU",
    factTimeout: "超时",
    factCreatedBy: "发起人",
    factRetryOf: "重试自",
    factReason: "结束原因",
    steps: "步骤",
    notYet: "尚未",
    none: "无",
    system: "系统",
    cancel: "取消",
    cancelling: "正在取消…",
    cancelRequested: "已请求取消；执行器会在下次上报时停止任务。",
    waiting: "等待执行器：",
    confirmCancel: "确定取消该任务？运行中的任务及其所有进程都会被停止。",
    retry: "重试",
    retrying: "正在排队…",
    log: "日志",
    logLive: "实时",
    logReconnecting: "正在重连…",
    logEnded: "已完成",
    logFailed: "日志流已中断。请刷新页面查看其余内容。",
    logLost: "已断开",
    logEmpty: "该任务没有输出。",
    logWaiting: "等待输出…",
    logHidden: (n) => `此处未显示之前的 ${n} 行；下载日志可查看全部内容。`,
    follow: "跟随",
    download: "下载",
    raw: "原始文本",
    duration: durationZh,
    seconds: (n) => `${n} 秒`,
  },
});

export type JobStrings = Strings;
