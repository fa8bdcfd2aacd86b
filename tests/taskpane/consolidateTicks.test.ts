import { withPromptTimeouts } from "../../src/taskpane/consolidateTicks";

describe("withPromptTimeouts", () => {
  it("gives code evaluated inside it unclamped zero-delay timers it keeps, and restores the page's", async () => {
    const before = { set: globalThis.setTimeout, clear: globalThis.clearTimeout };
    const captured = await withPromptTimeouts(async () => ({
      set: globalThis.setTimeout,
      clear: globalThis.clearTimeout,
    }));
    expect(globalThis.setTimeout).toBe(before.set);
    expect(globalThis.clearTimeout).toBe(before.clear);
    expect(captured.set).not.toBe(before.set);

    // The captured pair still works after the load: runs, passes arguments, cancels.
    const ran: string[] = [];
    const cancelled = captured.set(() => ran.push("cancelled"), 0);
    captured.clear(cancelled);
    await new Promise<void>((resolve) =>
      captured.set((tag: string) => (ran.push(tag), resolve()), 0, "zero"),
    );
    await new Promise<void>((resolve) => captured.set(() => (ran.push("later"), resolve()), 5));
    expect(ran).toEqual(["zero", "later"]);
  });

  it("restores the timers when loading fails", async () => {
    const before = globalThis.setTimeout;
    await expect(withPromptTimeouts(() => Promise.reject(new Error("chunk failed")))).rejects.toThrow(
      "chunk failed",
    );
    expect(globalThis.setTimeout).toBe(before);
  });
});
