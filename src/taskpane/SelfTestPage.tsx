import {
  Badge,
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  type Theme,
} from "@fluentui/react-components";
import { useState } from "react";
import { findPack } from "../core/pack/builtin";
import { type EditRequest, runSelfTest, type SelfTestStep } from "../excel/selfTest";
import type { AdapterOptions } from "../excel";
import { t, type Locale } from "../i18n";

/** The self-test is run with the township pack: the smaller of the built-in ones. */
const SELF_TEST_PACK = "township-2018";

const BADGE = {
  pass: "success",
  fail: "danger",
  skip: "informative",
} as const;

/**
 * `taskpane.html?selftest`: runs the adapter's contract against the Excel it is opened in and
 * shows each step, so a person with real Excel can confirm what the simulator assumes.
 */
export function SelfTestPage({
  locale,
  theme,
  adapter = {},
}: {
  locale: Locale;
  theme: Theme;
  adapter?: AdapterOptions;
}) {
  const [steps, setSteps] = useState<SelfTestStep[]>([]);
  const [running, setRunning] = useState(false);
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [copied, setCopied] = useState(false);

  const start = async () => {
    const pack = findPack(SELF_TEST_PACK);
    if (!pack) return;
    setSteps([]);
    setCopied(false);
    setRunning(true);
    try {
      await runSelfTest({
        ...adapter,
        locale,
        pack,
        ask: setRequest,
        onStep: (step) => {
          if (step.id === "userEdit") setRequest(null);
          setSteps((done) => [...done, step]);
        },
      });
    } finally {
      setRequest(null);
      setRunning(false);
    }
  };

  const lines = steps.map((s) => lineOf(locale, s));
  const count = (status: SelfTestStep["status"]) => steps.filter((s) => s.status === status).length;
  const copy = async () => {
    await navigator.clipboard.writeText(
      [t(locale, "selftest.title"), ...lines, summaryOf(locale, count)].join("\n"),
    );
    setCopied(true);
  };

  return (
    <FluentProvider theme={theme} style={{ padding: 16, minHeight: "100vh", boxSizing: "border-box" }}>
      <main aria-labelledby="selftest-title" style={{ display: "grid", gap: 12 }}>
        <Subtitle1 as="h1" id="selftest-title">
          {t(locale, "selftest.title")}
        </Subtitle1>
        <Body1>{t(locale, "selftest.intro")}</Body1>
        <div style={{ display: "flex", gap: 8 }}>
          <Button appearance="primary" disabled={running} onClick={() => void start()}>
            {t(locale, steps.length > 0 ? "selftest.again" : "selftest.start")}
          </Button>
          {steps.length > 0 && !running && (
            <Button onClick={() => void copy()}>{t(locale, "selftest.copy")}</Button>
          )}
        </div>
        {request && (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t(locale, "selftest.ask", { ...request })}</MessageBarBody>
          </MessageBar>
        )}
        {running && !request && <Caption1 role="status">{t(locale, "selftest.running")}</Caption1>}
        <ol aria-label={t(locale, "selftest.title")} style={{ margin: 0, paddingLeft: 20 }}>
          {steps.map((step) => (
            <li key={step.id} data-step={step.id} data-status={step.status} style={{ marginBottom: 8 }}>
              <Badge appearance="filled" color={BADGE[step.status]}>
                {t(locale, `selftest.status.${step.status}`)}
              </Badge>{" "}
              <strong>{t(locale, `selftest.step.${step.id}`)}</strong>
              {step.detail && <div>{t(locale, step.detail.key, step.detail.params)}</div>}
              {step.status !== "skip" && <Caption1>{t(locale, "selftest.ms", { ms: step.ms })}</Caption1>}
            </li>
          ))}
        </ol>
        {steps.length > 0 && !running && <Body1 role="status">{summaryOf(locale, count)}</Body1>}
        {copied && <Caption1>{t(locale, "selftest.copied")}</Caption1>}
      </main>
    </FluentProvider>
  );
}

function lineOf(locale: Locale, step: SelfTestStep): string {
  const detail = step.detail ? ` — ${t(locale, step.detail.key, step.detail.params)}` : "";
  return `${t(locale, `selftest.status.${step.status}`)} · ${t(locale, `selftest.step.${step.id}`)}${detail}`;
}

function summaryOf(locale: Locale, count: (status: SelfTestStep["status"]) => number): string {
  return t(locale, "selftest.summary", { pass: count("pass"), fail: count("fail"), skip: count("skip") });
}
