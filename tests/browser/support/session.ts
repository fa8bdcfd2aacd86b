import type { Page } from "playwright-core";
import { launch } from "./browser";
import { serveDist } from "./server";

export interface OpenedPage {
  page: Page;
  /** Uncaught errors the page raised, so a test can require none. */
  errors: string[];
}

/**
 * Serves the production build and starts Chromium once for the calling test file (registers
 * beforeAll/afterAll), and opens pages on it.
 */
export function browserSession() {
  let context: Awaited<ReturnType<typeof launch>> | undefined;
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    server = await serveDist();
    context = await launch();
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });
  return {
    async open(path: string): Promise<OpenedPage> {
      if (!context || !server) throw new Error("browserSession used outside a test");
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.origin}${path}`);
      return { page, errors };
    },
  };
}
