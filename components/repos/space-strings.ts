import { defineStrings } from "@/lib/i18n/strings";

export const spaceAppStrings = defineStrings({
  en: {
    appFrame: (title: string) => `${title}: the Space's app`,
    openApp: "Open in a new tab",
    noAppTitle: "This Space has no SDK in its card",
    noAppHint: "Set `sdk: static`, `gradio` or `docker` in the README's front matter.",
    buildTitle: (sdk: string) => `A ${sdk} Space runs from an image built from its files`,
    buildHint:
      "Its files are ready below. Image builds run on runners with a builder; until one has built this Space, there is no app to show.",
    files: "Browse files",
  },
  zh: {
    appFrame: (title: string) => `${title}：体验空间应用`,
    openApp: "在新标签页打开",
    noAppTitle: "此体验空间的卡片未指定 SDK",
    noAppHint: "在 README 头信息中设置 `sdk: static`、`gradio` 或 `docker`。",
    buildTitle: (sdk: string) => `${sdk} 体验空间从其文件构建的镜像运行`,
    buildHint: "文件已就绪。镜像由带构建器的运行器构建；在构建完成之前，没有可显示的应用。",
    files: "浏览文件",
  },
});
