import { defineStrings } from "@/lib/i18n/strings";

export const datasetsUsedStrings = defineStrings({
  en: { title: "Datasets used to train this model" },
  zh: { title: "训练此模型使用的数据集" },
});
