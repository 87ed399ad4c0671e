// README: builds a Pagefind index through the `pagefind` npm package's
// Node API instead of the CLI, for the indexing-cost comparison in
// docs/benchmarks.md (go -C tools run ./search/cmd/searchcost -node).
//
//   node index-records.mjs records <records.jsonl> <output-folder>
//   node index-records.mjs html <site-folder> <output-folder>
//
// records: each line of the file is one page as a Pagefind custom record,
//   {"url", "content", "language": "zh", "meta": {"title", ...},
//    "filters": {"name": ["value", ...]}}, added with addCustomRecord.
// html: every .html file below the site folder (the pagefind/ folder
//   left out) whose markup has data-pagefind-body is added with
//   addHTMLFile, as the CLI would index it.
//
// Both create the index with createIndex({forceLanguage: "zh"}), write it
// with writeFiles({outputPath}) and print one JSON line of counts. The npm
// package spawns the platform binary in service mode and prefers
// pagefind_extended (the build with Chinese and Japanese segmentation)
// over pagefind, so the index segments Chinese as the CLI's does.
// It must run from a folder where `import "pagefind"` resolves (the
// repository root, whose node_modules holds the pinned package).

import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createInterface } from "node:readline";
import * as pagefind from "pagefind";

// Requests in flight at once: enough to keep the service busy without
// holding the whole site in memory.
const WINDOW = 32;

async function main() {
  const [mode, input, output] = process.argv.slice(2);
  if (!["records", "html"].includes(mode) || !input || !output) {
    console.error("usage: node index-records.mjs records|html <input> <output-folder>");
    process.exit(2);
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh" });
  if (!index) throw new Error("createIndex: " + errors.join("; "));

  const pending = new Set();
  const problems = [];
  let added = 0;
  const add = async (p) => {
    const task = p.then((r) => {
      if (r.errors.length) problems.push(...r.errors);
      else added++;
    });
    pending.add(task);
    task.finally(() => pending.delete(task));
    if (pending.size >= WINDOW) await Promise.race(pending);
  };

  if (mode === "records") {
    const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === "") continue;
      await add(index.addCustomRecord(JSON.parse(line)));
    }
  } else {
    for (const file of await htmlFiles(input)) {
      const content = await readFile(file, "utf8");
      if (!content.includes("data-pagefind-body")) continue;
      await add(index.addHTMLFile({ url: pageURL(relative(input, file)), content }));
    }
  }
  await Promise.all(pending);

  const w = await index.writeFiles({ outputPath: output });
  problems.push(...w.errors);
  await pagefind.close();
  console.log(JSON.stringify({ mode, added, errors: problems.slice(0, 5), errorCount: problems.length }));
  if (problems.length) process.exit(1);
}

// htmlFiles lists the .html files below dir, sorted, without the index
// folder of an earlier run.
async function htmlFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith(".html")) continue;
    const p = join(e.parentPath, e.name);
    if (relative(dir, p).split(sep)[0] === "pagefind") continue;
    out.push(p);
  }
  return out.sort();
}

// pageURL turns a/b/index.html into /a/b/, as the CLI names results.
function pageURL(rel) {
  const u = "/" + rel.split(sep).join("/");
  return u.endsWith("/index.html") ? u.slice(0, -"index.html".length) : u;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
