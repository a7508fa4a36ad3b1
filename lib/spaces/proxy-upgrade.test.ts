// WebSocket upgrades of a Space's app through the protocol front: a real WebSocket app (Node's
// HTTP server with the handshake done by hand) behind the endpoint a running space-run job reports.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeAccount, type TestAccount } from "@/test/hf";
import { startRouteServer } from "@/test/jobs/route-server";
import { makeRunningSpace, sessionCookie } from "@/test/spaces/running-space";

const guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** One unfragmented text frame (payload under 126 bytes), masked as a client must. */
function frame(text: string, mask: boolean): Buffer {
  const payload = Buffer.from(text);
  const key = mask ? crypto.randomBytes(4) : null;
  const body = key ? payload.map((byte, i) => byte ^ key[i % 4]!) : payload;
  return Buffer.concat([
    Buffer.from([0x81, (mask ? 0x80 : 0) | payload.length]),
    ...(key ? [key] : []),
    Buffer.from(body),
  ]);
}

function unframe(data: Buffer): string {
  const masked = (data[1]! & 0x80) !== 0;
  const length = data[1]! & 0x7f;
  const key = masked ? data.subarray(2, 6) : null;
  const payload = data.subarray(masked ? 6 : 2, (masked ? 6 : 2) + length);
  return Buffer.from(key ? payload.map((byte, i) => byte ^ key[i % 4]!) : payload).toString();
}

// The app: accepts the upgrade, remembers what it was sent, answers each message with "echo: …".
const seen: http.IncomingHttpHeaders[] = [];
const seenPaths: string[] = [];
const app = http.createServer((_req, res) => res.writeHead(426).end());
const appSockets = new Set<Duplex>();
app.on("upgrade", (req, socket: Duplex) => {
  appSockets.add(socket);
  seen.push(req.headers);
  seenPaths.push(req.url ?? "");
  const accept = crypto
    .createHash("sha1")
    .update(`${req.headers["sec-websocket-key"]}${guid}`)
    .digest("base64");
  socket.write(
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
      `Sec-WebSocket-Accept: ${accept}\r\nSet-Cookie: app=1; Path=/\r\n\r\n`,
  );
  socket.on("data", (data: Buffer) => socket.write(frame(`echo: ${unframe(data)}`, false)));
});

/** Opens a WebSocket by hand; resolves with the status line and headers, and a way to talk. */
function connect(url: string, headers: Record<string, string> = {}) {
  const target = new URL(url);
  return new Promise<{ head: string; send: (text: string) => Promise<string>; close: () => void }>(
    (resolve, reject) => {
      const socket = net.connect(Number(target.port), target.hostname);
      const key = crypto.randomBytes(16).toString("base64");
      const lines = [
        `GET ${target.pathname}${target.search} HTTP/1.1`,
        `Host: ${target.host}`,
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${key}`,
        "Sec-WebSocket-Version: 13",
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
      let buffered = Buffer.alloc(0);
      const onHead = (data: Buffer) => {
        buffered = Buffer.concat([buffered, data]);
        const end = buffered.indexOf("\r\n\r\n");
        if (end === -1) return;
        socket.off("data", onHead);
        resolve({
          head: buffered.subarray(0, end).toString(),
          send: (text) =>
            new Promise((answer) => {
              socket.once("data", (reply: Buffer) => answer(unframe(reply)));
              socket.write(frame(text, true));
            }),
          close: () => socket.destroy(),
        });
      };
      socket.on("data", onHead);
      socket.on("error", reject);
      socket.on("end", () => {
        socket.destroy();
        const closed = () => Promise.reject(new Error("The connection was closed."));
        resolve({ head: buffered.toString(), send: closed, close: () => {} });
      });
    },
  );
}

let server: Awaited<ReturnType<typeof startRouteServer>>;
let endpoint: string;

beforeAll(async () => {
  server = await startRouteServer();
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await server.close();
  for (const socket of appSockets) socket.destroy();
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
});

async function runningSpace(
  owner: TestAccount,
  options: { isPrivate: boolean; running?: boolean },
) {
  const space = await makeRunningSpace(owner, { ...options, endpoint });
  return `${server.url}/spaces/${space.owner}/${space.name}/app`;
}

describe("WebSocket upgrades of a Space app", () => {
  let owner: TestAccount;
  let stranger: TestAccount;

  beforeAll(async () => {
    owner = await makeAccount();
    stranger = await makeAccount();
  });

  it("pipes both ways to the running app, without the viewer's credentials or the app's cookies", async () => {
    const url = await runningSpace(owner, { isPrivate: false });
    const ws = await connect(`${url}/queue/join?session=1`, {
      Cookie: await sessionCookie(owner.id),
      Authorization: `Bearer ${owner.read}`,
    });
    expect(ws.head).toMatch(/^HTTP\/1\.1 101 /);
    expect(ws.head.toLowerCase()).not.toContain("set-cookie");
    expect(await ws.send("hello")).toBe("echo: hello");
    expect(await ws.send("again")).toBe("echo: again");
    ws.close();
    expect(seenPaths.at(-1)).toBe("/queue/join?session=1");
    const headers = seen.at(-1)!;
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers.upgrade).toBe("websocket");
    expect(headers["x-forwarded-prefix"]).toMatch(/^\/spaces\/.+\/app$/);
  });

  it("answers 404 for a private Space to anonymous viewers and strangers, and lets its owner in", async () => {
    const url = await runningSpace(owner, { isPrivate: true });
    const before = seen.length;
    expect((await connect(`${url}/ws`)).head).toMatch(/^HTTP\/1\.1 404 /);
    const asStranger = { Authorization: `Bearer ${stranger.read}` };
    expect((await connect(`${url}/ws`, asStranger)).head).toMatch(/^HTTP\/1\.1 404 /);
    const strangerSession = { Cookie: await sessionCookie(stranger.id) };
    expect((await connect(`${url}/ws`, strangerSession)).head).toMatch(/^HTTP\/1\.1 404 /);
    expect(seen.length).toBe(before);

    const byToken = await connect(`${url}/ws`, { Authorization: `Bearer ${owner.read}` });
    expect(byToken.head).toMatch(/^HTTP\/1\.1 101 /);
    byToken.close();
    const bySession = await connect(`${url}/ws`, { Cookie: await sessionCookie(owner.id) });
    expect(bySession.head).toMatch(/^HTTP\/1\.1 101 /);
    expect(await bySession.send("private")).toBe("echo: private");
    bySession.close();
  });

  it("refuses a bad token, and answers 503 when no run of the Space is serving", async () => {
    const url = await runningSpace(owner, { isPrivate: false, running: false });
    expect((await connect(`${url}/ws`)).head).toMatch(/^HTTP\/1\.1 503 /);
    const bad = { Authorization: "Bearer hf_not-a-real-token" };
    expect((await connect(`${url}/ws`, bad)).head).toMatch(/^HTTP\/1\.1 401 /);
  });

  it("takes upgrades only for a Space's app path", async () => {
    const url = await runningSpace(owner, { isPrivate: false });
    const before = seen.length;
    expect((await connect(url.replace("/spaces/", "/models/"))).head).toBe("");
    expect((await connect(url.replace("/app", "/tree/main"))).head).toBe("");
    expect(seen.length).toBe(before);
  });
});
