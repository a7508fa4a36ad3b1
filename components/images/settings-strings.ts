import { defineStrings } from "@/lib/i18n/strings";

export const imageSettingsStrings = defineStrings({
  en: {
    settings: "Settings",
    title: (id: string) => `Settings · ${id}`,
    backToRepository: "Back to the repository",
    description: "Description",
    descriptionHint:
      "Shown in the image center's lists and on the repository page (at most 2000 characters).",
    save: "Save",
    saved: "Saved.",
    visibility: "Visibility",
    public: "Public",
    publicHint: "Anyone can see it in the image center and pull it without signing in.",
    private: "Private",
    privateHint: {
      user: "Only you (and site administrators) can see and pull it.",
      org: "Only members of the organisation can see and pull it.",
    },
    visibilitySaved: "Visibility changed.",
    tags: "Tags",
    tagsHint:
      "Deleting a tag stops pulls by that tag; the image stays pullable by digest until its manifest is deleted, and garbage collection frees what nothing references.",
    noTags: "This repository has no tags.",
    deleteTag: (tag: string) => `Delete tag ${tag}`,
    confirmDeleteTag: (tag: string) => `Delete the tag ${tag}? Pulls by this tag will fail.`,
    tagDeleted: (tag: string) => `Tag ${tag} deleted.`,
    danger: "Delete this repository",
    dangerHint:
      "Its manifests and tags are removed from the registry: pulls fail, and the name can be pushed again. This cannot be undone.",
    confirmLabel: (id: string) => `Type ${id} to confirm`,
    delete: "Delete repository",
    deleting: "Deleting…",
  },
  zh: {
    settings: "设置",
    title: (id: string) => `设置 · ${id}`,
    backToRepository: "返回仓库",
    description: "描述",
    descriptionHint: "显示在镜像中心的列表和仓库页面上（最多 2000 个字符）。",
    save: "保存",
    saved: "已保存。",
    visibility: "可见性",
    public: "公开",
    publicHint: "任何人都可以在镜像中心看到它，并且无需登录即可拉取。",
    private: "私有",
    privateHint: {
      user: "只有你（以及站点管理员）可以查看和拉取。",
      org: "只有组织成员可以查看和拉取。",
    },
    visibilitySaved: "可见性已更改。",
    tags: "标签",
    tagsHint:
      "删除标签后将无法再按该标签拉取；在清单被删除之前，仍可按摘要拉取该镜像，垃圾回收会释放不再被引用的数据。",
    noTags: "此仓库没有标签。",
    deleteTag: (tag: string) => `删除标签 ${tag}`,
    confirmDeleteTag: (tag: string) => `确定删除标签 ${tag} 吗？按此标签拉取将会失败。`,
    tagDeleted: (tag: string) => `标签 ${tag} 已删除。`,
    danger: "删除此仓库",
    dangerHint:
      "其清单和标签将从镜像仓库中删除：拉取会失败，且该名称可以重新推送。此操作无法撤销。",
    confirmLabel: (id: string) => `输入 ${id} 以确认`,
    delete: "删除仓库",
    deleting: "删除中…",
  },
});
