// Client-safe: one Dockerfile template per layer, modelled on the Ascend build repositories
// (openmerlin/dockerfile: python → cann → {pytorch, mindspore}; Ascend/cann-container-image:
// multi-stage CANN install with the set_env.sh environment baked in). Pure functions of their input,
// so the same spec always yields the same text.
import type { FrameworkName } from "@/db/schema/image-enums";

import { header, install, note, osPackages as packages, run } from "./dockerfile-instructions";
import type { CannRelease, Chip, OsRelease, PytorchRelease } from "./spec";
import { osLabels } from "./stack";

export function pythonTemplate(input: {
  image: string;
  os: OsRelease;
  python: { version: string; patch: string };
}): string {
  const { os, python } = input;
  const home = `/usr/local/python${python.version}`;
  const src = `Python-${python.patch}`;
  return (
    [
      header(
        input.image,
        `Base layer: Python ${python.patch} on ${osLabels[os.os]} ${os.version}.`,
      ),
      `FROM ${os.baseImage} AS python-builder`,
      install(os.packageManager, [...packages.pythonBuild[os.packageManager]]),
      run([
        `curl -fsSL --retry 3 -o /tmp/${src}.tgz https://repo.huaweicloud.com/python/${python.patch}/${src}.tgz`,
        `tar -xzf /tmp/${src}.tgz -C /tmp`,
        `cd /tmp/${src}`,
        `./configure --prefix=${home} --enable-shared LDFLAGS="-Wl,-rpath,${home}/lib"`,
        `make -j"$(nproc)"`,
        `make altinstall`,
        `ln -sf python${python.version} ${home}/bin/python3`,
        `ln -sf python${python.version} ${home}/bin/python`,
        `ln -sf pip${python.version} ${home}/bin/pip3`,
        `ln -sf pip${python.version} ${home}/bin/pip`,
        `rm -rf /tmp/${src} /tmp/${src}.tgz`,
      ]),
      `FROM ${os.baseImage}`,
      install(os.packageManager, [...packages.pythonRuntime[os.packageManager]]),
      `COPY --from=python-builder ${home} ${home}\nENV PATH=${home}/bin:$PATH`,
      note(
        "Login shells reset PATH; keep Python on it there too. Then check the C extensions were built.",
        run([
          `echo 'export PATH=${home}/bin:$PATH' >> /etc/profile`,
          `python -c "import ctypes, sqlite3, ssl, lzma, bz2"`,
        ]),
      ),
      `CMD ["/bin/bash"]`,
    ].join("\n\n") + "\n"
  );
}

const obsHost = "https://ascend-repo.obs.cn-east-2.myhuaweicloud.com";
const setEnv = "/usr/local/Ascend/ascend-toolkit/set_env.sh";
const nnalSetEnv = "/usr/local/Ascend/nnal/atb/set_env.sh";

function cannFiles(release: CannRelease, chip: Chip): { name: string; file: string }[] {
  const p = release.packages;
  const opsArch = p.archSpecificOperators ? "linux-${ARCH}" : "linux";
  const operators =
    p.operators === "ops"
      ? `Ascend-cann-${chip.packageName}-ops_${p.fileVersion}_${opsArch}.run`
      : `Ascend-cann-kernels-${chip.packageName}_${p.fileVersion}_${opsArch}.run`;
  return [
    { name: "toolkit", file: `Ascend-cann-toolkit_${p.fileVersion}_linux-\${ARCH}.run` },
    { name: p.operators, file: operators },
    ...(p.nnal
      ? [{ name: "nnal", file: `Ascend-cann-nnal_${p.fileVersion}_linux-\${ARCH}.run` }]
      : []),
  ];
}

function cannEnv(release: CannRelease): string[] {
  const home = "${ASCEND_TOOLKIT_HOME}";
  const env = [
    "ENV ASCEND_TOOLKIT_HOME=/usr/local/Ascend/ascend-toolkit/latest",
    `ENV ASCEND_HOME_PATH=${home} \\\n    ASCEND_AICPU_PATH=${home} \\\n    ASCEND_OPP_PATH=${home}/opp \\\n    TOOLCHAIN_HOME=${home}/toolkit`,
    `ENV LD_LIBRARY_PATH=/usr/local/Ascend/driver/lib64:/usr/local/Ascend/driver/lib64/common:/usr/local/Ascend/driver/lib64/driver:${home}/lib64:${home}/lib64/plugin/opskernel:${home}/lib64/plugin/nnengine:${home}/opp/built-in/op_impl/ai_core/tbe/op_tiling:${home}/tools/aml/lib64:${home}/tools/aml/lib64/plugin`,
    `ENV PYTHONPATH=${home}/python/site-packages:${home}/opp/built-in/op_impl/ai_core/tbe`,
    `ENV PATH=${home}/bin:${home}/compiler/ccec_compiler/bin:${home}/tools/ccec_compiler/bin:$PATH`,
  ];
  if (release.packages.nnal) {
    env.push(
      "ENV ATB_HOME_PATH=/usr/local/Ascend/nnal/atb/latest/atb/cxx_abi_1",
      "ENV LD_LIBRARY_PATH=${ATB_HOME_PATH}/lib:${ATB_HOME_PATH}/examples:${LD_LIBRARY_PATH} \\\n    PATH=${ATB_HOME_PATH}/bin:$PATH",
    );
  }
  return env;
}

