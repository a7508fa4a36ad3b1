import { defineStrings } from "@/lib/i18n/strings";

export const modelSidebarStrings = defineStrings({
  en: {
    label: "About this model",
    downloads: "Downloads last month",
    chart: (total: string) => `Downloads per day over the last 30 days, ${total} in all`,
    noDownloads: "No downloads in the last 30 days.",
    modelSize: "Model size",
    parameters: (count: string) => `${count} params`,
    tensorTypes: "Tensor type",
    repoSize: "Files",
  },
  zh: {
    label: "关于此模型",
    downloads: "近一个月下载量",
    chart: (total: string) => `近 30 天每日下载量，共 ${total}`,
    noDownloads: "近 30 天没有下载。",
    modelSize: "模型大小",
    parameters: (count: string) => `${count} 参数`,
    tensorTypes: "张量类型",
    repoSize: "文件",
  },
});
