import { stringify } from "yaml";

// What a new Space starts with, per SDK: a README whose front matter holds what the hub reads
// (title, emoji, colours, SDK, app file and port, hardware, base environment), and the smallest
// app that runs on it.

export const spaceSdks = ["gradio", "static", "docker"] as const;
export type SpaceSdk = (typeof spaceSdks)[number];

export const spaceHardwareIds = ["cpu-basic", "npu-basic"] as const;
export type SpaceHardware = (typeof spaceHardwareIds)[number];

export const spaceColors = [
  "red",
  "yellow",
  "green",
  "blue",
  "indigo",
  "purple",
  "pink",
  "gray",
] as const;

/** The port every Space app listens on (openMind and the Hub both use 7860). */
export const spaceAppPort = 7860;

export type SpaceDefaults = {
  sdk: SpaceSdk;
  hardware: SpaceHardware;
  title?: string;
  emoji?: string;
  colorFrom?: string;
  colorTo?: string;
  shortDescription?: string;
  /** Full image reference of the base environment (gradio); none for static and docker. */
  baseImage?: string;
  license?: string;
};

type TemplateFile = { path: string; content: string };

const gradioApp = (title: string) => `import gradio as gr


def greet(name):
    return f"Hello, {name}!"


demo = gr.Interface(fn=greet, inputs="text", outputs="text", title=${JSON.stringify(title)})

if __name__ == "__main__":
    demo.launch()
`;

const staticPage = (title: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 3rem auto; max-width: 40rem; padding: 0 1rem; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    <p>Edit <code>index.html</code> to change this page; it is served as soon as you commit.</p>
  </body>
</html>
`;

const dockerApp = `# A minimal web app on port ${spaceAppPort}: replace it with your own.
from http.server import BaseHTTPRequestHandler, HTTPServer


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"Hello from a Docker Space!\\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HTTPServer(("0.0.0.0", ${spaceAppPort}), Hello).serve_forever()
`;

const dockerfile = `FROM python:3.11-slim
RUN useradd -m -u 1000 user
USER user
WORKDIR /home/user/app
COPY --chown=user . .
EXPOSE ${spaceAppPort}
CMD ["python", "app.py"]
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The front matter keys of a Space card, in the order the Hub writes them. */
function spaceFrontMatter(name: string, d: SpaceDefaults): string {
  const data: Record<string, unknown> = {
    title: d.title || name,
    emoji: d.emoji || "🚀",
    colorFrom: d.colorFrom || "blue",
    colorTo: d.colorTo || "indigo",
    sdk: d.sdk,
    app_file: d.sdk === "static" ? "index.html" : "app.py",
    ...(d.sdk === "static" ? {} : { app_port: spaceAppPort }),
    hardware: d.sdk === "static" ? "cpu-basic" : d.hardware,
    ...(d.sdk === "gradio" && d.baseImage ? { base_image: d.baseImage } : {}),
    license: d.license || "apache-2.0",
    ...(d.shortDescription ? { short_description: d.shortDescription } : {}),
    models: [],
    datasets: [],
  };
  return `---\n${stringify(data)}---\n`;
}

/** The README and app files of a new Space. */
export function spaceTemplate(name: string, d: SpaceDefaults): TemplateFile[] {
  const title = d.title || name;
  const readme = `${spaceFrontMatter(name, d)}
# ${title}

${d.shortDescription ?? "Describe what this Space demonstrates and how to use it."}
`;
  const files: Record<SpaceSdk, TemplateFile[]> = {
    gradio: [
      { path: "app.py", content: gradioApp(title) },
      { path: "requirements.txt", content: "gradio\n" },
    ],
    static: [{ path: "index.html", content: staticPage(title) }],
    docker: [
      { path: "Dockerfile", content: dockerfile },
      { path: "app.py", content: dockerApp },
    ],
  };
  return [{ path: "README.md", content: readme }, ...files[d.sdk]];
}