export function cannTemplate(input: {
  image: string;
  parent: string;
  os: OsRelease;
  python: string;
  release: CannRelease;
  chip: Chip;
}): string {
  const { os, release, chip } = input;
  const pm = os.packageManager;
  const files = cannFiles(release, chip);
  const envFiles = [setEnv, ...(release.packages.nnal ? [nnalSetEnv] : [])];
  const installs = files.map((f) =>
    f.name === "nnal"
      ? `source ${setEnv} && /tmp/cann-nnal.run --quiet --install --install-for-all`
      : `/tmp/cann-${f.name}.run --quiet --install --install-for-all`,
  );
  return (
    [
      header(
        input.image,
        `CANN layer: CANN ${release.version} (${files.map((f) => f.name).join(", ")}) for the ${chip.label}.`,
      ),
      `FROM ${input.parent} AS cann-installer`,
      `ARG TARGETPLATFORM\nSHELL ["/bin/bash", "-c"]`,
      install(pm, [...packages.cannBuild[pm]]),
      note(
        "Python packages the CANN toolkit needs to install and to run.",
        run([
          "pip install --no-cache-dir --upgrade pip",
          `pip install --no-cache-dir attrs cython "numpy<2" decorator sympy cffi pyyaml pathlib2 psutil "protobuf<4" scipy requests absl-py`,
        ]),
      ),
      note(
        "Packages for the architecture being built (buildx sets TARGETPLATFORM; a plain build uses the host's).",
        run([
          `ARCH="$(case "\${TARGETPLATFORM}" in linux/amd64) echo x86_64 ;; linux/arm64) echo aarch64 ;; *) uname -m ;; esac)"`,
          `BASE_URL=${obsHost}/${release.packages.directory}`,
          ...files.map(
            (f) =>
              `curl -fsSL --retry 3 -H "Referer: https://www.hiascend.com/" -o /tmp/cann-${f.name}.run "\${BASE_URL}/${f.file}"`,
          ),
          "chmod +x /tmp/cann-*.run",
        ]),
      ),
      run([...installs, "rm -f /tmp/cann-*.run"]),
      `FROM ${input.parent}`,
      install(pm, [...packages.cannRuntime[pm]]),
      [
        `COPY --from=cann-installer /usr/local/python${input.python} /usr/local/python${input.python}`,
        "COPY --from=cann-installer /usr/local/Ascend /usr/local/Ascend",
        "COPY --from=cann-installer /etc/Ascend /etc/Ascend",
      ].join("\n"),
      note(
        "What set_env.sh sets, baked in for processes that do not source it.",
        cannEnv(release).join("\n"),
      ),
      run(
        envFiles.flatMap((f) => [
          `echo "source ${f}" >> /etc/profile`,
          `echo "source ${f}" >> /root/.bashrc`,
        ]),
      ),
      note(
        "Every command runs with the CANN environment sourced.",
        `ENTRYPOINT ["/bin/bash", "-c", "${envFiles.map((f) => `source ${f}`).join(" && ")} && exec \\"$@\\"", "--"]\nCMD ["/bin/bash"]`,
      ),
    ].join("\n\n") + "\n"
  );
}

export function frameworkTemplate(input: {
  image: string;
  parent: string;
  name: FrameworkName;
  version: string;
  pytorch: PytorchRelease | null;
  torchNpu: string | null;
  cann: string | null;
}): string {
  const target = input.cann ? `on CANN ${input.cann}` : "for CPU";
  if (input.name === "mindspore") {
    return (
      [
        header(input.image, `Framework layer: MindSpore ${input.version} ${target}.`),
        `FROM ${input.parent}`,
        run([`pip install --no-cache-dir mindspore==${input.version}`]),
      ].join("\n\n") + "\n"
    );
  }
  const torch = input.pytorch!;
  const steps = [
    `pip install --no-cache-dir --index-url https://download.pytorch.org/whl/cpu \\\n        torch==${torch.version} torchvision==${torch.torchvision} torchaudio==${torch.torchaudio}`,
  ];
  if (input.torchNpu)
    steps.push(`pip install --no-cache-dir pyyaml setuptools torch-npu==${input.torchNpu}`);
  return (
    [
      header(
        input.image,
        `Framework layer: PyTorch ${torch.version}${input.torchNpu ? ` with torch_npu ${input.torchNpu}` : ""} ${target}.`,
      ),
      `FROM ${input.parent}`,
      note(
        input.torchNpu
          ? "torch from the CPU wheel index; the NPU backend is torch_npu, built for this CANN release."
          : "The CPU build of torch.",
        run(steps),
      ),
    ].join("\n\n") + "\n"
  );
}

export function openmindTemplate(input: {
  image: string;
  parent: string;
  version: string;
  extraMindspore: string | null;
  framework: "pt" | "ms" | null;
}): string {
  const parts = [
    header(
      input.image,
      `openMind layer: openMind ${input.version}${input.extraMindspore ? ` with MindSpore ${input.extraMindspore} added` : ""}.`,
    ),
    `FROM ${input.parent}`,
  ];
  if (input.extraMindspore) {
    parts.push(
      note(
        "The second framework of this image.",
        run([`pip install --no-cache-dir mindspore==${input.extraMindspore}`]),
      ),
    );
  }
  parts.push(run([`pip install --no-cache-dir openmind==${input.version}`]));
  if (input.framework) {
    parts.push(
      note(
        "Which framework openMind uses (as the openMind CLI sets it).",
        `ENV OPENMIND_FRAMEWORK=${input.framework}`,
      ),
    );
  }
  return parts.join("\n\n") + "\n";
}
