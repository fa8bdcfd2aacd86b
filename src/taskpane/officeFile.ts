import { toBase64 } from "../core/pack/embedBase64";
import { downloadXlsx } from "./rollover";

/**
 * The open document as .xlsx bytes, read slice by slice with Document.getFileAsync (Compressed);
 * https://learn.microsoft.com/javascript/api/office/office.document#office-office-document-getfileasync-member(1)
 * The file must be closed after reading, or the next call fails.
 */
export function officeFileBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4_194_304 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) return reject(opened.error);
      const file = opened.value;
      const slices: Uint8Array[] = [];
      const next = (index: number): void => {
        if (index >= file.sliceCount) {
          file.closeAsync();
          const total = slices.reduce((n, s) => n + s.length, 0);
          const bytes = new Uint8Array(total);
          let at = 0;
          for (const slice of slices) {
            bytes.set(slice, at);
            at += slice.length;
          }
          return resolve(bytes);
        }
        file.getSliceAsync(index, (got) => {
          if (got.status !== Office.AsyncResultStatus.Succeeded) {
            file.closeAsync();
            return reject(got.error);
          }
          slices.push(Uint8Array.from(got.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

/**
 * Opens bytes as a new Excel workbook (Excel.createWorkbook, ExcelApi 1.8); where that is missing,
 * saves them as a download instead.
 * https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1)
 */
export async function openInExcel(bytes: Uint8Array, fileName: string): Promise<void> {
  if (typeof Excel !== "undefined" && typeof Excel.createWorkbook === "function") {
    await Excel.createWorkbook(toBase64(bytes));
    return;
  }
  downloadXlsx(bytes, fileName);
}
