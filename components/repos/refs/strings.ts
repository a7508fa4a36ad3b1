import { defineStrings } from "@/lib/i18n/strings";

export const refStrings = defineStrings({
  en: {
    title: "Branches and tags",
    manage: "Branches and tags",
    branches: "Branches",
    tags: "Tags",
    noTags: "No tags yet.",
    default: "default",
    create: "Create a branch or tag",
    createLead: "It points at the revision you choose; files and history stay as they are.",
    kind: "Kind",
    kinds: { branch: "Branch", tag: "Tag" },
    name: "Name",
    nameHint: "Letters, digits, '.', '_', '-' and '/'.",
    from: "From revision",
    fromHint: "A branch, a tag or a commit.",
    submit: "Create",
    creating: "Creating…",
    created: (kind: "branch" | "tag", name: string) =>
      `${kind === "branch" ? "Branch" : "Tag"} ${name} created.`,
    delete: "Delete",
    deleteLabel: (name: string) => `Delete ${name}`,
    confirmDelete: (kind: "branch" | "tag", name: string) =>
      `Delete the ${kind} ${name}? Its commits stay reachable from other branches only.`,
  },
  zh: {
    title: "分支与标签",
    manage: "分支与标签",
    branches: "分支",
    tags: "标签",
    noTags: "还没有标签。",
    default: "默认",
    create: "新建分支或标签",
    createLead: "它指向你选择的修订版本；文件与历史保持不变。",
    kind: "类型",
    kinds: { branch: "分支", tag: "标签" },
    name: "名称",
    nameHint: "可用字母、数字、'.'、'_'、'-' 和 '/'。",
    from: "起始修订版本",
    fromHint: "分支、标签或提交。",
    submit: "创建",
    creating: "创建中…",
    created: (kind: "branch" | "tag", name: string) =>
      `已创建${kind === "branch" ? "分支" : "标签"} ${name}。`,
    delete: "删除",
    deleteLabel: (name: string) => `删除 ${name}`,
    confirmDelete: (kind: "branch" | "tag", name: string) =>
      `删除${kind === "branch" ? "分支" : "标签"} ${name}？其提交只能再从其他分支访问。`,
  },
});
