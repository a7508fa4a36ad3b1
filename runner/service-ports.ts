import net from "node:net";

/** `"20000-20999"` → its bounds; unprivileged ports only, so a job never needs root to listen. */
export function parsePortRange(range: string): { first: number; last: number } {
  const match = /^(\d{4,5})-(\d{4,5})$/.exec(range.trim());
  const first = Number(match?.[1]);
  const last = Number(match?.[2]);
  if (!match || first < 1024 || last > 65535 || first > last) {
    throw new Error(`servicePorts is a range of ports from 1024 to 65535, e.g. "20000-20999".`);
  }
  return { first, last };
}

/** Whether nothing on the host listens on `port` (on any address). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    // No host: the dual-stack wildcard, which collides with a listener on any address.
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * Hands each running service of this runner a host port of its own from the configured range, so
 * that two jobs asking for the same `port` never collide. A port something else on the host already
 * listens on is skipped. Ports are handed out round-robin, so a just-freed one is reused last.
 */
export class ServicePorts {
  private readonly taken = new Set<number>();
  private next = 0;

  constructor(private readonly range: { first: number; last: number }) {}

  async acquire(): Promise<number> {
    const { first, last } = this.range;
    const size = last - first + 1;
    for (let i = 0; i < size; i++) {
      const port = first + ((this.next + i) % size);
      if (this.taken.has(port)) continue;
      // Taken before the check, so that a concurrent acquire cannot pick it too.
      this.taken.add(port);
      if (await portIsFree(port)) {
        this.next = port - first + 1;
        return port;
      }
      this.taken.delete(port);
    }
    throw new Error(`no free port in ${first}-${last} for the service`);
  }

  release(port: number): void {
    this.taken.delete(port);
  }
}
