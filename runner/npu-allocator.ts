/**
 * The runner's own record of which `/dev/davinciN` devices each running job holds. The server
 * allocates ids when it hands out a job; the runner reserves exactly those here, refusing ids it
 * does not have or that another of its jobs still holds, and reports its busy set with every poll
 * so the server never double-books a device that is still being released.
 */
export class NpuAllocator {
  private readonly held = new Map<number, number[]>(); // job id → devices

  constructor(private readonly devices: readonly number[]) {}

  busy(): number[] {
    return [...this.held.values()].flat().sort((a, b) => a - b);
  }

  /** The busy set as it will be once `jobId` (which is ending) has let go of its devices. */
  busyWithout(jobId: number): number[] {
    const own = new Set(this.held.get(jobId));
    return this.busy().filter((d) => !own.has(d));
  }

  free(): number[] {
    const busy = new Set(this.busy());
    return this.devices.filter((d) => !busy.has(d));
  }

  /** Reserves `ids` for `jobId`; throws (reserving nothing) when any is unknown or taken. */
  reserve(jobId: number, ids: readonly number[]): number[] {
    if (this.held.has(jobId)) throw new Error(`Job ${jobId} already holds NPUs.`);
    const busy = new Set(this.busy());
    for (const id of ids) {
      if (!this.devices.includes(id))
        throw new Error(
          `NPU ${id} is not one of this runner's devices (${this.devices.join(",") || "none"}).`,
        );
      if (busy.has(id)) throw new Error(`NPU ${id} is still in use by another job on this runner.`);
    }
    if (new Set(ids).size !== ids.length) throw new Error("The same NPU was allocated twice.");
    const reserved = [...ids].sort((a, b) => a - b);
    this.held.set(jobId, reserved);
    return reserved;
  }

  release(jobId: number): void {
    this.held.delete(jobId);
  }
}
