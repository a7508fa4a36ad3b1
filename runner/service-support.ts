import type { ServiceSupport } from "./executors/types";
import { parsePortRange, ServicePorts } from "./service-ports";

const defaults = {
  advertiseHost: "127.0.0.1",
  servicePorts: "20000-20999",
  // Apps that load a model before they serve take minutes; the job's own timeout still applies.
  readySeconds: 600,
};

/** Service settings from the runner config, with defaults; one per runner (it owns the host ports). */
export function createServiceSupport(
  config: { advertiseHost?: string; servicePorts?: string; serviceReadySeconds?: number } = {},
): ServiceSupport {
  return {
    advertiseHost: config.advertiseHost ?? defaults.advertiseHost,
    ports: new ServicePorts(parsePortRange(config.servicePorts ?? defaults.servicePorts)),
    readyTimeoutMs: (config.serviceReadySeconds ?? defaults.readySeconds) * 1000,
  };
}
