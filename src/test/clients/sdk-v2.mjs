// Talks to Weft's v2 Data API through Webflow's official JavaScript SDK
// (webflow-api, pinned to 3.3.4 in package.json), pointed at Weft instead of
// https://api.webflow.com/v2.
//
// In webflow-api 3.3.4 every endpoint builds its URL as
//   url.join(options.baseUrl ?? (options.environment ?? WebflowEnvironment.DataApi).base, "<path>")
// so `baseUrl` overrides the host for every request: with baseUrl
// WEFT_BASE_URL + "/v2" the calls below go to WEFT_BASE_URL/v2/sites,
// WEFT_BASE_URL/v2/sites/{id} and WEFT_BASE_URL/v2/token/introspect.
// maxRetries: 0 so that an error status is reported at once rather than retried.
//
// Output (stdout): ONE line of JSON
//   {"list": <sites.list()>, "site": <sites.get(firstSiteId)>, "introspect": <token.introspect()>}
// as the SDK returns them after its own response parsing -- note that the SDK turns
// ISO 8601 date strings into Date objects (re-serialized by JSON.stringify as
// toISOString(), i.e. UTC with milliseconds) and turns null optional fields into
// undefined (so they are absent from this output).
// On an SDK error: {"statusCode": ..., "body": ..., "error": <message>} as ONE line of
// JSON on stderr, exit 1.
// If the site list is empty: a message on stderr, exit 2.
//
// Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... node sdk-v2.mjs
import { WebflowClient, WebflowError } from "webflow-api";

const client = new WebflowClient({
  accessToken: process.env.WEFT_API_TOKEN,
  baseUrl: process.env.WEFT_BASE_URL + "/v2",
  maxRetries: 0,
});

try {
  const list = await client.sites.list();
  const firstSiteId = list.sites?.[0]?.id;
  if (firstSiteId === undefined) {
    console.error("sites.list() returned no site: " + JSON.stringify(list));
    process.exit(2);
  }
  const site = await client.sites.get(firstSiteId);
  const introspect = await client.token.introspect();
  console.log(JSON.stringify({ list, site, introspect }));
} catch (err) {
  // statusCode and body are null when there was no HTTP error answer (connection
  // refused, timeout, ...); "error" then says what happened.
  console.error(JSON.stringify({
    statusCode: err instanceof WebflowError ? (err.statusCode ?? null) : null,
    body: err instanceof WebflowError ? (err.body ?? null) : null,
    error: String(err?.message ?? err),
  }));
  process.exit(1);
}
