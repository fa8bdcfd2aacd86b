// Writes templates/pack.schema.json from the zod pack schema: `npm run pack-schema`.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import { packJsonSchema } from "../src/core/pack/json-schema";

const target = resolve(__dirname, "..", "templates", "pack.schema.json");

async function main(): Promise<void> {
  const options = (await resolveConfig(target)) ?? {};
  // Formatted as `npm run lint` expects, so the committed file passes prettier --check.
  const text = await format(JSON.stringify(packJsonSchema(), null, 2), { ...options, parser: "json" });
  writeFileSync(target, text.endsWith("\n") ? text : `${text}\n`);
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
