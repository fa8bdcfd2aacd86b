import { inflateSync } from "node:zlib";

/**
 * The text of each page of a PDF that Chromium printed (Skia's output: Flate streams, fonts with a
 * ToUnicode CMap, text shown as hex strings). Enough to check what a reader sees on each page — the
 * running header, page numbers — without a PDF library; whitespace is dropped, as Skia positions
 * words instead of always drawing spaces.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream?: Buffer }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start = (m.index as number) + (m[0].indexOf(body) as number) + at + (body[at + 6] === "\r" ? 8 : 7);
    const end = raw.indexOf("endstream", start);
    let bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) bytes = inflateSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    objects.set(Number(m[1]), { dict, stream: bytes });
  }

  const cmaps = new Map<number, CMap>();
  for (const [id, { dict }] of objects) {
    const ref = dict.match(/\/ToUnicode (\d+) 0 R/);
    const stream = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (stream) cmaps.set(id, parseCMap(stream.toString("latin1")));
  }

  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  const kids = [...(root?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((k) =>
    Number(k[1]),
  );
  return kids.map((pageId) => {
    const page = objects.get(pageId)?.dict ?? "";
    const fontsDict = page.match(/\/Font <<([^>]*)>>/)?.[1] ?? "";
    const fonts = new Map(
      [...fontsDict.matchAll(/\/(\w+) (\d+) 0 R/g)].map((f) => [f[1] as string, Number(f[2])]),
    );
    const contents = [...(page.match(/\/Contents (\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? "").matchAll(/(\d+) 0 R/g)];
    let text = "";
    for (const c of contents) {
      const ops = objects.get(Number(c[1]))?.stream?.toString("latin1") ?? "";
      let cmap: CMap | undefined;
      for (const token of ops.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f\s]*)>/g)) {
        if (token[1]) cmap = cmaps.get(fonts.get(token[1]) ?? -1);
        else if (cmap) text += decode(cmap, (token[2] as string).replace(/\s/g, ""));
      }
    }
    return text.replace(/\s+/g, "");
  });
}

interface CMap {
  /** Hex digits per character code. */
  width: number;
  map: Map<number, string>;
}

function parseCMap(source: string): CMap {
  const width = source.match(/begincodespacerange\s*<([0-9A-Fa-f]+)>/)?.[1]?.length ?? 4;
  const map = new Map<number, string>();
  const unicode = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(m[1] as string, 16), unicode(m[2] as string));
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of (block[1] as string).matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const from = parseInt(m[1] as string, 16);
      const first = parseInt(m[3] as string, 16);
      for (let code = from; code <= parseInt(m[2] as string, 16); code++)
        map.set(code, String.fromCharCode(first + code - from));
    }
  return { width, map };
}

function decode(cmap: CMap, hex: string): string {
  let out = "";
  for (let i = 0; i + cmap.width <= hex.length; i += cmap.width)
    out += cmap.map.get(parseInt(hex.slice(i, i + cmap.width), 16)) ?? "";
  return out;
}
