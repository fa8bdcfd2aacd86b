export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Saves bytes or text as a file download from the page (the preview, the pane's reports). */
export function saveAsDownload(content: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some WebViews start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
