// Run one query against a Pagefind bundle on disk with Pagefind's own JavaScript and
// WebAssembly, as a browser would: prints the number of results, then the first result's URL.
// Usage: node pagefind_query.mjs <bundle folder> <query>
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

const [bundle, query] = process.argv.slice(2);
const base = pathToFileURL(`${bundle}/`);
// Node's fetch cannot read file: URLs; the bundle's requests are answered from the folder.
globalThis.fetch = async (url) => new Response(await readFile(fileURLToPath(new URL(url, base))));
const pagefind = await import(new URL("pagefind.js", base).href);
await pagefind.options({ basePath: base.href, baseUrl: "/" });
const search = await pagefind.search(query);
const first = search.results.length ? await search.results[0].data() : { url: "" };
console.log(`${search.results.length}\n${first.url}`);
