// The pane's built-in packs (their JSON) and pack resolution (zod) as a chunk of their own:
// src/core/pack/builtin.ts and resolve.ts are swapped for their stand-ins in src/core/pack/lazy/,
// except where the chunk itself (kit.ts and the modules it loads) imports them. The CLI and the
// tests import the real modules directly.
const path = require("node:path");
const webpack = require("webpack");

const PACK_DIR = path.resolve(__dirname, "..", "src", "core", "pack");
const SWAPPED = new Set(["builtin.ts", "resolve.ts"]);
const INSIDE_CHUNK = new Set(["kit.ts", "builtin.ts", "resolve.ts"]);

function lazyPacksPlugin() {
  return new webpack.NormalModuleReplacementPlugin(
    /[\\/]src[\\/]core[\\/]pack[\\/](builtin|resolve)\.ts$/,
    (data) => {
      const create = data.createData;
      if (!create || !create.resource) return;
      const { dir, base } = path.parse(create.resource);
      if (dir !== PACK_DIR || !SWAPPED.has(base)) return;
      const issuer = data.contextInfo && data.contextInfo.issuer ? path.parse(data.contextInfo.issuer) : null;
      if (issuer && issuer.dir === PACK_DIR && INSIDE_CHUNK.has(issuer.base)) return;
      const stand = path.join(PACK_DIR, "lazy", base);
      // The module's identity is its request: both must name the stand-in, or webpack would take
      // the stand-in and the real module for one module.
      const original = create.resource;
      for (const key of ["resource", "request", "userRequest"])
        if (typeof create[key] === "string") create[key] = create[key].split(original).join(stand);
      create.context = path.dirname(stand);
      if (create.resourceResolveData)
        create.resourceResolveData = { ...create.resourceResolveData, path: stand };
    },
  );
}

module.exports = { lazyPacksPlugin };
