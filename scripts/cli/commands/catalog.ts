import { seedImageCatalog } from "@/lib/images/catalog/catalog-seed";

import type { Command } from "../command";

export const catalogSeed: Command = {
  name: "catalog:seed",
  usage: "catalog:seed",
  description:
    "Load the image catalog (the published tags of the layered images); safe to run again, and at the same time.",
  options: {},
  async run() {
    const { repositories, tags } = await seedImageCatalog();
    console.log(`Image catalog is in place: ${repositories} repositories, ${tags} tags.`);
  },
};
