import { defineStrings } from "@/lib/i18n/strings";

export const spaceStrings = defineStrings({
  en: {
    title: "Spaces",
    lead: "Demo apps for models, built from an image in the image center and run on the hub's runners, with a docker run command to try them offline.",
    emptyTitle: "No Spaces yet",
    emptyHint:
      "Spaces are not open on this hub yet. The environments they will run on are already here: browse the Space-ready images, or host the model your demo will use.",
    spaceImages: "Space-ready images",
    newModel: "New model",
  },
  zh: {
    title: "体验空间",
    lead: "模型的演示应用：基于镜像中心的镜像构建，在社区的执行器上运行，并提供 docker run 命令用于离线体验。",
    emptyTitle: "还没有体验空间",
    emptyHint:
      "本社区尚未开放体验空间。它们将使用的运行环境已经就绪：可以浏览支持体验空间的镜像，或先托管演示要用的模型。",
    spaceImages: "支持体验空间的镜像",
    newModel: "新建模型",
  },
});
