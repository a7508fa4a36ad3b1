// Client-safe: the licenses offered in forms (HF-style ids, as cards write them); others can be typed.
export const commonLicenses = [
  "apache-2.0",
  "mit",
  "bsd-3-clause",
  "bsd-2-clause",
  "gpl-3.0",
  "lgpl-3.0",
  "agpl-3.0",
  "mpl-2.0",
  "mulanpsl-2.0",
  "cc-by-4.0",
  "cc-by-sa-4.0",
  "cc-by-nc-4.0",
  "cc-by-nc-sa-4.0",
  "cc0-1.0",
  "openrail",
  "creativeml-openrail-m",
  "llama2",
  "llama3",
  "gemma",
  "other",
] as const;

/** Tasks offered when creating a repository (HF pipeline tags, as openMind uses them). */
export const commonTasks = [
  "text-generation",
  "text-classification",
  "token-classification",
  "question-answering",
  "summarization",
  "translation",
  "fill-mask",
  "feature-extraction",
  "sentence-similarity",
  "zero-shot-classification",
  "text-to-image",
  "image-to-text",
  "image-classification",
  "object-detection",
  "image-segmentation",
  "visual-question-answering",
  "automatic-speech-recognition",
  "text-to-speech",
  "audio-classification",
] as const;

export const commonFrameworks = ["PyTorch", "MindSpore", "PaddlePaddle"] as const;
export const commonHardware = ["NPU", "GPU", "CPU"] as const;
