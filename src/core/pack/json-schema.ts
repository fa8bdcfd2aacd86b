import { z } from "zod";
import { Pack } from "./schema";

/**
 * The JSON Schema pack authors point their editor at (templates/pack.schema.json), generated from
 * the zod schema so the two cannot disagree. Meaning checks (unique ids, known columns, …) are the
 * loader's; a schema-valid pack can still have problems.
 */
export function packJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Pack) as Record<string, unknown>;
  return {
    $schema,
    title: "Taizhang template pack",
    description:
      "One source document as checklist groups, items, rules, inputs and ledgers. See templates/README.md.",
    ...rest,
  };
}
