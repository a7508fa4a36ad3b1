import { defineStrings } from "@/lib/i18n/strings";

export const homeStrings = defineStrings({
  en: {
    title: "The hub for AI models on Ascend and beyond",
    lead: "Host models and datasets with git and LFS, build Spaces from ready-made environments, pick container images layered OS → Python → CANN → framework → openMind, and check that models run with model CI on NPU runners.",
    getStarted: "Create an account",
    browseModels: "Browse models",
    stackTitle: "Environments are layered images",
    stackLead:
      "Spaces and model CI never ask you to describe an environment: they select one of these images.",
    layers: ["Operating system", "Python", "CANN", "PyTorch / MindSpore", "openMind"],
    popular: { model: "Popular models", dataset: "Popular datasets", space: "Popular Spaces" },
    recent: { model: "New models", dataset: "New datasets", space: "New Spaces" },
    empty: { model: "No models yet", dataset: "No datasets yet", space: "No Spaces yet" },
    emptyHint: {
      model:
        "Create a model repository and upload weights in the browser, with git, or with huggingface_hub.",
      dataset: "Create a dataset repository and upload CSV, JSON or Parquet files.",
      space: "Create a Space from a static page, a Gradio app or a Dockerfile.",
    },
  },
  zh: {
    title: "面向昇腾及更多硬件的 AI 模型社区",
    lead: "用 git 与 LFS 托管模型和数据集，基于现成环境构建体验空间，从按 操作系统 → Python → CANN → 框架 → openMind 分层的镜像中挑选容器环境，并在 NPU 执行器上用模型 CI 验证模型可用性。",
    getStarted: "创建账户",
    browseModels: "浏览模型",
    stackTitle: "环境即分层镜像",
    stackLead: "体验空间和模型 CI 无需描述环境，只需从这些镜像中选择一个。",
    layers: ["操作系统", "Python", "CANN", "PyTorch / MindSpore", "openMind"],
    popular: { model: "热门模型", dataset: "热门数据集", space: "热门体验空间" },
    recent: { model: "最新模型", dataset: "最新数据集", space: "最新体验空间" },
    empty: { model: "还没有模型", dataset: "还没有数据集", space: "还没有体验空间" },
    emptyHint: {
      model: "创建模型仓库，通过浏览器、git 或 huggingface_hub 上传权重。",
      dataset: "创建数据集仓库并上传 CSV、JSON 或 Parquet 文件。",
      space: "用静态页面、Gradio 应用或 Dockerfile 创建体验空间。",
    },
  },
});
