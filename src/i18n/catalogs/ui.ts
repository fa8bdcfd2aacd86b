import type { CatalogPair } from "../types";

export const uiMessages: CatalogPair = {
  "zh-CN": {
    "ui.app.title": "台账 · 法治政府建设自评",
    "ui.app.subtitle": "乡镇法治政府建设台账",
    "ui.lang.label": "界面语言",
    "ui.lang.zh": "中文",
    "ui.lang.en": "English",
    "ui.tab.template": "模板",
    "ui.tab.check": "校验",
    "ui.tab.score": "得分",
    "ui.tab.gaps": "差距",
    "ui.tab.consolidate": "汇总",
    "ui.tabs.label": "功能",
    "ui.notInExcel.title": "请在 Excel 中打开台账",
    "ui.notInExcel.body":
      "此任务窗格需要在 Excel(Excel 2019 及以上、Microsoft 365 或 Excel 网页版)中作为加载项运行。也可以打开预览页面,在浏览器中试用。",
    "ui.notInExcel.preview": "打开浏览器预览",
    "ui.preview.banner": "预览模式:这是浏览器中的模拟工作簿,不是 Excel。数据只保存在此页面中。",
    "ui.preview.workbook": "模拟工作簿",
    "ui.preview.emptyWorkbook": "工作簿为空。请在右侧“模板”页安装模板。",
    "ui.loading": "正在加载…",
  },
  "en-US": {
    "ui.app.title": "Taizhang · Rule-of-law self-assessment",
    "ui.app.subtitle": "Township rule-of-law ledgers",
    "ui.lang.label": "Language",
    "ui.lang.zh": "中文",
    "ui.lang.en": "English",
    "ui.tab.template": "Template",
    "ui.tab.check": "Checks",
    "ui.tab.score": "Score",
    "ui.tab.gaps": "Gaps",
    "ui.tab.consolidate": "Summary",
    "ui.tabs.label": "Sections",
    "ui.notInExcel.title": "Open Taizhang in Excel",
    "ui.notInExcel.body":
      "This task pane runs as an add-in inside Excel (Excel 2019 or later, Microsoft 365 or Excel on the web). You can also try it in the browser preview.",
    "ui.notInExcel.preview": "Open the browser preview",
    "ui.preview.banner":
      "Preview: this is a simulated workbook in your browser, not Excel. Data stays in this page only.",
    "ui.preview.workbook": "Simulated workbook",
    "ui.preview.emptyWorkbook":
      "The workbook is empty. Install a template from the Template tab on the right.",
    "ui.loading": "Loading…",
  },
};
