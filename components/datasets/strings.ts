import { defineStrings } from "@/lib/i18n/strings";

export const datasetViewerStrings = defineStrings({
  en: {
    title: "Dataset viewer",
    splits: "Splits",
    split: (name: string) =>
      ({ train: "Train", validation: "Validation", test: "Test" })[name] ?? name,
    files: (n: number) => (n === 1 ? "1 file" : `${n} files`),
    rowsOf: (from: number, to: number, total: number, partial: boolean) =>
      `Rows ${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${total.toLocaleString("en")}${partial ? "+" : ""}`,
    noRows: "This split has no rows.",
    rowIndex: "Row",
    pagination: "Rows pages",
    previous: "Previous",
    next: "Next",
    pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
    tooLarge: "This file is too large to preview here; download it to read it.",
    unreadable: "This file could not be read as a table.",
    truncated: "Cut short in the preview",
  },
  zh: {
    title: "数据集预览",
    splits: "数据划分",
    split: (name: string) =>
      ({ train: "训练集", validation: "验证集", test: "测试集" })[name] ?? name,
    files: (n: number) => `${n} 个文件`,
    rowsOf: (from: number, to: number, total: number, partial: boolean) =>
      `第 ${from.toLocaleString("zh")}–${to.toLocaleString("zh")} 行，共 ${total.toLocaleString("zh")}${partial ? "+" : ""} 行`,
    noRows: "此划分没有数据行。",
    rowIndex: "行",
    pagination: "数据分页",
    previous: "上一页",
    next: "下一页",
    pageOf: (page: number, count: number) => `第 ${page} / ${count} 页`,
    tooLarge: "此文件太大，无法在此预览；请下载后查看。",
    unreadable: "无法将此文件读取为表格。",
    truncated: "预览中已截断",
  },
});
