// The demo models and datasets of a fresh install: small, real files (configs, tokenizer settings,
// cards with labels, an inference script that follows the model-CI contract, CSV data).

import type { HostedRepoType } from "@/lib/repos/kinds";

export type DemoRepo = {
  type: HostedRepoType;
  owner: string;
  name: string;
  description: string;
  files: Record<string, string>;
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const inferenceScript = (
  task: string,
  prompt: string,
) => `"""Model CI entry point: python examples/inference.py --model_name_or_path <snapshot dir>."""
import argparse

from openmind import pipeline


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", required=True, help="local snapshot of this repository")
    args = parser.parse_args()
    pipe = pipeline("${task}", model=args.model_name_or_path, device="npu:0", trust_remote_code=True)
    print(pipe(${JSON.stringify(prompt)}))


if __name__ == "__main__":
    main()
`;

const chatCard = `---
license: apache-2.0
pipeline_tag: text-generation
library_name: openmind
frameworks:
  - PyTorch
hardwares:
  - NPU
language:
  - zh
  - en
tags:
  - chat
  - demo
datasets:
  - openmind/alpaca-zh-mini
---

# chat-tiny-zh

A tiny bilingual chat model configuration for trying the hub: the files are real (config,
tokenizer settings, generation defaults and an inference script), the weights are left out.

## How to use

\`\`\`python
from openmind import pipeline

pipe = pipeline("text-generation", model="openmind/chat-tiny-zh", framework="pt", device="npu:0")
print(pipe("你好，请介绍一下昇腾。"))
\`\`\`

| setting | value |
|---|---|
| layers | 4 |
| hidden size | 256 |
| context | 2048 tokens |

Model CI runs [examples/inference.py](examples/inference.py) on an NPU runner.
`;

const resnetCard = `---
license: apache-2.0
pipeline_tag: image-classification
library_name: mindspore
frameworks: [MindSpore]
hardwares: [NPU]
tags: [vision, imagenet]
datasets:
  - ascend/flowers-mini
---

# resnet50-flowers

ResNet-50 configuration for flower classification with MindSpore on Ascend NPUs (weights not
included in the demo).

\`\`\`python
from openmind import pipeline

classifier = pipeline("image-classification", model="ascend/resnet50-flowers", framework="ms")
\`\`\`

See [the labels](config.json) for the five classes.
`;

const nerCard = `---
license: mit
pipeline_tag: token-classification
library_name: transformers
frameworks: [PyTorch]
hardwares: [NPU, GPU]
language: [zh]
base_model: openmind/chat-tiny-zh
---

# bert-tiny-zh-ner

A small Chinese named-entity tagger configuration (PER, ORG, LOC).
`;

/** The CPU model-CI environment the lexicon demo runs in (the embedded runner of `npm run up`). */
export const demoCiEnvironment =
  "base_image/openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0";

// A model small enough to run anywhere: a word list and a scoring rule, with an inference script
// that needs nothing but Python's standard library. Its card asks for CI on every push, so the
// seed's own commit starts a real run.
const lexiconCard = `---
license: apache-2.0
pipeline_tag: text-classification
hardwares: [CPU]
language: [zh, en]
tags: [sentiment, demo]
ci:
  on: push
  environments:
    - ${demoCiEnvironment}
---

# lexicon-sentiment

A word-list sentiment classifier: [lexicon.json](lexicon.json) gives each word a score, a
sentence is positive when its words add up above zero. No weights and no framework, so Model CI
can run [examples/inference.py](examples/inference.py) on any CPU runner; see the CI tab for the
results of every push.
`;

const lexiconInference = `"""Model CI entry point: python examples/inference.py --model_name_or_path <snapshot dir>."""
import argparse
import json
import os
import platform
import re
import sys

EXAMPLES = [
    ("The new release is fast and reliable", "positive"),
    ("这个模型很好用", "positive"),
    ("The download was slow and broken", "negative"),
]


def classify(lexicon, text):
    words = re.findall(r"[a-z]+|[\u4e00-\u9fff]{2}", text.lower())
    score = sum(lexicon.get(word, 0) for word in words)
    return ("positive" if score > 0 else "negative"), score


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name_or_path", required=True, help="local snapshot of this repository")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}")
    with open(os.path.join(args.model_name_or_path, "lexicon.json"), encoding="utf-8") as f:
        lexicon = json.load(f)
    wrong = 0
    for text, expected in EXAMPLES:
        label, score = classify(lexicon, text)
        ok = label == expected
        wrong += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {label:8} {score:+d}  {text}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
`;

const alpacaCard = `---
license: cc-by-4.0
task_categories: [text-generation]
language: [zh]
size_categories: [n<1K]
pretty_name: Alpaca zh mini
---

# alpaca-zh-mini

Eight instruction-following examples in Chinese, in the Alpaca format, for trying fine-tuning
scripts end to end.

\`\`\`python
from datasets import load_dataset
import openmind_datasets

data = load_dataset("openmind/alpaca-zh-mini")
\`\`\`
`;

const alpacaCsv = `instruction,input,output
介绍一下昇腾处理器。,,昇腾是华为面向 AI 计算的处理器系列，提供训练和推理算力。
把下面的句子翻译成英文。,今天天气很好。,The weather is nice today.
列出三种常见的深度学习框架。,,PyTorch、MindSpore 和 TensorFlow。
总结下面的内容。,CANN 是昇腾的异构计算架构，向上支持多种 AI 框架。,CANN 连接 AI 框架与昇腾硬件。
写一句关于春天的诗。,,春风又绿江南岸。
计算 12 乘以 8。,,96
解释什么是模型量化。,,量化用低精度数值表示权重和激活，以减少显存和提高推理速度。
给出一个 Python 列表推导式的例子。,,"[x * x for x in range(10)]"
`;

const flowersCard = `---
license: cc-by-4.0
task_categories: [image-classification]
size_categories: [n<1K]
pretty_name: Flowers mini
---

# flowers-mini

File names and labels of a small flower classification split (images not included in the demo).
`;

const flowersCsv = `filename,label
daisy/0001.jpg,daisy
daisy/0002.jpg,daisy
dandelion/0001.jpg,dandelion
roses/0001.jpg,roses
sunflowers/0001.jpg,sunflowers
tulips/0001.jpg,tulips
`;

export const demoRepos: DemoRepo[] = [
  {
    type: "model",
    owner: "openmind",
    name: "chat-tiny-zh",
    description: "A tiny bilingual chat model configuration for NPU demos.",
    files: {
      "README.md": chatCard,
      "config.json": json({
        architectures: ["LlamaForCausalLM"],
        model_type: "llama",
        hidden_size: 256,
        intermediate_size: 688,
        num_hidden_layers: 4,
        num_attention_heads: 8,
        max_position_embeddings: 2048,
        vocab_size: 32000,
        torch_dtype: "bfloat16",
      }),
      "generation_config.json": json({
        do_sample: true,
        temperature: 0.7,
        top_p: 0.9,
        max_new_tokens: 256,
        bos_token_id: 1,
        eos_token_id: 2,
      }),
      "tokenizer_config.json": json({
        tokenizer_class: "LlamaTokenizer",
        bos_token: "<s>",
        eos_token: "</s>",
        unk_token: "<unk>",
        model_max_length: 2048,
        padding_side: "left",
      }),
      "special_tokens_map.json": json({ bos_token: "<s>", eos_token: "</s>", unk_token: "<unk>" }),
      "examples/inference.py": inferenceScript("text-generation", "你好，请介绍一下昇腾。"),
      "examples/requirements.txt": "sentencepiece>=0.1.99\n",
    },
  },
  {
    type: "model",
    owner: "ascend",
    name: "resnet50-flowers",
    description: "ResNet-50 flower classifier configuration for MindSpore on Ascend.",
    files: {
      "README.md": resnetCard,
      "config.json": json({
        architecture: "resnet50",
        num_classes: 5,
        image_size: 224,
        labels: ["daisy", "dandelion", "roses", "sunflowers", "tulips"],
      }),
      "preprocessor_config.json": json({
        resize: 256,
        crop_size: 224,
        mean: [0.485, 0.456, 0.406],
        std: [0.229, 0.224, 0.225],
      }),
      "examples/inference.py": inferenceScript("image-classification", "examples/daisy.jpg"),
    },
  },
  {
    type: "model",
    owner: "openmind",
    name: "bert-tiny-zh-ner",
    description: "A small Chinese named-entity tagger configuration.",
    files: {
      "README.md": nerCard,
      "config.json": json({
        architectures: ["BertForTokenClassification"],
        model_type: "bert",
        hidden_size: 128,
        num_hidden_layers: 2,
        id2label: {
          0: "O",
          1: "B-PER",
          2: "I-PER",
          3: "B-ORG",
          4: "I-ORG",
          5: "B-LOC",
          6: "I-LOC",
        },
      }),
      "tokenizer_config.json": json({
        tokenizer_class: "BertTokenizer",
        do_lower_case: false,
        model_max_length: 512,
      }),
      "examples/inference.py": inferenceScript(
        "token-classification",
        "华为在深圳发布了昇腾处理器。",
      ),
    },
  },
  {
    type: "model",
    owner: "openmind",
    name: "lexicon-sentiment",
    description: "A word-list sentiment classifier whose CI runs on any CPU runner.",
    files: {
      "README.md": lexiconCard,
      "lexicon.json": json({
        fast: 1,
        reliable: 2,
        good: 2,
        slow: -1,
        broken: -2,
        好用: 2,
        很好: 1,
        失败: -2,
      }),
      "examples/inference.py": lexiconInference,
    },
  },
  {
    type: "dataset",
    owner: "openmind",
    name: "alpaca-zh-mini",
    description: "Eight Chinese instruction-following examples in the Alpaca format.",
    files: { "README.md": alpacaCard, "data/train.csv": alpacaCsv },
  },
  {
    type: "dataset",
    owner: "ascend",
    name: "flowers-mini",
    description: "File names and labels of a small flower classification split.",
    files: { "README.md": flowersCard, "labels.csv": flowersCsv },
  },
];
