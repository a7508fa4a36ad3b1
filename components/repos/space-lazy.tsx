"use client";

import dynamic from "next/dynamic";

// A Space's interactive pieces, each in a chunk of its own that loads only where one is rendered:
// models, datasets and Spaces share one route, whose client code the model and dataset pages would
// otherwise download too (the log viewer, the job strings and the Space strings, ~10 kB gz).
// Still rendered on the server; the chunk is loaded before hydration.

export const SpaceLogsPanel = dynamic(() =>
  import("./space-logs-panel").then((m) => m.SpaceLogsPanel),
);

export const SpaceRunButton = dynamic(() =>
  import("./space-run-button").then((m) => m.SpaceRunButton),
);

export const RebuildButton = dynamic(() => import("./rebuild-button").then((m) => m.RebuildButton));

export const LiveJobLog = dynamic(() =>
  import("@/components/jobs/live-job-log").then((m) => m.LiveJobLog),
);
