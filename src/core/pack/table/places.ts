import type { PackPath } from "../problems";
import type { TablePlace } from "./problems";

/**
 * Where each piece of the pack came from, so a problem the pack loader finds at a path
 * (`groups[2].items[4].rules[1]`) is shown at its sheet, row and column. Paths whose cell already
 * has a reader's problem are muted, so one bad cell gives one problem.
 */
export class PlaceIndex {
  private readonly places = new Map<string, TablePlace>();
  private readonly muted = new Set<string>();

  set(path: PackPath, place: TablePlace): void {
    this.places.set(key(path), place);
  }

  mute(path: PackPath): void {
    this.muted.add(key(path));
  }

  /** The place of the longest registered prefix of `path`; null when nothing matches. */
  find(path: PackPath): TablePlace | null {
    for (let n = path.length; n >= 0; n--) {
      const place = this.places.get(key(path.slice(0, n)));
      if (place) return place;
    }
    return null;
  }

  isMuted(path: PackPath): boolean {
    for (let n = path.length; n >= 1; n--) if (this.muted.has(key(path.slice(0, n)))) return true;
    return false;
  }
}

function key(path: PackPath): string {
  return path.map(String).join("\u0000");
}
