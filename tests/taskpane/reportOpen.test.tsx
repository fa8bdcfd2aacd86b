import { assess } from "../../src/core/assess";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { reportHtml } from "../../src/report/report";
import { downloadGapReport } from "../../src/taskpane/report";
import {
  receiveReport,
  REPORT_READY,
  type ReportDialogOffice,
  type ReportOffice,
  reportPath,
} from "../../src/taskpane/reportOpen";
import { buildSnapshot } from "../support/snapshot";
import { townshipSnapshot } from "../support/townshipSnapshot";

// `<a download>` does nothing in Excel for Mac / Office on iPad (WKWebView):
// https://github.com/OfficeDev/office-js/issues/2700 (by design), https://github.com/OfficeDev/office-js/issues/3385.
// There the report opens in an Office dialog and arrives by Dialog.messageChild (DialogApi 1.2):
// https://learn.microsoft.com/en-us/javascript/api/office/office.dialog,
// https://learn.microsoft.com/en-us/javascript/api/office/office.dialogparentmessagereceivedeventargs.

const pack = findPack("township-2018") as Pack;
const assessment = assess(pack, buildSnapshot(pack, { township: "宣和镇" }));

interface Stub {
  office: ReportOffice;
  opened: { url: string; options: object }[];
  sent: string[];
  /** The dialog page says it is ready (what receiveReport sends first). */
  ready: () => void;
}

/** An Office object as Excel on `platform` gives it, with DialogApi up to `dialogApi`. */
function stubOffice(platform: string | null, dialogApi = "1.2", status = "succeeded"): Stub {
  const opened: Stub["opened"] = [];
  const sent: string[] = [];
  let handler: ((arg: { message: string }) => void) | null = null;
  const office: ReportOffice = {
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    context: {
      diagnostics: platform === null ? null : { platform },
      requirements: {
        isSetSupported: (name, version = "1.1") =>
          name === "DialogApi" && Number(version.split(".")[1]) <= Number(dialogApi.split(".")[1]),
      },
      ui: {
        displayDialogAsync: (url, options, callback) => {
          opened.push({ url, options });
          callback({
            status,
            ...(status === "succeeded"
              ? {}
              : { error: { code: 12007, message: "A dialog is already open." } }),
            value: {
              addEventHandler: (type, h) => {
                expect(type).toBe("dialogMessageReceived");
                handler = h as (arg: { message: string }) => void;
              },
              messageChild: (m) => sent.push(m),
              close: () => undefined,
            },
          });
        },
      },
    },
  };
  return { office, opened, sent, ready: () => handler?.({ message: REPORT_READY }) };
}

/** Counts page downloads (an object URL made for an anchor's click). */
function watchDownloads(): { count: () => number; restore: () => void } {
  let n = 0;
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = () => {
    n += 1;
    return "blob:report";
  };
  URL.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  return {
    count: () => n,
    restore: () => {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      click.mockRestore();
    },
  };
}

describe("the gap report where downloads do not work", () => {
  it.each([
    ["Mac", "dialog"],
    ["iOS", "dialog"],
    ["PC", "download"],
    ["OfficeOnline", "download"],
  ])("Office on %s: %s", (platform, path) => {
    expect(reportPath(stubOffice(platform).office)).toBe(path);
  });

  it("downloads outside Office (the preview: no diagnostics) and where the dialog API is too old", () => {
    expect(reportPath(undefined)).toBe("download");
    expect(reportPath(stubOffice(null).office)).toBe("download");
    expect(reportPath(stubOffice("Mac", "1.1").office)).toBe("download");
  });

  it("on a Mac opens the add-in's own ?report page in a dialog and sends it the whole report, no download", async () => {
    const stub = stubOffice("Mac");
    const downloads = watchDownloads();
    // A filled township: many findings, a report of several messages.
    const filled = assess(pack, townshipSnapshot(pack, 300));
    try {
      await downloadGapReport(filled, pack, "zh-CN", stub.office);
      expect(downloads.count()).toBe(0);
      expect(stub.opened).toHaveLength(1);
      const url = new URL(stub.opened[0]?.url ?? "");
      expect(url.origin).toBe(location.origin);
      expect(url.search).toBe("?report");
      // Nothing is sent before the dialog page listens.
      expect(stub.sent).toEqual([]);
      stub.ready();

      // The dialog page puts the parts together into the report `taizhang report` writes.
      let shown = "";
      let listener: ((arg: { message: string }) => void) | null = null;
      const dialogSide: ReportDialogOffice = {
        EventType: { DialogParentMessageReceived: "dialogParentMessageReceived" },
        context: {
          ui: {
            addHandlerAsync: (_type, h) => {
              listener = h;
            },
            messageParent: (m) => expect(m).toBe(REPORT_READY),
          },
        },
      };
      receiveReport(dialogSide, (html) => (shown = html));
      for (const m of stub.sent) (listener as ((arg: { message: string }) => void) | null)?.({ message: m });
      const expected = reportHtml(filled, pack, "zh-CN");
      // The report stamps the time it was made; the rest is the same page.
      const untimed = (html: string) => html.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}/g, "");
      expect(untimed(shown)).toBe(untimed(expected));
      // A township report is larger than one message: it goes in parts.
      expect(stub.sent.length).toBeGreaterThan(1);
      expect(stub.sent.length).toBe(Math.ceil(shown.length / 30_000));
      expect(shown).toContain(filled.township);
    } finally {
      downloads.restore();
    }
  });

  it("on Windows downloads the file as before, without a dialog", async () => {
    const stub = stubOffice("PC");
    const downloads = watchDownloads();
    try {
      await downloadGapReport(assessment, pack, "zh-CN", stub.office);
      expect(downloads.count()).toBe(1);
      expect(stub.opened).toEqual([]);
    } finally {
      downloads.restore();
    }
  });

  it("still tries the download when Office refuses the dialog (one already open)", async () => {
    const stub = stubOffice("Mac", "1.2", "failed");
    const downloads = watchDownloads();
    try {
      await downloadGapReport(assessment, pack, "zh-CN", stub.office);
      expect(stub.opened).toHaveLength(1);
      expect(downloads.count()).toBe(1);
    } finally {
      downloads.restore();
    }
  });
});
