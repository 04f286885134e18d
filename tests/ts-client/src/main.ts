// A TypeScript program using the client generated from openapi.yaml by openapi-typescript, through
// openapi-fetch: compiled with tsc --strict (no casts, no `any`), then run against a live server by
// tests/test_ts_client.py.  usage: node dist/main.js BASE_URL API_KEY < article.txt
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Position = components["schemas"]["Position"];
type Problem = components["schemas"]["Problem"];
type Speaker = components["schemas"]["Speaker"];

const [baseUrl = "http://127.0.0.1:8000", apiKey = ""] = process.argv.slice(2);
// every 200 also documents JSON-LD, CSV and NDJSON bodies: these media types narrow `data` to the JSON
// body and `error` to the problem+json document
const client = createClient<paths, "application/json" | "application/problem+json">({ baseUrl });

function fail(message: string): never {
  throw new Error(message);
}

function byline(speaker: Speaker): string {
  return speaker.role ? `${speaker.name}, ${speaker.role}` : speaker.name;
}

function describe(position: Position): string {
  const speaker: Speaker | null | undefined = position.speaker;
  return `${position.actor.code} ${position.kind} by ${speaker ? byline(speaker) : "(an institution)"}: ${position.summary}`;
}

async function main(): Promise<void> {
  // a list: a page of NATO's positions
  const list = await client.GET("/positions", { params: { query: { actor: ["NATO"], per_page: 5 } } });
  if (!list.data) fail(`listing failed: ${list.response.status}`);
  const total: number = list.data.total;
  const first: Position = list.data.items[0] ?? fail("no position of NATO");
  const next: string | null | undefined = list.data.links.next;

  // one position, with its speaker (null for an institution)
  const one = await client.GET("/positions/{position_id}", { params: { path: { position_id: first.id } } });
  if (!one.data) fail(`fetching ${first.id} failed: ${one.response.status}`);
  const position: Position = one.data;
  const speakerName: string | undefined = position.speaker?.name;
  const sourceUrl: string | null | undefined = position.source.url;

  // an error: problem+json
  const refused = await client.GET("/positions", { params: { query: { actor: ["XYZ"] } } });
  if (refused.data !== undefined || refused.error === undefined) fail("an unknown actor was accepted");
  const problem: Problem = refused.error;
  const status: number | undefined = problem.status;
  const detail: string = problem.detail ?? "";

  // a submission with an API key, then its deletion
  const text = readFileSync(0, "utf-8");
  const headers = { Authorization: `Bearer ${apiKey}` };
  const created = await client.POST("/articles", { body: { text, outlet: "TypeScript" }, headers });
  if (!created.data) fail(`submission failed: ${created.response.status} ${JSON.stringify(created.error)}`);
  const sourceId: string = created.data.id;
  const extracted: Position[] = created.data.positions;
  const deleted = await client.DELETE("/sources/{source_id}", { params: { path: { source_id: sourceId } }, headers });

  console.log(JSON.stringify({
    total, next: next ?? null, first: describe(first), speakerName: speakerName ?? null, sourceUrl: sourceUrl ?? null,
    problemStatus: status ?? null, detail, sourceId, created: created.response.status,
    extracted: extracted.map(describe), deleted: deleted.response.status,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
