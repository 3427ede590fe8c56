// Module hooks that refuse TypeScript: a process started with `--import` of ./register.mjs fails to load any .ts
// module, or tsx, in its main thread and its worker threads alike. The test of the built product runs under them, so
// that it proves the compiled JavaScript runs alone, not that tsx quietly filled a gap.
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const path = resolved.url.startsWith('file:') ? new URL(resolved.url).pathname : '';
  if (/\.[cm]?tsx?$/.test(path) || /\/node_modules\/tsx\//.test(path)) {
    throw new Error(`the built product loaded TypeScript: ${specifier} (${resolved.url}) from ${context.parentURL ?? 'the command line'}`);
  }
  return resolved;
}
