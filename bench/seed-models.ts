// Seeds a throw-away data dir with many models for the search bench: owners, models with card
// labels, tags, likes, downloads and search text, written straight into the tables the indexer
// fills (no git repositories: lists and search read only the database).
//   STRATA_DATA_DIR=DIR npx tsx --conditions=react-server bench/seed-models.ts [--models 100000]
// Deterministic (a fixed seed), so two runs give the same data set.
import Database from "better-sqlite3";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    models: { type: "string", default: "100000" },
    owners: { type: "string", default: "4000" },
  },
});
if (!process.env.STRATA_DATA_DIR) {
  console.error("Set STRATA_DATA_DIR to a throw-away directory.");
  process.exit(64);
}
const modelCount = Number(values.models);
const ownerCount = Number(values.owners);

const { migrateDatabase, closeDatabase, databaseFile } = await import("@/db/client");
migrateDatabase();
closeDatabase();

// mulberry32: small, fast and reproducible.
let state = 0x5eed;
function random(): number {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** Popular values first: index i is chosen with weight 1/(i+1), as labels on a real hub are. */
function zipf<T>(list: readonly T[]): T {
  const total = list.reduce((s, _, i) => s + 1 / (i + 1), 0);
  let r = random() * total;
  for (let i = 0; i < list.length; i++) {
    r -= 1 / (i + 1);
    if (r <= 0) return list[i]!;
  }
  return list[list.length - 1]!;
}
const some = <T>(list: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => zipf(list))),
];

const tasks = [
  "text-generation",
  "text-classification",
  "image-classification",
  "automatic-speech-recognition",
  "token-classification",
  "fill-mask",
  "text-to-image",
  "translation",
  "summarization",
  "feature-extraction",
  "question-answering",
  "object-detection",
  "image-segmentation",
  "text-to-speech",
  "sentence-similarity",
  "zero-shot-classification",
];
const libraries = [
  "transformers",
  "mindspore",
  "diffusers",
  "sentence-transformers",
  "timm",
  "peft",
  "gguf",
  "onnx",
  "paddlenlp",
  "openmind",
];
const frameworks = ["pytorch", "mindspore", "tensorflow", "jax", "onnx", "paddlepaddle"];
const hardware = ["npu", "gpu", "cpu", "ascend-910b", "ascend-310p"];
const licenses = [
  "apache-2.0",
  "mit",
  "other",
  "cc-by-4.0",
  "llama3",
  "openrail",
  "bsd-3-clause",
  "gpl-3.0",
  "cc-by-nc-4.0",
  "afl-3.0",
];
const languages = [
  "en",
  "zh",
  "multilingual",
  "fr",
  "de",
  "es",
  "ja",
  "ko",
  "ru",
  "ar",
  "pt",
  "it",
];
const datasets = [
  "wikipedia",
  "c4",
  "imagenet-1k",
  "common_voice",
  "squad",
  "glue",
  "coco",
  "laion",
  "openwebtext",
  "alpaca",
  "mmlu",
  "ceval",
];
const tagWords = [
  "chat",
  "lora",
  "quantized",
  "int8",
  "int4",
  "instruct",
  "conversational",
  "vision",
  "audio",
  "medical",
  "legal",
  "finance",
  "code",
  "math",
  "reasoning",
  "rlhf",
  "distilled",
  "merged",
  "embedding",
  "ocr",
];
const nameWords = [
  "llama",
  "qwen",
  "glm",
  "bert",
  "roberta",
  "whisper",
  "vit",
  "resnet",
  "yolo",
  "stable",
  "diffusion",
  "mistral",
  "baichuan",
  "internlm",
  "t5",
  "bart",
  "clip",
  "sam",
  "deepseek",
  "phi",
  "gemma",
  "pangu",
  "wav2vec",
  "electra",
  "deberta",
  "mobilenet",
  "swin",
  "detr",
];
const suffixes = [
  "base",
  "large",
  "small",
  "tiny",
  "7b",
  "13b",
  "1.5b",
  "chat",
  "instruct",
  "v2",
  "v3",
  "finetuned",
  "int4",
  "lora",
  "zh",
  "en",
  "ascend",
  "gguf",
];
const prose = (
  "This model is a fine-tuned version of the base checkpoint on a curated dataset. " +
  "It achieves competitive results on the evaluation set and runs on Ascend NPUs with MindSpore or PyTorch. " +
  "Intended uses include research and prototyping; it is not suitable for safety-critical decisions. " +
  "Training used a learning rate of 2e-5, batch size 32, cosine schedule, mixed precision and 3 epochs. " +
  "Limitations: the model may reproduce biases found in its training data and may hallucinate facts. " +
  "本模型在昇腾 NPU 上完成训练与推理验证，适用于中文与英文场景。 " +
  "Evaluation covers accuracy, F1, BLEU and latency on a single device with batch size one. " +
  "To load it, use the pipeline API with the repository id and trust the default configuration. "
).split(". ");

