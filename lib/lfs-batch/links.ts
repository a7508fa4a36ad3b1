import "server-only";

import {
  findRepoLfsObjects,
  linkRepoLfsObjects,
  type LinkedLfsObject,
} from "@/db/queries/repo-lfs-objects";

export { findRepoLfsObjects, linkRepoLfsObjects, type LinkedLfsObject };
