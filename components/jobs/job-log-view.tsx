"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import type { JobState } from "@/db/schema/job-enums";
import { LogScreen, type LogLine } from "@/lib/jobs/log-text";

import { LogLineRow } from "./log-line";
import { jobStrings } from "./strings";

type Status = "connecting" | "live" | "reconnecting" | "ended" | "failed";

/** Distance from the bottom (px) that still counts as "at the end" for auto-scroll. */
const stickiness = 16;

/**
 * The job's log, live: an EventSource on the log stream (the browser reconnects by itself and
 * resumes with Last-Event-ID; `end` closes it). It follows new output while the reader is at the
 * bottom and stops following once they scroll up. `onState` hears every state change.
 */
export function JobLogView({
  jobId,
  onState,
}: {
  jobId: number;
  onState: (state: JobState | null) => void;
}) {
  const s = useStrings(jobStrings);
  const [lines, setLines] = useState<LogLine[]>([]);
  const [hidden, setHidden] = useState(0);
  const [status, setStatus] = useState<Status>("connecting");
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const onStateRef = useRef(onState);
  useEffect(() => {
    onStateRef.current = onState;
  }, [onState]);

  useEffect(() => {
    const screen = new LogScreen();
    const source = new EventSource(`/api/jobs/${jobId}/log/stream`);
    let frame: number | null = null;
    const render = () => {
      frame = null;
      setLines(screen.lines());
      setHidden(screen.hiddenLines);
    };
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("log", (event) => {
      screen.append(JSON.parse(event.data as string) as string);
      // Many events can arrive at once (a long log on connect): draw once per frame.
      frame ??= requestAnimationFrame(render);
    });
    source.addEventListener("state", (event) => {
      onStateRef.current((JSON.parse(event.data as string) as { state: JobState }).state);
    });
    source.addEventListener("end", (event) => {
      source.close();
      if (frame !== null) cancelAnimationFrame(frame);
      render();
      setStatus("ended");
      onStateRef.current((JSON.parse(event.data as string) as { state: JobState | null }).state);
    });
    source.addEventListener("error", () => {
      setStatus(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    });
    return () => {
      source.close();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [jobId]);

  useLayoutEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    setFollow(el.scrollHeight - el.scrollTop - el.clientHeight <= stickiness);
  };

  const statusBadge: Record<
    Status,
    { tone: "neutral" | "brand" | "warning" | "danger"; text: string }
  > = {
    connecting: { tone: "neutral", text: "…" },
    live: { tone: "brand", text: s.logLive },
    reconnecting: { tone: "warning", text: s.logReconnecting },
    ended: { tone: "neutral", text: s.logEnded },
    failed: { tone: "danger", text: s.logLost },
  };

  return (
    <section aria-labelledby="job-log-heading" className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="job-log-heading" className="font-medium">
          {s.log}
        </h2>
        <Badge tone={statusBadge[status].tone} data-testid="log-status" data-status={status}>
          {statusBadge[status].text}
        </Badge>
        <div className="ml-auto flex items-center gap-2">
          {!follow ? (
            <Button size="sm" variant="secondary" onClick={() => setFollow(true)}>
              {s.follow} ↓
            </Button>
          ) : null}
          {/* Plain links: these are API responses (text), not pages for the client router. */}
          <a className={buttonClasses("secondary", "sm")} href={`/api/jobs/${jobId}/log`}>
            {s.raw}
          </a>
          <a
            className={buttonClasses("secondary", "sm")}
            href={`/api/jobs/${jobId}/log?download`}
            download={`job-${jobId}.log`}
          >
            {s.download}
          </a>
        </div>
      </div>
      {status === "failed" ? (
        <p role="alert" className="text-danger text-sm">
          {s.logFailed}
        </p>
      ) : null}
      <div
        ref={box}
        onScroll={onScroll}
        tabIndex={0}
        role="log"
        aria-label={s.log}
        aria-live="off"
        data-testid="job-log"
        className="max-h-[70vh] min-h-40 overflow-auto rounded-lg border border-slate-800 bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100"
      >
        {hidden ? <p className="mb-2 text-slate-400 italic">{s.logHidden(hidden)}</p> : null}
        {lines.map((line) => (
          <LogLineRow key={line.key} line={line} />
        ))}
        {lines.length === 0 ? (
          <p className="text-slate-400">{status === "ended" ? s.logEmpty : s.logWaiting}</p>
        ) : null}
      </div>
    </section>
  );
}
