import "server-only";

import type { ChildProcessWithoutNullStreams } from "node:child_process";

import { spawnGit } from "./run";

type ObjectType = "blob" | "tree" | "commit" | "tag";
export type ObjectInfo = { oid: string; type: ObjectType; size: number };
export type ObjectContents = ObjectInfo & { data: Buffer };

type Request = {
  kind: "info" | "contents";
  maxSize: number;
  resolve: (value: ObjectContents | ObjectInfo | null) => void;
  reject: (error: Error) => void;
};

type Body = {
  request: Request;
  info: ObjectInfo;
  need: number;
  got: number;
  parts: Buffer[] | null;
};

export class CatFileError extends Error {
  override name = "CatFileError";
}

/** Thrown when the object exists but is larger than the caller allowed; its bytes were skipped. */
export class ObjectTooLargeError extends CatFileError {
  constructor(readonly info: ObjectInfo) {
    super(`object ${info.oid} is ${info.size} bytes`);
  }
}

const headerPattern = /^([0-9a-f]{40,64}) (blob|tree|commit|tag) (\d+)$/;

/**
 * One long-lived `git cat-file --batch-command --buffer` process. The requests of one tick are
 * sent as one write ending in `flush` and answered in order, so any number of concurrent callers
 * share the process without waiting for each other's round trips; the FIFO of pending requests
 * matches answers to callers.
 */
export class CatFileProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Request[] = [];
  private leftover: Buffer = Buffer.alloc(0);
  private body: Body | null = null;
  private stderr = "";
  private pendingWrite = "";
  private flushScheduled = false;
  private exited = false;
  lastUsed = Date.now();

  constructor(readonly gitDir: string) {
    this.child = spawnGit({ gitDir, args: ["cat-file", "--batch-command", "--buffer"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-2000);
    });
    this.child.stdin.on("error", () => {});
    this.child.on("error", (error) => this.fail(error));
    this.child.on("close", () =>
      this.fail(new CatFileError(`git cat-file exited: ${this.stderr.trim()}`)),
    );
    this.setRef(false);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  get busy(): boolean {
    return this.queue.length > 0 || this.body !== null;
  }

  info(name: string): Promise<ObjectInfo | null> {
    return this.send("info", name, 0);
  }

  /** The object's bytes; rejects with ObjectTooLargeError (without buffering) above `maxSize`. */
  contents(name: string, maxSize = 16 * 1024 * 1024): Promise<ObjectContents | null> {
    return this.send("contents", name, maxSize) as Promise<ObjectContents | null>;
  }

  close(): void {
    if (this.exited) return;
    this.exited = true;
    this.child.stdin.end();
    setTimeout(() => this.child.kill("SIGKILL"), 2000).unref();
  }

  private send(
    kind: Request["kind"],
    name: string,
    maxSize: number,
  ): Promise<ObjectInfo | ObjectContents | null> {
    // The protocol is line based: a newline in a name would inject a second command.
    if (!name || /[\0-\x1f\x7f]/.test(name)) {
      return Promise.reject(new CatFileError("object names cannot contain control characters"));
    }
    if (this.exited) return Promise.reject(new CatFileError("git cat-file is not running"));
    this.lastUsed = Date.now();
    return new Promise((resolve, reject) => {
      if (!this.busy) this.setRef(true);
      this.queue.push({ kind, maxSize, resolve, reject });
      this.pendingWrite += `${kind} ${name}\n`;
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Everything asked for in this tick goes to git as one write, answered in one flush.
        process.nextTick(() => {
          this.flushScheduled = false;
          const commands = this.pendingWrite;
          this.pendingWrite = "";
          if (!this.exited) this.child.stdin.write(`${commands}flush\n`);
        });
      }
    });
  }

  /** Keeps the event loop alive only while answers are awaited, so idle pools never hold a script open. */
  private setRef(on: boolean): void {
    // The pipes are net.Sockets, which can be (un)referenced like the process handle.
    const handles = [
      this.child,
      this.child.stdout,
      this.child.stderr,
      this.child.stdin,
    ] as unknown as {
      ref?: () => void;
      unref?: () => void;
    }[];
    for (const handle of handles) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }

  private onData(chunk: Buffer): void {
    let data = this.leftover.length ? Buffer.concat([this.leftover, chunk]) : chunk;
    this.leftover = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.body) {
        data = this.consumeBody(this.body, data);
        continue;
      }
      const newline = data.indexOf(10);
      if (newline < 0) {
        this.leftover = data;
        return;
      }
      this.onHeader(data.subarray(0, newline).toString("utf8"));
      data = data.subarray(newline + 1);
    }
    if (!this.busy) this.setRef(false);
  }

  private onHeader(line: string): void {
    const request = this.queue.shift();
    if (!request) {
      this.fail(new CatFileError(`unexpected output from git cat-file: ${line.slice(0, 100)}`));
      return;
    }
    const match = headerPattern.exec(line);
    if (!match) {
      // "<name> missing" or "<name> ambiguous": both mean "no such object" to callers.
      if (/ (missing|ambiguous)$/.test(line)) request.resolve(null);
      else
        request.reject(
          new CatFileError(`unexpected header from git cat-file: ${line.slice(0, 100)}`),
        );
      return;
    }
    const info: ObjectInfo = {
      oid: match[1]!,
      type: match[2] as ObjectType,
      size: Number(match[3]),
    };
    if (request.kind === "info") {
      request.resolve(info);
      return;
    }
    const keep = info.size <= request.maxSize;
    // The content is followed by a newline, which is part of what we consume.
    this.body = { request, info, need: info.size + 1, got: 0, parts: keep ? [] : null };
  }

  private consumeBody(body: Body, data: Buffer): Buffer {
    const take = Math.min(body.need - body.got, data.length);
    body.parts?.push(data.subarray(0, take));
    body.got += take;
    if (body.got === body.need) {
      this.body = null;
      if (body.parts) {
        const all = Buffer.concat(body.parts);
        body.request.resolve({ ...body.info, data: all.subarray(0, body.info.size) });
      } else {
        body.request.reject(new ObjectTooLargeError(body.info));
      }
    }
    return data.subarray(take);
  }

  private fail(error: Error): void {
    this.exited = true;
    const pending = [...(this.body ? [this.body.request] : []), ...this.queue.splice(0)];
    this.body = null;
    for (const request of pending) request.reject(error);
    this.child.kill("SIGKILL");
  }
}
