// Files the person picks or drops in the pane, read through FileReader: every host of the pane has
// it, while older WebViews (and jsdom) lack Blob.text / Blob.arrayBuffer.

export function textOf(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsText(file, "utf-8");
  });
}

export function bytesOf(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

/** A JSON file's data, or why it cannot be read (larger than `maxBytes`, not JSON). */
export async function readJsonFile(
  file: File,
  maxBytes: number,
): Promise<{ ok: true; data: unknown } | { ok: false; detail: string }> {
  if (file.size > maxBytes) return { ok: false, detail: `${file.size} bytes` };
  try {
    return { ok: true, data: JSON.parse(await textOf(file)) as unknown };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
