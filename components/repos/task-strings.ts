import { defineStrings } from "@/lib/i18n/strings";

/**
 * Names of the common tasks in languages other than English (English names are derived from the
 * id, see taskLabel); a task without an entry keeps its English name.
 */
export const taskStrings = defineStrings<{ names: Partial<Record<string, string>> }>({
  en: { names: {} },
  zh: {
    names: {
      "text-generation": "文本生成",
      "text-classification": "文本分类",
      "token-classification": "词元分类",
      "question-answering": "问答",
      summarization: "文本摘要",
      translation: "翻译",
      "fill-mask": "掩码填充",
      "feature-extraction": "特征提取",
      "sentence-similarity": "句子相似度",
      "zero-shot-classification": "零样本分类",
      "text-to-image": "文生图",
      "image-to-text": "图生文",
      "image-classification": "图像分类",
      "object-detection": "目标检测",
      "image-segmentation": "图像分割",
      "visual-question-answering": "视觉问答",
      "automatic-speech-recognition": "自动语音识别",
      "text-to-speech": "语音合成",
      "audio-classification": "音频分类",
    },
  },
});
