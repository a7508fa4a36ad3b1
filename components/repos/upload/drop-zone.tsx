"use client";

import { useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

import { uploadStrings } from "../upload-strings";
import { filesFromDrop, filesFromInput, type PickedFile } from "./dropped-files";

/** Drag files or whole folders here, or pick them with the file and folder choosers. */
export function DropZone({
  disabled,
  onFiles,
}: {
  disabled: boolean;
  onFiles: (files: PickedFile[]) => void;
}) {
  const s = useStrings(uploadStrings);
  const [over, setOver] = useState(false);
  return (
    <div
      className={cn(
        "rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
        over ? "border-brand bg-brand/5" : "border-border",
        disabled && "opacity-60",
      )}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (disabled) return;
        void filesFromDrop(event.dataTransfer).then(onFiles);
      }}
    >
      <p className="font-medium">{s.dropHere}</p>
      <p className="text-muted-foreground my-3 text-sm">{s.or}</p>
      <div className="flex flex-wrap justify-center gap-2">
        <label
          className={cn(
            buttonClasses("secondary", "sm"),
            "cursor-pointer",
            disabled && "pointer-events-none",
          )}
        >
          {s.chooseFiles}
          <input
            type="file"
            multiple
            className="sr-only"
            disabled={disabled}
            data-testid="file-input"
            onChange={(event) => {
              onFiles(filesFromInput(event.target.files));
              event.target.value = "";
            }}
          />
        </label>
        <label
          className={cn(
            buttonClasses("secondary", "sm"),
            "cursor-pointer",
            disabled && "pointer-events-none",
          )}
        >
          {s.chooseFolder}
          <input
            ref={(node) => {
              // React does not know these attributes; set them on the element.
              node?.setAttribute("webkitdirectory", "");
              node?.setAttribute("directory", "");
            }}
            type="file"
            multiple
            className="sr-only"
            disabled={disabled}
            data-testid="folder-input"
            onChange={(event) => {
              onFiles(filesFromInput(event.target.files));
              event.target.value = "";
            }}
          />
        </label>
      </div>
    </div>
  );
}