function card(name: string, task: string, library: string): string {
  const parts = [`# ${name}`, "", `A ${task} model for ${library}.`, ""];
  const paragraphs = 2 + Math.floor(random() * 6);
  for (let p = 0; p < paragraphs; p++) {
    parts.push(
      `## ${zipf(["Model description", "Training", "Evaluation", "Usage", "Limitations", "Citation"])}`,
    );
    parts.push(
      Array.from({ length: 2 + Math.floor(random() * 4) }, () => zipf(prose)).join(". ") + ".",
    );
    if (random() < 0.3)
      parts.push(
        '```python\nfrom transformers import pipeline\npipe = pipeline("' +
          task +
          '", model="' +
          name +
          '")\n```',
      );
  }
  return parts.join("\n");
}

const db = new Database(databaseFile());
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
const insertOwner = db.prepare("INSERT INTO owners (name, kind, created_at) VALUES (?, ?, ?)");
const insertUser = db.prepare(
  "INSERT INTO users (id, email, is_admin, created_at) VALUES (?, ?, 0, ?)",
);
const insertRepo =
  db.prepare(`INSERT INTO repos (type, owner_id, name, is_private, description, license,
  pipeline_tag, library_name, tags, frameworks, hardware, head_commit, likes, downloads, created_at, updated_at)
  VALUES ('model', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const insertLabel = db.prepare(
  "INSERT OR IGNORE INTO repo_labels (repo_id, facet, value) VALUES (?, ?, ?)",
);
const insertSearch = db.prepare(
  "INSERT INTO repo_search (rowid, name, owner, description, card, tags) VALUES (?, ?, ?, ?, ?, ?)",
);

const started = Date.now();
const now = Date.now();
const year = 365 * 24 * 3600 * 1000;
const ownerIds: { id: number; name: string }[] = [];
db.transaction(() => {
  for (let i = 0; i < ownerCount; i++) {
    const name = `${zipf(nameWords)}-lab-${i}`;
    const kind = i % 10 === 0 ? "org" : "user";
    const id = Number(insertOwner.run(name, kind, now - year).lastInsertRowid);
    if (kind === "user") insertUser.run(id, `${name}@example.com`, now - year);
    ownerIds.push({ id, name });
  }
})();

const batch = 5000;
for (let start = 0; start < modelCount; start += batch) {
  db.transaction(() => {
    for (let i = start; i < Math.min(modelCount, start + batch); i++) {
      // A few owners have many models, most have a handful.
      const owner = ownerIds[Math.floor(ownerIds.length * random() ** 3)]!;
      const name = `${zipf(nameWords)}-${zipf(suffixes)}-${i}`;
      const task = zipf(tasks);
      const library = zipf(libraries);
      const fw = some(frameworks, 2);
      const hw = some(hardware, 2);
      const license = zipf(licenses);
      const langs = some(languages, 3);
      const data = some(datasets, 2);
      const tags = some(tagWords, 4);
      const allTags = [
        ...new Set([
          task,
          library,
          ...fw,
          ...hw,
          `license:${license}`,
          ...langs,
          ...data.map((d) => `dataset:${d}`),
          ...tags,
        ]),
      ];
      const created = now - Math.floor(random() * year);
      const updated = created + Math.floor(random() * (now - created));
      const description =
        random() < 0.6 ? `${task.replace(/-/g, " ")} model based on ${name.split("-")[0]}` : null;
      const likes = Math.floor(1 / (random() + 0.0005)) - 1;
      const downloads = Math.floor(likes * 40 * random() + random() * 100);
      const id = Number(
        insertRepo.run(
          owner.id,
          name,
          random() < 0.05 ? 1 : 0,
          description,
          license,
          task,
          library,
          JSON.stringify(allTags),
          JSON.stringify(fw),
          JSON.stringify(hw),
          "0".repeat(40),
          likes,
          downloads,
          created,
          updated,
        ).lastInsertRowid,
      );
      const labels: [string, string][] = [
        ["task", task],
        ["library", library],
        ["license", license],
        ...fw.map((v) => ["framework", v] as [string, string]),
        ...hw.map((v) => ["hardware", v] as [string, string]),
        ...langs.map((v) => ["language", v] as [string, string]),
        ...data.map((v) => ["dataset", v] as [string, string]),
        ...tags.map((v) => ["tag", v] as [string, string]),
      ];
      for (const [facet, value] of labels) insertLabel.run(id, facet, value);
      insertSearch.run(
        id,
        name,
        owner.name,
        description ?? "",
        card(name, task, library),
        allTags.join(" "),
      );
    }
  })();
  process.stdout.write(`\r${Math.min(modelCount, start + batch)} models`);
}
db.pragma("optimize");
db.exec("ANALYZE");
db.close();
console.log(
  `\nseeded ${modelCount} models and ${ownerCount} owners in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
