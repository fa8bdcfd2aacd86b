/** What a value parser returns: the value, or a finding-ready failure. Parsers never throw. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; params: { raw: string } };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const failed = <T = never>(code: string, raw: string): Parsed<T> => ({
  ok: false,
  code,
  params: { raw },
});

/** Code for an empty cell; callers decide whether empty is a problem (the `required` rule does). */
export const EMPTY_CODE = "value.empty";
