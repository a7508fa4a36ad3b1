import { describe, expect, it } from "vitest";

import { ascendDockerFlags } from "@/lib/runtime/ascend";

import { dockerRunCommand, pullCommands, registryHost } from "./pull-commands";

describe("pull commands", () => {
  const tag = "ubuntu-python3.9-cann8.0.rc2.beta1";

  it("lists this hub (when it holds the tag) and every registry that carries it", () => {
    const commands = pullCommands({
      hubHost: "hub.example.com",
      namespace: "base_image",
      name: "cann",
      tag,
      sources: ["quay.io/ascend", "docker.io/ascendai", "registry.modelers.cn"],
      availableLocally: true,
    });
    expect(commands.map((c) => c.command)).toEqual([
      `docker pull hub.example.com/base_image/cann:${tag}`,
      `docker pull quay.io/ascend/cann:${tag}`,
      `docker pull ascendai/cann:${tag}`,
      `docker pull registry.modelers.cn/base_image/cann:${tag}`,
    ]);
    expect(commands.map((c) => c.registry)).toEqual([
      "hub",
      "quay.io/ascend",
      "docker.io/ascendai",
      "registry.modelers.cn",
    ]);
    expect(
      pullCommands({
        hubHost: "h",
        namespace: "base_image",
        name: "cann",
        tag,
        sources: [],
        availableLocally: false,
      }),
    ).toEqual([]);
  });

  it("takes the registry host from the public URL", () => {
    expect(registryHost("https://hub.example.com")).toBe("hub.example.com");
    expect(registryHost("http://localhost:3000")).toBe("localhost:3000");
  });
});

describe("docker run", () => {
  it("gives an NPU image the Ascend devices and driver mounts of the CANN quick start", () => {
    expect(dockerRunCommand({ reference: "quay.io/ascend/cann:x", hardware: "npu" })).toBe(
      [
        "docker run",
        "  --rm",
        "  -it",
        "  --device /dev/davinci0",
        "  --device /dev/davinci_manager",
        "  --device /dev/devmm_svm",
        "  --device /dev/hisi_hdc",
        "  -v /usr/local/dcmi:/usr/local/dcmi",
        "  -v /usr/local/bin/npu-smi:/usr/local/bin/npu-smi",
        "  -v /usr/local/Ascend/driver/lib64/:/usr/local/Ascend/driver/lib64/",
        "  -v /usr/local/Ascend/driver/version.info:/usr/local/Ascend/driver/version.info",
        "  -v /etc/ascend_install.info:/etc/ascend_install.info",
        "  quay.io/ascend/cann:x bash",
      ].join(" \\\n"),
    );
  });

  it("runs a CPU image plainly, and an NPU one on the chips asked for", () => {
    expect(dockerRunCommand({ reference: "img:1", hardware: "cpu" })).toBe(
      "docker run \\\n  --rm \\\n  -it \\\n  img:1 bash",
    );
    expect(ascendDockerFlags([2, 3]).slice(0, 3)).toEqual([
      "--device /dev/davinci2",
      "--device /dev/davinci3",
      "--device /dev/davinci_manager",
    ]);
  });
});
