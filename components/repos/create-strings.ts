import { defineStrings } from "@/lib/i18n/strings";

export const createStrings = defineStrings({
  en: {
    title: { model: "Create a model", dataset: "Create a dataset" },
    lead: {
      model:
        "A model is a git repository with LFS: upload weights in the browser, push with git, or use huggingface_hub.",
      dataset:
        "A dataset is a git repository with LFS for data files such as CSV, JSON or Parquet.",
    },
    owner: "Owner",
    ownerHint: "Yourself, or an organisation where you can write.",
    name: "Name",
    nameHint: "Letters, digits, '-', '_' and '.'; 1–96 characters, not starting with '.' or '-'.",
    license: "License",
    visibility: "Visibility",
    public: "Public",
    publicHint: "Anyone can see and download it.",
    private: "Private",
    privateHint: "Only you, or the organisation's members, can see it.",
    labels: "Card labels (optional)",
    labelsHint:
      "They fill the README's front matter, so lists can filter on them. Edit the card later to change them.",
    task: "Task",
    noTask: "None",
    frameworks: "Frameworks",
    hardware: "Hardware",
    description: "Short description (optional)",
    create: { model: "Create model", dataset: "Create dataset" },
    creating: "Creating…",
  },
  zh: {
    title: { model: "新建模型", dataset: "新建数据集" },
    lead: {
      model:
        "模型是一个带 LFS 的 git 仓库：可在浏览器中上传权重、用 git 推送，或使用 huggingface_hub。",
      dataset: "数据集是一个带 LFS 的 git 仓库，用于存放 CSV、JSON、Parquet 等数据文件。",
    },
    owner: "所有者",
    ownerHint: "你自己，或你有写权限的组织。",
    name: "名称",
    nameHint: "字母、数字、'-'、'_' 和 '.'；1–96 个字符，不能以 '.' 或 '-' 开头。",
    license: "许可证",
    visibility: "可见性",
    public: "公开",
    publicHint: "任何人都可以查看和下载。",
    private: "私有",
    privateHint: "只有你或组织成员可以查看。",
    labels: "卡片标签（可选）",
    labelsHint: "这些值会写入 README 的头信息，供列表筛选使用。之后可以编辑卡片修改。",
    task: "任务",
    noTask: "无",
    frameworks: "框架",
    hardware: "硬件",
    description: "简短描述（可选）",
    create: { model: "创建模型", dataset: "创建数据集" },
    creating: "创建中…",
  },
});
