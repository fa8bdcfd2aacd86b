import JSZip from "jszip";

/**
 * Reads a few text parts of a zip package (the sheet and table XML that ExcelJS is told to skip),
 * with JSZip, the zip library ExcelJS itself reads packages with. The bytes have passed
 * guardXlsxBytes, so sizes and entry counts are known to be sane.
 */
export async function readZipTexts(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    // ExcelJS has already opened the same bytes; a package JSZip refuses yields no extra parts.
    return out;
  }
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !wanted(entry.name)) continue;
    out.set(entry.name, await entry.async("string"));
  }
  return out;
}
