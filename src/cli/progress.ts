import type { CliIO } from "./io";

/** A one-line progress bar on stderr, only on a terminal (logs and pipes stay clean). */
export function progressBar(io: CliIO, total: number): { tick(label: string): void; done(): void } {
  if (!io.isTTY || total === 0) return { tick: () => undefined, done: () => undefined };
  const width = 30;
  let count = 0;
  return {
    tick(label) {
      count++;
      const filled = Math.round((count / total) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count}/${total} ${name}\x1b[K`);
    },
    done() {
      io.stderr("\r\x1b[K");
    },
  };
}
